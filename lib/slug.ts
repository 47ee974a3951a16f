/**
 * Latin letters that Unicode does not decompose into a base letter and an accent, spelled the
 * way their languages romanise them, so "Ærøskøbing" is not cut down to "r-sk-bing" and "ølg"
 * does not collide with "lg".
 */
const LETTERS: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
};

/** Turns text into a URL slug: "Émotional Intimacy!" → "emotional-intimacy". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[æøœßđðłþıħŋ]/g, (letter) => LETTERS[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
