import { describe, expect, it } from 'vitest';
import {
  findParserHazard,
  MAX_HTML_OPENINGS,
  MAX_INLINE_MARKS,
  MAX_LAZY_LINES,
  MAX_NESTING,
} from '@/lib/parser-hazards';
import { processBodyCached } from '@/lib/render-cache';

const MARKS = `more than ${MAX_INLINE_MARKS.toLocaleString('en-US')} unescaped *, _, ~ or [`;
const HTML = `opens more than ${MAX_HTML_OPENINGS.toLocaleString('en-US')} HTML comments`;
const LAZY = `more than ${MAX_LAZY_LINES.toLocaleString('en-US')} lines without its > or indent`;

/** Exactly the marks one paragraph may hold, and one more. */
const atLimit = '*_'.repeat(MAX_INLINE_MARKS / 2);
const overLimit = `${atLimit}[`;

/** A list nested `depth` levels by indentation, one level per line, from line 1. */
const nestedList = (depth: number, marker = '-') =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${marker} level ${i + 1}`).join('\n');

const lines = (count: number, line: string) => Array.from({ length: count }, () => line).join('\n');

describe('findParserHazard: inline marks', () => {
  it('passes an ordinary article', () => {
    const article = [
      '## Trust',
      '',
      'Trust *matters*[^gottman-1999], and so does __intimacy__ and ~~haste~~.',
      '<!-- an editor’s note --> and <?php ?> in passing.',
      '',
      '- a list',
      '  - nested once',
      '',
      '> a quote',
      '',
      '[^gottman-1999]: Gottman, J. M. (1999). *The Marriage Clinic*.',
    ].join('\n');
    expect(findParserHazard(article)).toBeUndefined();
  });

  it('refuses a paragraph with more *, _, ~ and [ than prose holds, at its first line', () => {
    expect(findParserHazard(`Intro.\n\n${atLimit}\n`)).toBeUndefined();
    expect(findParserHazard(`Intro.\n\n${overLimit}\n`)).toEqual({
      line: 3,
      message: `this paragraph holds ${MARKS} characters, which slow the Markdown parser down sharply; escape them (\\*, \\_, \\~, \\[), put them in a code block, or split the paragraph`,
    });
    // The four count together: brackets and marks mixed are slower than either alone.
    const mixed = `${'*_[a]('.repeat(MAX_INLINE_MARKS / 4)}${'[a]('.repeat(MAX_INLINE_MARKS / 4 + 1)}`;
    expect(findParserHazard(mixed)?.message).toContain(MARKS);
  });

  it('counts a paragraph across its lines, in a quote and a list item too', () => {
    const half = '*_'.repeat(MAX_INLINE_MARKS / 4);
    expect(findParserHazard(`# Title\n\n> ${half}\n> ${half}\n> [\n`)?.line).toBe(3);
    expect(findParserHazard(`# Title\n\n- ${half}\n  ${half}\n  [\n`)?.line).toBe(3);
    // The same text as two paragraphs of the quote is under the limit each.
    expect(findParserHazard(`> ${half}\n>\n> ${half}[\n`)).toBeUndefined();
  });

  it('refuses more unclosed HTML comments and instructions than prose holds', () => {
    const openings = `a ${'<!-- '.repeat(MAX_HTML_OPENINGS / 2)}${'<? '.repeat(MAX_HTML_OPENINGS / 2)}`;
    expect(findParserHazard(openings)).toBeUndefined();
    expect(findParserHazard(`${openings} <!x`)).toEqual({
      line: 1,
      message: `this paragraph ${HTML} or declarations (<! or <?), which slow the Markdown parser down sharply; escape them (\\<), put them in a code block, or split the paragraph`,
    });
  });

  it('refuses a quoted or listed paragraph that goes on for thousands of lazy lines', () => {
    const lazy = lines(MAX_LAZY_LINES + 1, 'and more');
    expect(findParserHazard(`Intro.\n\n> A quote\n${lazy}`)).toEqual({
      line: 3,
      message: `this quoted or listed paragraph goes on for ${LAZY}, which slows the Markdown parser down sharply; leave a blank line where the quote or list should end, or mark every line`,
    });
    expect(findParserHazard(`- An item\n${lazy}`)?.message).toContain(LAZY);
    expect(findParserHazard(`> A quote\n${lines(MAX_LAZY_LINES, 'and more')}`)).toBeUndefined();
    // Lines that keep their quote mark or indent are not lazy, however many.
    expect(findParserHazard(lines(3 * MAX_LAZY_LINES, '> quoted'))).toBeUndefined();
    expect(
      findParserHazard(`- An item\n${lines(3 * MAX_LAZY_LINES, '  indented')}`),
    ).toBeUndefined();
    expect(findParserHazard(lines(3 * MAX_LAZY_LINES, 'a plain paragraph'))).toBeUndefined();
  });

  it('numbers lines the same with Windows or old Mac line endings', () => {
    expect(findParserHazard(`Intro.\r\n\r\n${overLimit}\r\n`)?.line).toBe(3);
    expect(findParserHazard(`Intro.\r\r${overLimit}\r`)?.line).toBe(3);
  });
});

