/**
 * Markdown that micromark, the parser, cannot read in reasonable time, found before parsing.
 *
 * micromark slows down much faster than its input grows on some shapes of text. Measured on the
 * bench machine, one paragraph each:
 * - `*`, `_`, `~` and `[` in numbers: 4,000 "*_" pairs took 0.6 s, 8,000 took 1.7 s and 16,000
 *   took 15 s; 8,000 unclosed "[a](" took 0.9 s, 16,000 nested "[" 2.6 s;
 * - unclosed HTML comments and instructions: 2,000 "<!--" took 0.6 s, 8,000 took 6.5 s;
 * - lines continuing a quoted or listed paragraph without the quote mark or the indent (lazy
 *   lines): 8,000 took 2 s, 32,000 took 33 s;
 * - nesting: lists 500 deep took 5 s, 1,000 deep 35 s.
 * Files are at most 1 MB (lib/source-text.ts), but a 1 MB file of such text would still hold a
 * build for hours, and `next dev` or a bare `next build` has no watchdog (scripts/check.ts has).
 * So a body is refused before it is parsed if one paragraph holds more of these than any prose
 * does, or if its lists and quotes nest deeper than any reader can follow. At each limit its
 * shape alone parses in about half a second or less, and all of them at once in one paragraph
 * in about two; a 1 MB file of paragraphs just under the limits would take about a minute, not
 * hours. The check's watchdog remains for whatever slow shape this scan does not know.
 *
 * The scan follows Markdown's block structure only as far as it needs to: quotes, list items,
 * paragraphs and what may interrupt them, headings, table rows, fenced and indented code and
 * HTML blocks. Where it is unsure it counts less, never more: code and HTML blocks are skipped,
 * and so is anything escaped with a backslash, which is the fix the messages suggest.
 */

/** Unescaped `*`, `_`, `~` and `[`, together, in one paragraph, above which it is refused. */
export const MAX_INLINE_MARKS = 6_000;
/** Unescaped `<!` and `<?` (comments, declarations, instructions) in one paragraph. */
export const MAX_HTML_OPENINGS = 1_000;
/** Lines continuing a quoted or listed paragraph without the quote mark or indent. */
export const MAX_LAZY_LINES = 2_000;
/** Lists and quotes nested this deep are refused. */
export const MAX_NESTING = 50;

export interface ParserHazard {
  /** 1-based line within the body. */
  line: number;
  message: string;
}

const BLANK = /^[ \t]*$/;
/** A thematic break ("* * *", "---", "___"), which is not a list item. */
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A code fence; a backtick fence's info string holds no backtick. */
const FENCE = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;
/** A GFM table's delimiter row, such as `| --- | :-: |`. */
const TABLE_DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A quote mark, or a list item's marker with its content column, where the last one ended. */
const CONTAINER_MARKER = /([ \t]*)(>|[*+-](?=[ \t]|$)|(\d{1,9})[.)](?=[ \t]|$))[ \t]?/y;

/**
 * HTML blocks (CommonMark's seven kinds): how each starts and where it ends. The first five end
 * at a closing marker, the last two at a blank line; only the last cannot interrupt a paragraph.
 */
const HTML_BLOCKS: { start: RegExp; end: RegExp | 'blank'; interrupts: boolean }[] = [
  {
    start: /^<(?:pre|script|style|textarea)(?:[ \t>]|$)/i,
    end: /<\/(?:pre|script|style|textarea)>/i,
    interrupts: true,
  },
  { start: /^<!--/, end: /-->/, interrupts: true },
  { start: /^<\?/, end: /\?>/, interrupts: true },
  { start: /^<![a-z]/i, end: />/, interrupts: true },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  {
    start:
      /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i,
    end: 'blank',
    interrupts: true,
  },
  { start: /^<\/?[a-z][a-z0-9-]*(?:[^<>]*)>[ \t]*$/i, end: 'blank', interrupts: false },
];

const number = (value: number) => value.toLocaleString('en-US');

/** Leading white space as columns, a tab counting four. */
function indentOf(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4;
    else break;
  }
  return columns;
}

interface Item {
  /** Column of the marker. */
  column: number;
  /** Column where the item's text starts. */
  content: number;
  /** The number of an ordered item, undefined for a bullet. */
  start: number | undefined;
}

