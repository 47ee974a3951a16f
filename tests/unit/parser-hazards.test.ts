import { describe, expect, it } from 'vitest';
import {
  findParserHazard,
  MAX_BRACKETS,
  MAX_EMPHASIS_MARKS,
  MAX_NESTING,
} from '@/lib/parser-hazards';
import { processBodyCached } from '@/lib/render-cache';

const EMPHASIS = `more than ${MAX_EMPHASIS_MARKS.toLocaleString('en-US')} unescaped *, _ or ~`;
const BRACKETS = `more than ${MAX_BRACKETS.toLocaleString('en-US')} unescaped [`;

/** A list nested `depth` levels by indentation, one level per line, from line 1. */
const nestedList = (depth: number, marker = '-') =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${marker} level ${i + 1}`).join('\n');

describe('findParserHazard', () => {
  it('passes an ordinary article', () => {
    const article = [
      '## Trust',
      '',
      'Trust *matters*[^gottman-1999], and so does __intimacy__ and ~~haste~~.',
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

  it('refuses a paragraph with more emphasis marks than prose holds, at its first line', () => {
    const marks = '*_'.repeat(MAX_EMPHASIS_MARKS / 2);
    expect(findParserHazard(`Intro.\n\n${marks}\n`)).toBeUndefined();
    const hazard = findParserHazard(`Intro.\n\n${marks}\n~\n`);
    expect(hazard?.line).toBe(3);
    expect(hazard?.message).toContain(EMPHASIS);
  });

  it('counts a paragraph across its lines, inside a quote too', () => {
    const line = '*_'.repeat(500);
    const quoted = Array.from({ length: 9 }, () => `> ${line}`).join('\n');
    expect(findParserHazard(`# Title\n\n${quoted}\n`)?.line).toBe(3);
    // The same lines as separate paragraphs of the quote are each well under the limit.
    expect(findParserHazard(`# Title\n\n${quoted.replaceAll('\n', '\n>\n')}\n`)).toBeUndefined();
    // A table's rows are counted one by one, but the table ends at a blank line.
    const lines = Array.from({ length: 9 }, () => line).join('\n');
    expect(findParserHazard(`| a |\n| - |\n${lines}\n`)).toBeUndefined();
    expect(findParserHazard(`| a |\n| - |\n| b |\n\n${lines}\n`)?.line).toBe(5);
  });

  it('refuses brackets nested or left open past the limit', () => {
    const nested = `${'['.repeat(MAX_BRACKETS + 1)}x${']'.repeat(MAX_BRACKETS + 1)}`;
    const hazard = findParserHazard(`## Heading\n\n${nested}\n`);
    expect(hazard?.line).toBe(3);
    expect(hazard?.message).toContain(BRACKETS);
    expect(findParserHazard('[a]('.repeat(MAX_BRACKETS + 1))?.message).toContain(BRACKETS);
    expect(findParserHazard('[a]('.repeat(MAX_BRACKETS))).toBeUndefined();
  });

  it('does not count what the parser does not read as emphasis or links', () => {
    const many = '*_['.repeat(MAX_EMPHASIS_MARKS);
    const body = [
      'Code, escapes, tables and lists only look slow.',
      '',
      '```c',
      'int x;',
      many,
      '```',
      '',
      '~~~~',
      many,
      '```',
      '~~~~',
      '',
      '\\*\\_\\['.repeat(MAX_EMPHASIS_MARKS),
      '',
      '| Name | Note |',
      '| --- | :-: |',
      ...Array.from({ length: 600 }, (_, i) => `| **a${i}** **b** | _c_ _d_ ~~e~~ [f] [g] |`),
      '',
      ...Array.from({ length: 600 }, (_, i) => `- **a${i}** **b** _c_ _d_ ~~e~~ [f] [g]`),
      '',
      ...Array.from(
        { length: 600 },
        (_, i) => `${'#'.repeat((i % 6) + 1)} **a${i}** **b** _c_ _d_ ~~e~~ ~~f~~`,
      ),
      '',
      '* * *',
      '',
      Array.from({ length: MAX_NESTING + 10 }, () => '-').join(' '),
    ].join('\n');
    expect(findParserHazard(body)).toBeUndefined();
  });

  it('stops counting after a fence that never closes, as the parser does', () => {
    expect(findParserHazard(`\`\`\`\n${'*_'.repeat(MAX_EMPHASIS_MARKS)}\n`)).toBeUndefined();
  });

  it('refuses lists and quotes nested past the limit, on the line that reaches it', () => {
    expect(findParserHazard(nestedList(MAX_NESTING - 1))).toBeUndefined();
    const lists = findParserHazard(`Intro.\n\n${nestedList(MAX_NESTING + 10)}`);
    expect(lists).toEqual({
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

  it('closes the items a later item is not nested in', () => {
    const half = nestedList(MAX_NESTING / 2 + 5);
    expect(findParserHazard(`${half}\n\nText at the margin.\n\n${half}`)).toBeUndefined();
    expect(findParserHazard(`${half}\n${half}`)).toBeUndefined();
    // Indented past the first list's deepest item, the second nests inside it.
    const deeper = half.replaceAll(/^/gm, '  '.repeat(MAX_NESTING / 2 + 5));
    expect(findParserHazard(`${half}\n${deeper}`)?.line).toBe(MAX_NESTING);
  });

  it('numbers lines the same with Windows line endings', () => {
    const body = `Intro.\r\n\r\n${'*_'.repeat(MAX_EMPHASIS_MARKS)}\r\n`;
    expect(findParserHazard(body)?.line).toBe(3);
  });
});

describe('a body with a parser hazard', () => {
  it('is reported where it is in the file, and never parsed', () => {
    const context = { file: 'a.md', bodyStartLine: 7, kind: 'article' as const, page: '/a' };
    const body = `Intro[^missing].\n\n${'[a]('.repeat(MAX_BRACKETS + 1)}\n`;
    const processed = processBodyCached(body, { path: 'a.md' }, context, null);
    // Only the hazard: the missing footnote would need a parse to be found.
    expect(processed.report.diagnostics).toEqual([
      expect.objectContaining({ file: 'a.md', line: 9, column: 1, severity: 'error' }),
    ]);
    expect(processed.report.diagnostics[0]?.message).toContain(BRACKETS);
    expect(processed.rendered.html).toBe('');
  });
});
