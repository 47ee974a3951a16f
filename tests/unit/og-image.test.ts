import { describe, expect, it } from 'vitest';
import { loadOgFonts, ogSafeText } from '@/lib/og-image';

describe('ogSafeText', () => {
  it('keeps Latin text with accents, curly quotes and dashes', () => {
    expect(ogSafeText('Café “trust” — naïve 1–2 €5 Łódź')).toBe('Café “trust” — naïve 1–2 €5 Łódź');
  });

  it('drops emoji (next/og would download them) and scripts the fonts lack', () => {
    expect(ogSafeText('Trust 🤝 and love ❤️ 信任 👩‍❤️‍👨 now')).toBe('Trust and love now');
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
