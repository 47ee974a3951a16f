import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadOgFonts, ogSafeText } from '@/lib/og-image';

describe('ogSafeText', () => {
  it('keeps Latin text with accents, curly quotes and dashes', () => {
    expect(ogSafeText('Café “trust” — naïve 1–2 €5 Łódź')).toBe('Café “trust” — naïve 1–2 €5 Łódź');
  });

  it('drops emoji (next/og would download them) and scripts the fonts lack', () => {
    expect(ogSafeText('Trust 🤝 and love ❤️ 信任 👩‍❤️‍👨 now')).toBe('Trust and love now');
  });

  it('keeps only characters the font files hold, setting the rest from their parts', () => {
    // The fonts' Latin subsets claim U+2000–206F but hold no U+2011 or U+2030, and no
    // precomposed Vietnamese letters: satori would fetch a font from Google for each.
    expect(ogSafeText('Tiếng Việt: well‑known, 5‰\u000b done')).toBe(
      'Tiêng Viêt: well-known, 5 done',
    );
    // Decomposed, as macOS may paste it: composed before filtering, not left as a bare accent.
    expect(ogSafeText('Cafe\u0301 cre\u0300me')).toBe('Café crème');
    const fonts = loadOgFonts();
    const kept = ogSafeText('Tiếng Việt ạ ộ ‰ ‑ Ħ ŋ ǅ ɐ ȸ Ḁ ẞ ỳ € ™ “ ” — …');
    // Drawable letters stay (Ħ, ŋ, €…); the rest lose an accent, become their plain form or go.
    expect(kept).toBe('Tiêng Viêt a ô - Ħ ŋ Dž A ẞ ỳ € ™ “ ” — …');
    const drawn = [...kept].filter((char) => char !== ' ');
    // Every character left is in a Latin or Latin Extended file of both families.
    for (const char of drawn) {
      const point = char.codePointAt(0) ?? -1;
      for (const family of ['Source Serif 4', 'Inter']) {
        const has = fonts
          .filter((font) => font.name === family)
          .some((font) => {
            const parsed = create(font.data);
            return 'hasGlyphForCodePoint' in parsed && parsed.hasGlyphForCodePoint(point);
          });
        expect(has, `${family} draws ${char}`).toBe(true);
      }
    }
  });
});

describe('loadOgFonts', () => {
  it('reads WOFF files (satori cannot read WOFF2) from npm packages', () => {
    const fonts = loadOgFonts();
    expect(fonts.map((f) => `${f.name} ${f.weight}`)).toEqual([
      'Source Serif 4 700',
      'Source Serif 4 700',
      'Inter 400',
      'Inter 400',
      'Inter 600',
      'Inter 600',
    ]);
    for (const font of fonts) expect(font.data.subarray(0, 4).toString('latin1')).toBe('wOFF');
  });
});
