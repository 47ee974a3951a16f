/**
 * Splits a content file into YAML frontmatter and Markdown body, keeping enough of the YAML
 * syntax tree to point an editor at the exact line of a bad field.
 *
 * Safety: gray-matter evaluates `---js` front matter with `eval`, and `engines: { js: false }`
 * does not stop it (it falls back to its built-in `javascript` engine). We refuse any opening
 * line other than a bare `---` before gray-matter sees the file, and replace every non-YAML
 * engine with one that throws, so content can never run as code.
 */
import matter from 'gray-matter';
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { positionAt } from './diagnostics';

/** Frontmatter bigger than this is not something an editor wrote by hand. */
export const MAX_FRONTMATTER_BYTES = 32 * 1024;
/** A real post uses no aliases; a handful is generous, thousands is a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 20;

export interface SourcePosition {
  line: number;
  column: number;
}

export interface ParsedFrontmatter {
  /** Plain data: strings, numbers, booleans, lists and maps. Dates stay as written text. */
  data: unknown;
  body: string;
  /** 1-based line on which the body starts, so body positions can be mapped to the file. */
  bodyStartLine: number;
  /**
   * Where a field's value (or the nearest existing parent of a missing one) is written; with
   * `{ key: true }`, where its name is, for messages about the field itself.
   */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): SourcePosition;
  /**
   * Unquoted top-level values cut short by what YAML reads as a comment on the same line:
   * `title: Ten tips #trust` is the title "Ten tips". Only `#word` counts (a hashtag), since a
   * comment an editor meant starts `# `.
   */
  cutByComment: { field: string; kept: string; lost: string; position: SourcePosition }[];
}

export class FrontmatterSyntaxError extends Error {
  readonly position: SourcePosition;
  constructor(message: string, position: SourcePosition) {
    super(message);
    this.name = 'FrontmatterSyntaxError';
    this.position = position;
  }
}

function refuseEngine(name: string) {
  return () => {
    throw new FrontmatterSyntaxError(
      `front matter must be YAML; "${name}" front matter is never evaluated`,
      { line: 1, column: 1 },
    );
  };
}

const OPENING_LINE = /^(?:\uFEFF)?---([^\n]*)\n/;

