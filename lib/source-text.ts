/**
 * A content file's bytes as text, refused before anything parses them when they would publish
 * garbage: a file not saved as UTF-8, or characters no page or feed can carry.
 */
import { isUtf8 } from 'node:buffer';
import { positionAt, type Diagnostic } from './diagnostics';

/**
 * The characters XML 1.0 forbids: control characters besides tab, line feed and carriage
 * return, and the noncharacters U+FFFE and U+FFFF. One in a title or body makes the RSS and
 * Atom feeds ill-formed for every subscriber; none of them shows on a page. Word writes U+000B
 * for Shift+Enter, so a paste is enough to bring one in.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const NAMES: Record<number, string> = {
  0x00: 'null',
  0x08: 'backspace',
  0x0b: 'line tabulation, which Word writes for Shift+Enter',
  0x0c: 'form feed, a page break from a word processor',
  0x1b: 'escape',
};

/** At most this many characters are reported per file: one paste can bring in hundreds. */
const MAX_REPORTED = 5;

export type DecodedSource = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * No article is a megabyte of text (150,000 words or more); a file that size is pasted data or
 * a mistake, and the Markdown parser's time grows faster than its length.
 */
export const MAX_CONTENT_BYTES = 1024 * 1024;

/** The file's text, or why it cannot be read as UTF-8 (where, and how to mend it). */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  if (bytes.length > MAX_CONTENT_BYTES) {
    const size = (bytes.length / 1024 / 1024).toFixed(1);
    return refuse(
      file,
      1,
      1,
      `the file is ${size} MB; a content file may be at most 1 MB (about 150,000 words), so split it or remove pasted data`,
    );
  }
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16 || looksLikeUtf16(bytes)) {
    return refuse(file, 1, 1, 'the file is saved as UTF-16; save it as UTF-8');
  }
  if (isUtf8(bytes)) return { ok: true, text: Buffer.from(bytes).toString('utf8') };
  const lenient = Buffer.from(bytes).toString('utf8');
  const { line, column } = positionAt(lenient, firstInvalid(bytes, lenient));
  return refuse(
    file,
    line,
    column,
    'the file is not UTF-8 (it looks like Latin-1 or Windows-1252, which would publish "Caf\uFFFD" for "Café"); save it as UTF-8',
  );
}

/**
 * UTF-16 saved without a byte-order mark: ASCII text then has a NUL byte beside every
 * character, which is valid UTF-8 and would otherwise be read as a file full of U+0000.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let nulOnOneSide = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if ((sample[i] === 0) !== (sample[i + 1] === 0)) nulOnOneSide += 1;
  }
  return sample.length >= 4 && nulOnOneSide >= sample.length / 4;
}

/**
 * Where in `lenient` (the bytes decoded with U+FFFD for each invalid sequence) the first
 * invalid byte is: the first U+FFFD that the file did not itself contain as EF BF BD. Up to
 * there the text is valid, so its UTF-8 length is the byte offset.
 */
function firstInvalid(bytes: Uint8Array, lenient: string): number {
  for (let index = lenient.indexOf('\uFFFD'); index !== -1;) {
    const offset = Buffer.byteLength(lenient.slice(0, index));
    const genuine =
      bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!genuine) return index;
    index = lenient.indexOf('\uFFFD', index + 1);
  }
  return 0;
}

function refuse(file: string, line: number, column: number, message: string): DecodedSource {
  return { ok: false, diagnostic: { file, line, column, severity: 'error', message } };
}

/** One error per forbidden character, naming it and where it is. */
export function forbiddenCharacters(text: string, file: string): Diagnostic[] {
  const found = [...text.matchAll(FORBIDDEN)];
  const diagnostics: Diagnostic[] = found.slice(0, MAX_REPORTED).map((match) => {
    const code = match[0].charCodeAt(0);
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    const name = NAMES[code] ?? (code >= 0xfffe ? 'a noncharacter' : 'a control character');
    return {
      file,
      ...positionAt(text, match.index),
      severity: 'error',
      message: `invisible character U+${hex} (${name}) is not allowed: it would break the RSS and Atom feeds; delete it (it is often pasted in from a word processor)`,
    };
  });
  const more = found.length - diagnostics.length;
  const last = diagnostics.at(-1);
  if (more > 0 && last) {
    last.message += `; ${more} more such character${more === 1 ? '' : 's'} in this file`;
  }
  return diagnostics;
}