describe('findParserHazard: what is not inline text', () => {
  it('skips fenced and indented code and HTML blocks', () => {
    const many = overLimit.repeat(2);
    const body = [
      'Code, escapes and HTML only look slow.',
      '',
      '```c',
      'int x;',
      many,
      '```',
      '',
      '~~~~',
      '```',
      many,
      '~~~~',
      '',
      '- A listing in an item:',
      '',
      '  ```python',
      `  ${many}`,
      '  ```',
      '',
      lines(1_000, '    self.__field_1__ = some_module.some_function_name(arg_1)'),
      '',
      '<pre><code>',
      many,
      '',
      many,
      '</code></pre>',
      '',
      '<!--',
      many,
      '-->',
      '',
      '<div>',
      lines(3, `*a* _b_ [c] ${many}`),
      '</div>',
      '',
      '<table>',
      lines(3_000, '<tr id="row_1_a"><td>*a*</td><td>_b_</td></tr>'),
      '</table>',
      '',
      '\\*\\_\\~\\['.repeat(MAX_INLINE_MARKS),
    ].join('\n');
    expect(findParserHazard(body)).toBeUndefined();
  });

  it('keeps in step with fences that hold fences, as a Markdown tutorial does', () => {
    const tutorial = ['```markdown', '> ```js', '> x', '> ```', '```'].join('\n');
    const code = `\`\`\`\n${overLimit}\n\`\`\``;
    expect(findParserHazard(`${tutorial}\n\n${code}\n`)).toBeUndefined();
    expect(findParserHazard(`${tutorial}\n\n${overLimit}\n`)?.line).toBe(7);
  });

  it('ends a fence with the quote or list item it is in', () => {
    expect(findParserHazard(`> \`\`\`\n${overLimit}\n`)?.line).toBe(2);
    expect(findParserHazard(`- \`\`\`\n${overLimit}\n`)?.line).toBe(2);
    expect(findParserHazard(`- \`\`\`\n  ${overLimit}\n`)).toBeUndefined();
  });

  it('counts what only looks like a fence, a table or a list item', () => {
    // A backtick in a backtick fence's info string: not a fence.
    expect(findParserHazard(`\`\`\`a\`\n${overLimit}\n`)?.line).toBe(1);
    // Indented four spaces after a paragraph's line: more of the paragraph.
    expect(findParserHazard(`x\n    \`\`\`\n${overLimit}\n`)?.line).toBe(1);
    // A delimiter row without a header row above it, or with fewer cells: a paragraph.
    expect(findParserHazard(`|-|\n${overLimit}\n`)?.line).toBe(1);
    const half = '*_'.repeat(MAX_INLINE_MARKS / 4);
    expect(findParserHazard(`| a | b |\n| - |\n${half}\n${half}[\n`)?.line).toBe(1);
    // An ordered item not starting at 1 cannot interrupt a paragraph.
    expect(findParserHazard(`x\n10. ${half}\n10. ${half}[\n`)?.line).toBe(1);
    // The next item of a list can.
    expect(findParserHazard(`9. x\n10. ${half}\n11. ${half}[\n`)).toBeUndefined();
  });

  it('counts each table row on its own, until the table ends', () => {
    const half = '*_'.repeat(MAX_INLINE_MARKS / 4);
    const rows = lines(600, '| **a** **b** | _c_ _d_ ~~e~~ [f] [g] |');
    expect(findParserHazard(`| Name | Note |\n| --- | :-: |\n${rows}\n`)).toBeUndefined();
    expect(findParserHazard(`| a |\n| - |\n${half}\n${half}\n`)).toBeUndefined();
    // Blank lines end a table, in a quote too.
    expect(findParserHazard(`| a |\n| - |\n| b |\n\n${half}\n${half}[\n`)?.line).toBe(5);
    expect(findParserHazard(`> | a |\n> | - |\n> | b |\n>\n> ${half}\n> ${half}[\n`)?.line).toBe(5);
  });

  it('counts headings and list items on their own', () => {
    const heading = '**a** **b** _c_ _d_ ~~e~~ ~~f~~ [g]';
    const body = [
      ...Array.from({ length: 600 }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${heading}`),
      '',
      lines(600, `- ${heading}`),
      '',
      '* * *',
      '',
      Array.from({ length: MAX_NESTING + 10 }, () => '-').join(' '),
    ].join('\n');
    expect(findParserHazard(body)).toBeUndefined();
  });

  it('stops counting after a fence that never closes, as the parser does', () => {
    expect(findParserHazard(`\`\`\`\n${overLimit.repeat(2)}\n`)).toBeUndefined();
  });
});