export function parseFrontmatter(raw: string): ParsedFrontmatter {
  // Windows line endings would otherwise leave a "\r" on the last field: gray-matter cuts the
  // block at "\n---". Normalising keeps every line number where the editor sees it.
  const source = raw.replace(/\r\n?/g, '\n');
  const opening = OPENING_LINE.exec(source);
  if (!opening) {
    throw new FrontmatterSyntaxError('file must start with a "---" frontmatter block', {
      line: 1,
      column: 1,
    });
  }
  const language = (opening[1] ?? '').trim();
  if (language !== '') {
    throw new FrontmatterSyntaxError(
      `front matter must be YAML opened by a bare "---", not "---${language}"; it is never evaluated`,
      { line: 1, column: 4 },
    );
  }
  // gray-matter ends the block at the first line that starts with "---", whatever follows on
  // it: "----" or "---extra" would close it and leave "-" or "extra" to publish as the body's
  // first line. That line must be a bare "---".
  const rest = source.slice(opening[0].length - 1);
  const firstDashes = /\n(---[^\n]*)/.exec(rest);
  if (firstDashes?.[1] !== undefined && !/^---[ \t]*$/.test(firstDashes[1])) {
    throw new FrontmatterSyntaxError(
      `the frontmatter must end with a line of exactly "---", not "${firstDashes[1]}"`,
      positionAt(source, opening[0].length - 1 + firstDashes.index + 1),
    );
  }
  // gray-matter reads an unclosed block to the end of the file and would report the prose
  // after it as broken YAML, or accept it silently; say what is actually wrong. (A "---" line
  // that is not bare was refused above, so any "---" line found is the closing one.)
  if (!firstDashes) {
    throw new FrontmatterSyntaxError('frontmatter block is not closed by a "---" line', {
      line: 1,
      column: 1,
    });
  }

  let document: Document.Parsed | undefined;
  let matterText = '';
  const file = matter(source, {
    language: 'yaml',
    engines: {
      yaml: (text: string): object => {
        matterText = text;
        if (Buffer.byteLength(text, 'utf8') > MAX_FRONTMATTER_BYTES) {
          throw new FrontmatterSyntaxError(
            `frontmatter is larger than ${MAX_FRONTMATTER_BYTES / 1024} KB`,
            { line: 1, column: 1 },
          );
        }
        document = parseYaml(text);
        return {};
      },
      js: refuseEngine('js'),
      javascript: refuseEngine('javascript'),
      coffee: refuseEngine('coffee'),
      coffeescript: refuseEngine('coffeescript'),
      json: refuseEngine('json'),
      toml: refuseEngine('toml'),
    },
  });

  // The opening `---` is line 1 and the YAML text starts right after it.
  const toFileLine = (offset: number): SourcePosition => {
    const p = positionAt(matterText, offset);
    return { line: p.line, column: p.line === 1 ? p.column + 3 : p.column };
  };

  // gray-matter skips the engine for an empty block; an empty document stands in for it so
  // the schema reports each missing field.
  const doc = document ?? parseYaml('');
  const firstError = doc.errors[0];
  // The block was never closed and a "---" rule further down the body closed it instead:
  // the YAML then holds a blank line and prose. Name the missing line, not a YAML error.
  const prose = firstError ? proseAfterBlankLine(matterText) : undefined;
  if (prose !== undefined) {
    const where = toFileLine(prose);
    throw new FrontmatterSyntaxError(
      `frontmatter block is not closed by a "---" line before the text on line ${where.line}; add one after the last field`,
      where,
    );
  }
  if (firstError) {
    const hint = yamlHint(firstError, matterText);
    throw new FrontmatterSyntaxError(
      `frontmatter is not valid YAML: ${firstError.message.split('\n')[0] ?? ''}` +
        (hint ? `; ${hint}` : ''),
      toFileLine(firstError.pos[0]),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FrontmatterSyntaxError(`frontmatter is not usable YAML: ${reason}`, {
      line: 1,
      column: 1,
    });
  }

  const headLength = source.length - file.content.length;
  const bodyStartLine = positionAt(source, headLength).line;

  const cutByComment: ParsedFrontmatter['cutByComment'] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const { key, value } = pair;
      if (!isScalar(key) || !isScalar(value) || value.type !== 'PLAIN') continue;
      if (typeof value.value !== 'string' || !value.comment) continue;
      // yaml also hands a value the comment on the line below it; only one on the same line
      // cuts the value short.
      const end = value.range?.[1] ?? 0;
      const sameLine = /^[ \t]+#(\S[^\n]*)/.exec(matterText.slice(end));
      if (!sameLine?.[1]) continue;
      cutByComment.push({
        field: String(key.value),
        kept: value.value,
        lost: `#${sameLine[1].trimEnd()}`,
        position: toFileLine(end + sameLine[0].indexOf('#')),
      });
    }
  }

  return {
    data: data ?? {},
    body: file.content,
    bodyStartLine,
    locate(path, options = {}) {
      return toFileLine(offsetOf(doc, path, options.key === true));
    },
    cutByComment,
  };
}

/**
 * Where the first line of prose after a blank line starts in a YAML text, if there is one: a
 * line that is not indented, not a comment, not a list item and not `field:`. Frontmatter
 * fields have no blank line followed by a sentence.
 */
