/**
 * Reads the bibliographic parts of a reference as readers see it in References. Editors write
 * references in an APA-like style, often wrapped in a note ("Barriers to …:\ Bowlby, J. (1973).
 * “Title.” This work …"), so the parser looks for the one shape that carries the facts —
 * `Authors (Year). “Title.”`, optionally followed by `In “Container”` — wherever it appears, and
 * reports only what it found. A reference it cannot read yields no fields rather than guesses.
 */

export interface ParsedCitation {
  /** Authors exactly as written, e.g. `Gottman, J. M.`. */
  authors: string[];
  /** Four-digit year of publication. */
  year?: string;
  /** Title of the work, without the closing full stop. */
  title?: string;
  /** The book or journal a chapter or paper appeared in (`In “…”`). */
  container?: string;
  kind: 'Book' | 'ScholarlyArticle' | 'CreativeWork';
}

/**
 * `Surname, I. I.` — a family name (hyphenated, with an apostrophe, or after a particle such as
 * `van` or `de`) and initials.
 */
const PARTICLE = String.raw`(?:(?:van|von|de|der|den|del|della|di|da|du|le|la|ter|ten)\s)*`;
const AUTHOR = String.raw`${PARTICLE}\p{Lu}[\p{L}'’-]+,\s(?:\p{Lu}\.\s?)+`;
const AUTHOR_LIST = String.raw`${AUTHOR}(?:,?\s(?:&\s)?${AUTHOR})*`;
const REFERENCE = new RegExp(
  String.raw`(${AUTHOR_LIST})\s*\((\d{4})\)\.?\s*“([^”]+)”(?:\s*In\s+“([^”]+)”)?`,
  'u',
);
const AUTHOR_GLOBAL = new RegExp(AUTHOR, 'gu');

function stripClosingStop(title: string): string {
  return title.trim().replace(/[.,;:]$/, '');
}

function kindOf(text: string, container: string | undefined): ParsedCitation['kind'] {
  if (container || /\b(paper|article|journal)\b/i.test(text)) return 'ScholarlyArticle';
  if (/\b(book|workbook)\b/i.test(text)) return 'Book';
  return 'CreativeWork';
}

export function parseCitation(text: string): ParsedCitation {
  const normalised = text.replace(/\s+/g, ' ').trim();
  const match = REFERENCE.exec(normalised);
  if (!match) return { authors: [], kind: 'CreativeWork' };
  const [, authorList = '', year, title = '', container] = match;
  const authors = [...authorList.matchAll(AUTHOR_GLOBAL)].map((m) => m[0].trim());
  const parsed: ParsedCitation = {
    authors,
    year,
    title: stripClosingStop(title),
    kind: kindOf(normalised, container),
  };
  if (container) parsed.container = stripClosingStop(container);
  return parsed;
}