/** A line's container markers (quotes and list items), in order, and what follows them. */
function splitContainers(line: string): {
  /** Quote marks before any list item. */
  quotes: number;
  /** All the line's markers. */
  markers: number;
  items: Item[];
  /** The line after its quote marks only. */
  afterQuotes: string;
  /** The line after all its markers. */
  rest: string;
} {
  let quotes = 0;
  let markers = 0;
  const items: Item[] = [];
  let end = 0;
  let afterQuotes: number | undefined;
  CONTAINER_MARKER.lastIndex = 0;
  for (let match = CONTAINER_MARKER.exec(line); match; match = CONTAINER_MARKER.exec(line)) {
    const [, indent = '', marker = '', ordinal] = match;
    const column = end + indent.length;
    // "* * *" is a rule, not three list items.
    if (marker !== '>' && THEMATIC_BREAK.test(line.slice(end))) break;
    markers += 1;
    if (marker === '>') {
      // A quote inside a list item is part of the item's text, as far as this scan goes.
      if (items.length === 0) quotes += 1;
    } else {
      afterQuotes ??= end;
      items.push({
        column,
        content: CONTAINER_MARKER.lastIndex,
        start: ordinal === undefined ? undefined : Number(ordinal),
      });
    }
    end = CONTAINER_MARKER.lastIndex;
  }
  return {
    quotes,
    markers,
    items,
    afterQuotes: line.slice(afterQuotes ?? end),
    rest: line.slice(end),
  };
}

/** The line after its first `count` quote marks, or undefined if it has fewer. */
function withoutQuotes(line: string, count: number): string | undefined {
  let rest = line;
  for (let i = 0; i < count; i += 1) {
    const match = /^[ \t]*>[ \t]?/.exec(rest);
    if (!match) return undefined;
    rest = rest.slice(match[0].length);
  }
  return rest;
}

interface Paragraph {
  line: number;
  marks: number;
  htmlOpenings: number;
  lazyLines: number;
  /** Quote marks it was opened under. */
  quotes: number;
  /** Column, after the quote marks, its lines keep to within a list item; 0 outside one. */
  content: number;
  /** Cells in its last line, which a delimiter row would make a table's header row. */
  lastLineCells: number | undefined;
}

/** Cells in a table row: its pipes, less those at either end and those escaped. */
function cells(row: string): number {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/).length;
}

