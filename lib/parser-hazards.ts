/**
 * Markdown that micromark, the parser, cannot read in reasonable time, found before parsing.
 *
 * micromark slows down faster than its input grows on a few shapes of text, measured on the
 * bench machine (one paragraph each):
 * - emphasis marks: 8,000 "*_" pairs took 2 s, 16,000 took 15 s; "~" (strikethrough) alike;
 * - brackets: 16,000 nested "[" took 2.6 s, and as many unclosed "[a](" as long;
 * - nesting: lists 500 deep took 5 s, 1,000 deep 35 s.
 * A 1 MB file of such text would hold a build for hours, and `next dev` or a bare `next build`
 * has no watchdog (scripts/check.ts has). So a body is refused before it is parsed if one
 * paragraph holds more unescaped marks or brackets than any prose does, or if its lists and
 * quotes nest deeper than any reader can follow. Below these limits a paragraph parses in
 * under half a second, so the time to parse a body grows at most in step with its size.
 *
 * The scan only approximates Markdown's block structure (paragraphs, list items, headings,
 * table rows, fenced code), erring towards counting less: code in a fence is skipped, so is
 * anything escaped with a backslash, which is the fix the messages suggest.
 */

/** Unescaped `*`, `_` and `~` in one paragraph, above which it is refused. */
export const MAX_EMPHASIS_MARKS = 8_000;
/** Unescaped `[` in one paragraph, above which it is refused. */
export const MAX_BRACKETS = 8_000;
/** Lists and quotes nested this deep are refused. */
export const MAX_NESTING = 50;

export interface ParserHazard {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

const FENCE = /^(`{3,}|~{3,})/;
const BLANK = /^\s*$/;
/** A thematic break ("* * *", "---", "___"), which is not a list item. */
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
/** A GFM table's delimiter row, such as `| --- | :-: |`: the rows after it are cells. */
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
/** One container marker where the last one ended: a quote or a list item. */
const CONTAINER_MARKER = /(\s*)(>|[*+-](?=\s|$)|\d{1,9}[.)](?=\s|$))\s?/y;

const number = (value: number) => value.toLocaleString('en-US');

/** A line's container markers (quotes and list items), and what follows them. */
function splitContainers(line: string): {
  markers: number;
  /** Column of the first list marker on the line, if there is one. */
  listColumn: number | undefined;
  rest: string;
} {
  let markers = 0;
  let listColumn: number | undefined;
  CONTAINER_MARKER.lastIndex = 0;
  let end = 0;
  for (let match = CONTAINER_MARKER.exec(line); match; match = CONTAINER_MARKER.exec(line)) {
    const [, indent = '', marker = ''] = match;
    if (marker !== '>' && listColumn === undefined) listColumn = end + indent.length;
    markers += 1;
    end = CONTAINER_MARKER.lastIndex;
  }
  return { markers, listColumn, rest: line.slice(end) };
}

/** The first hazard in a body, or undefined when the parser can read it in good time. */
export function findParserHazard(markdown: string): ParserHazard | undefined {
  let fence: { char: string; length: number } | undefined;
  let paragraph: { line: number; marks: number; brackets: number } | undefined;
  let inTable = false;
  /** Columns of the list items open above the current line, outermost first. */
  const openItems: number[] = [];

  for (const [index, line] of markdown.split(/\r?\n|\r/).entries()) {
    const lineNumber = index + 1;

    if (THEMATIC_BREAK.test(line)) {
      // "* * *" is a rule, not three list items.
      paragraph = undefined;
      continue;
    }
    const { markers, listColumn, rest } = splitContainers(line);
    const text = rest.trimStart();

    if (fence) {
      const closing = FENCE.exec(text)?.[1] ?? '';
      const closes =
        closing[0] === fence.char &&
        closing.length >= fence.length &&
        BLANK.test(text.slice(closing.length));
      if (closes) fence = undefined;
      continue;
    }

    // Nesting: the list items this line opens on top of those still open above it. An item
    // closes every item at or right of its own column.
    if (listColumn !== undefined) {
      while (openItems.length > 0 && (openItems.at(-1) ?? 0) >= listColumn) openItems.pop();
      openItems.push(listColumn);
    }
    const depth = Math.max(markers, openItems.length + Math.max(0, markers - 1));
    if (depth >= MAX_NESTING) {
      return {
        line: lineNumber,
        message: `lists or quotes nest ${number(depth)} levels deep here: no reader can follow that many, and the Markdown parser slows down sharply on deep nesting; flatten it to fewer than ${MAX_NESTING} levels`,
      };
    }

    // Inline text is parsed a paragraph, a list item's first line, a heading or a table row at
    // a time: each starts the count again.
    const opening = FENCE.exec(text);
    const delimiterRow = rest.includes('|') && TABLE_DELIMITER_ROW.test(rest);
    if (
      BLANK.test(rest) ||
      opening ||
      delimiterRow ||
      inTable ||
      listColumn !== undefined ||
      ATX_HEADING.test(rest)
    ) {
      paragraph = undefined;
    }
    if (BLANK.test(rest)) {
      if (BLANK.test(line)) inTable = false;
      continue;
    }
    if (opening) {
      const marks = opening[1] ?? '```';
      fence = { char: marks.charAt(0), length: marks.length };
      continue;
    }
    if (delimiterRow) {
      inTable = true;
      continue;
    }

    paragraph ??= { line: lineNumber, marks: 0, brackets: 0 };
    for (let i = 0; i < rest.length; i += 1) {
      const char = rest[i];
      if (char === '\\') i += 1;
      else if (char === '*' || char === '_' || char === '~') paragraph.marks += 1;
      else if (char === '[') paragraph.brackets += 1;
    }
    if (paragraph.marks > MAX_EMPHASIS_MARKS) {
      return {
        line: paragraph.line,
        message: `this paragraph holds more than ${number(MAX_EMPHASIS_MARKS)} unescaped *, _ or ~ characters, which slow the Markdown parser down sharply; escape them (\\*, \\_, \\~), put them in a code block, or split the paragraph`,
      };
    }
    if (paragraph.brackets > MAX_BRACKETS) {
      return {
        line: paragraph.line,
        message: `this paragraph holds more than ${number(MAX_BRACKETS)} unescaped [ characters, which slow the Markdown parser down sharply; escape them (\\[), put them in a code block, or split the paragraph`,
      };
    }
  }
  return undefined;
}