describe('findParserHazard: nesting', () => {
  it('refuses lists and quotes nested past the limit, on the line that reaches it', () => {
    expect(findParserHazard(nestedList(MAX_NESTING - 1))).toBeUndefined();
    expect(findParserHazard(`Intro.\n\n${nestedList(MAX_NESTING + 10)}`)).toEqual({
      line: MAX_NESTING + 2,
      message: `lists or quotes nest ${MAX_NESTING} levels deep here: no reader can follow that many, and the Markdown parser slows down sharply on deep nesting; flatten it to fewer than ${MAX_NESTING} levels`,
    });
    expect(findParserHazard(nestedList(MAX_NESTING, '1.'))?.line).toBe(MAX_NESTING);
    expect(findParserHazard(`${'> '.repeat(MAX_NESTING - 1)}quoted`)).toBeUndefined();
    expect(findParserHazard(`Intro.\n${'>'.repeat(MAX_NESTING)} quoted`)?.line).toBe(2);
    // Quotes and list items on one line count together.
    expect(findParserHazard(`${'> - '.repeat(MAX_NESTING / 2)}x`)?.message).toContain(
      `nest ${MAX_NESTING} levels`,
    );
  });

  it('counts every item a line opens, and closes those a later item is not nested in', () => {
    const stacked = Array.from(
      { length: 3 },
      (_, i) => `${' '.repeat(40 * i)}${'- '.repeat(20)}x`,
    ).join('\n');
    expect(findParserHazard(stacked)?.line).toBe(3);
    const half = nestedList(MAX_NESTING / 2 + 5);
    expect(findParserHazard(`${half}\n\nText at the margin.\n\n${half}`)).toBeUndefined();
    expect(findParserHazard(`${half}\n${half}`)).toBeUndefined();
    // Indented past the first list's deepest item, the second nests inside it.
    const deeper = half.replaceAll(/^/gm, '  '.repeat(MAX_NESTING / 2 + 5));
    expect(findParserHazard(`${half}\n${deeper}`)?.line).toBe(MAX_NESTING);
  });
});

describe('a body with a parser hazard', () => {
  it('is reported where it is in the file, and never parsed', () => {
    const context = { file: 'a.md', bodyStartLine: 7, kind: 'article' as const, page: '/a' };
    const body = `Intro[^missing].\n\n${'[a]('.repeat(MAX_INLINE_MARKS + 1)}\n`;
    const processed = processBodyCached(body, { path: 'a.md' }, context, null);
    // Only the hazard: the missing footnote would need a parse to be found.
    expect(processed.report.diagnostics).toEqual([
      expect.objectContaining({ file: 'a.md', line: 9, column: 1, severity: 'error' }),
    ]);
    expect(processed.report.diagnostics[0]?.message).toContain(MARKS);
    expect(processed.rendered.html).toBe('');
  });
});