/** The first hazard in a body, or undefined when the parser can read it in good time. */
export function findParserHazard(markdown: string): ParserHazard | undefined {
  let fence: { char: string; length: number; quotes: number; content: number } | undefined;
  let html: { end: RegExp | 'blank'; quotes: number } | undefined;
  let table: { quotes: number } | undefined;
  let paragraph: Paragraph | undefined;
  /** Columns of the list items open above the current line, outermost first. */
  const openItems: number[] = [];

  for (const [index, line] of markdown.split(/\r\n|\n|\r/).entries()) {
    const lineNumber = index + 1;
    const { quotes, markers, items, afterQuotes, rest } = splitContainers(line);
    // Where text in the line's innermost list item starts, counted after its quote marks; 0
    // outside an item. Fences and paragraphs opened here keep to it.
    const innermost = items.at(-1);
    const itemContent = innermost ? innermost.content - (line.length - afterQuotes.length) : 0;

    // Inside a fence or an HTML block nothing is inline text, until it ends or the quote or
    // list item holding it does.
    if (fence) {
      // Quote marks past those the fence opened under are its text.
      const inner = withoutQuotes(line, fence.quotes);
      const left = inner === undefined || (!BLANK.test(inner) && indentOf(inner) < fence.content);
      if (inner !== undefined && !left) {
        const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(inner.slice(fence.content));
        const marks = closing?.[1] ?? '';
        if (marks.startsWith(fence.char) && marks.length >= fence.length) fence = undefined;
        continue;
      }
      fence = undefined;
    }
    if (html) {
      if (quotes < html.quotes) {
        html = undefined;
      } else if (html.end === 'blank') {
        if (!BLANK.test(afterQuotes)) continue;
        html = undefined;
      } else {
        if (html.end.test(line)) html = undefined;
        continue;
      }
    }

    // Whether the line's list markers start items. After a paragraph's line they do only if
    // the first is a bullet, starts at 1, or is the next item of a list already open (a "10."
    // after a "9."); otherwise the line goes on with the paragraph. Nesting: the items a line
    // starts go on top of those still open above it, and close every item at or right of the
    // first one's column.
    const first = items[0];
    const startsItems =
      first !== undefined &&
      (!paragraph ||
        quotes > paragraph.quotes ||
        first.start === undefined ||
        first.start === 1 ||
        openItems.includes(first.column));
    if (first && startsItems) {
      while (openItems.length > 0 && (openItems.at(-1) ?? 0) >= first.column) openItems.pop();
      openItems.push(...items.map((item) => item.column));
    }
    const depth = Math.max(startsItems ? markers : quotes, openItems.length + quotes);
    if (depth >= MAX_NESTING) {
      return {
        line: lineNumber,
        message: `lists or quotes nest ${number(depth)} levels deep here: no reader can follow that many, and the Markdown parser slows down sharply on deep nesting; flatten it to fewer than ${MAX_NESTING} levels`,
      };
    }

    if (BLANK.test(rest)) {
      paragraph = undefined;
      if (BLANK.test(afterQuotes)) table = undefined;
      continue;
    }
    const indent = indentOf(rest);
    const text = rest.trimStart();
    const startsBlock =
      indent < 4 &&
      (ATX_HEADING.test(text) ||
        FENCE.test(text) ||
        HTML_BLOCKS.some((block) => block.interrupts && block.start.test(text)));

    // The line goes on with the open paragraph unless it starts items (above) or a block that
    // can interrupt one.
    let inline = rest;
    if (paragraph) {
      if (quotes > paragraph.quotes || startsItems || startsBlock) {
        paragraph = undefined;
      } else {
        inline = afterQuotes;
        // A delimiter row with as many cells turns the paragraph's last line into the header
        // row of a table.
        if (
          text.includes('|') &&
          TABLE_DELIMITER_ROW.test(text) &&
          cells(text) === paragraph.lastLineCells
        ) {
          table = { quotes };
          paragraph = undefined;
          continue;
        }
        if (quotes < paragraph.quotes || indentOf(afterQuotes) < paragraph.content) {
          paragraph.lazyLines += 1;
        }
      }
    } else if (table && (quotes !== table.quotes || first !== undefined || startsBlock)) {
      table = undefined;
    }

    if (!paragraph && !table) {
      if (indent >= 4) continue; // indented code
      const opening = FENCE.exec(text);
      if (opening) {
        const marks = opening[1] ?? opening[2] ?? '';
        // A fence opened on a later line of an item is left to end at its closing line.
        fence = { char: marks.charAt(0), length: marks.length, quotes, content: itemContent };
        continue;
      }
      const block = HTML_BLOCKS.find((candidate) => candidate.start.test(text));
      if (block) {
        if (block.end === 'blank' || !block.end.test(text.slice(2))) {
          html = { end: block.end, quotes };
        }
        continue;
      }
    }

    // Inline text: a paragraph's line, a heading or a table row.
    const counted: Paragraph = paragraph ?? {
      line: lineNumber,
      marks: 0,
      htmlOpenings: 0,
      lazyLines: 0,
      quotes,
      content: itemContent,
      lastLineCells: undefined,
    };
    for (let i = 0; i < inline.length; i += 1) {
      const char = inline[i];
      if (char === '\\') i += 1;
      else if (char === '*' || char === '_' || char === '~' || char === '[') counted.marks += 1;
      else if (char === '<' && (inline[i + 1] === '!' || inline[i + 1] === '?')) {
        counted.htmlOpenings += 1;
      }
    }
    const hazard = paragraphHazard(counted);
    if (hazard) return { line: counted.line, message: hazard };
    counted.lastLineCells = text.includes('|') ? cells(text) : undefined;
    // A heading and a table row are each read on their own.
    paragraph = table || ATX_HEADING.test(text) ? undefined : counted;
  }
  return undefined;
}

function paragraphHazard(paragraph: Paragraph): string | undefined {
  if (paragraph.marks > MAX_INLINE_MARKS) {
    return `this paragraph holds more than ${number(MAX_INLINE_MARKS)} unescaped *, _, ~ or [ characters, which slow the Markdown parser down sharply; escape them (\\*, \\_, \\~, \\[), put them in a code block, or split the paragraph`;
  }
  if (paragraph.htmlOpenings > MAX_HTML_OPENINGS) {
    return `this paragraph opens more than ${number(MAX_HTML_OPENINGS)} HTML comments or declarations (<! or <?), which slow the Markdown parser down sharply; escape them (\\<), put them in a code block, or split the paragraph`;
  }
  if (paragraph.lazyLines > MAX_LAZY_LINES) {
    return `this quoted or listed paragraph goes on for more than ${number(MAX_LAZY_LINES)} lines without its > or indent, which slows the Markdown parser down sharply; leave a blank line where the quote or list should end, or mark every line`;
  }
  return undefined;
}