function proseAfterBlankLine(yamlText: string): number | undefined {
  const match = /\n[ \t]*\n((?![ \t#-]|[\w-]+:(?:\s|$))\S)/.exec(yamlText);
  if (match?.[1] === undefined) return undefined;
  const start = match.index + match[0].length - match[1].length;
  // A field with its colon forgotten is one short line; the body is sentences.
  const lines = yamlText
    .slice(start)
    .split('\n')
    .filter((line) => line.trim() !== '');
  const sentences = lines.some((line) => /[.!?…"”)]\s*$/.test(line));
  return lines.length >= 2 || sentences ? start : undefined;
}

/**
 * What to do about the YAML mistakes editors make by hand. The library's message says what is
 * wrong in YAML's terms ("Nested mappings are not allowed in compact mappings"); the hint says
 * what to type instead, quoting the editor's own line where that helps.
 */
function yamlHint(error: YAMLError, yamlText: string): string | undefined {
  return typingSlipHint(error, yamlText) ?? codeHint(error, yamlText);
}

/** The line of the YAML text that holds `offset`, and the one after it. */
function linesAt(yamlText: string, offset: number): { line: string; next: string } {
  const start = yamlText.lastIndexOf('\n', offset - 1) + 1;
  const [line = '', next = ''] = yamlText.slice(start).split('\n');
  return { line, next };
}

/**
 * Slips the YAML library names in its own terms ("Implicit map keys need to be followed by
 * map values"), recognised from the line itself: a missing space or colon after a field's
 * name, a field indented under the one above, an apostrophe inside single quotes.
 */
function typingSlipHint(error: YAMLError, yamlText: string): string | undefined {
  const { line, next } = linesAt(yamlText, error.pos[0]);
  const noSpace = /^([\w-]+):(?![\s/])(\S.*)$/.exec(line);
  if (noSpace) return `put a space after the colon: ${noSpace[1]}: ${noSpace[2]}`;
  const noColon = /^([a-z][\w-]*) +([^:\s].*)$/i.exec(line);
  if (noColon && !line.includes(':')) {
    return `a field needs a colon after its name: ${noColon[1]}: ${noColon[2]}`;
  }
  const indented = /^[ \t]+([\w-]+):\s/.exec(next);
  if (indented && /^[\w-]+:\s/.test(line)) {
    return `the line after this one is indented, so YAML reads "${indented[1]}" as part of this field; start "${indented[1]}:" at the beginning of its line`;
  }
  const apostrophe = /^([\w-]+):\s*'(.*)$/.exec(line);
  if (apostrophe && (apostrophe[2]?.match(/'/g)?.length ?? 0) >= 2) {
    return `an apostrophe ends a value in single quotes; use double quotes: ${apostrophe[1]}: "${apostrophe[2]?.replace(/'\s*$/, '') ?? ''}"`;
  }
  return undefined;
}

function codeHint(error: YAMLError, yamlText: string): string | undefined {
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `title: Trust: A Practical Guide`: the second ": " starts a mapping inside the value.
      const { line } = linesAt(yamlText, error.pos[0]);
      const match = /^(\s*[\w-]+):\s+(.*?)\s*$/.exec(line);
      const quoted = match ? `${match[1]}: ${JSON.stringify(match[2])}` : undefined;
      return quoted
        ? `a value containing ": " must be in quotes: ${quoted}`
        : 'a value containing ": " must be in quotes';
    }
    case 'DUPLICATE_KEY':
      return 'each field may appear only once';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_SCALAR_START':
      return 'a value starting with @ or ` must be in quotes';
    case 'MISSING_CHAR':
      return 'close the quote or bracket on the same value';
    default:
      return undefined;
  }
}

function parseYaml(text: string): Document.Parsed {
  // The core schema keeps `2023-10-01` as a string: the YAML 1.1 timestamp type would turn
  // it into a Date and silently roll impossible dates over.
  return parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
}

/** Offset of the deepest node along `path` that exists (the key, for map entries). */
function offsetOf(doc: Document.Parsed, path: readonly PropertyKey[], key = false): number {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      if (key && index === path.length - 1) break;
      node = isScalarOrCollection(pair.value) ? pair.value : null;
      if (node && !isMap(node) && !isSeq(node) && node.range) offset = node.range[0];
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isScalarOrCollection(item)) break;
      node = item;
      if (item.range) offset = item.range[0];
    } else {
      break;
    }
  }
  return offset;
}

function isScalarOrCollection(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}
