import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { sfntFromWoff } from '@/lib/sfnt-from-woff';
import { repoRoot } from '../support/server';

const files = [
  '@fontsource/inter/files/inter-latin-400-normal.woff',
  '@fontsource/inter/files/inter-latin-ext-600-normal.woff',
  '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff',
];

function fontFacts(data: Buffer) {
  const font = create(data);
  if (!('layout' in font)) throw new Error('a collection, not one font');
  const run = font.layout('Cornerstone: “Łódź” 1–2');
  return {
    family: font.familyName,
    glyphs: font.numGlyphs,
    characters: font.characterSet.length,
    advances: run.glyphs.map((glyph) => glyph.advanceWidth),
    kerning: run.positions.map((position) => position.xAdvance),
  };
}

describe('sfntFromWoff', () => {
  it.each(files)('unwraps %s into the same font', (file) => {
    const woff = readFileSync(path.join(repoRoot, 'node_modules', file));
    const sfnt = sfntFromWoff(woff);
    // A TrueType file (version 1.0), with every table fontkit reads unchanged.
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(fontFacts(sfnt)).toEqual(fontFacts(woff));
    // The size the WOFF header records for the unwrapped font.
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
  });

  it('names the file when it is not WOFF 1.0', () => {
    const woff2 = readFileSync(
      path.join(repoRoot, 'node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2'),
    );
    expect(() => sfntFromWoff(woff2, 'Inter 400')).toThrow('Inter 400: not a WOFF 1.0 file');
  });

  it('refuses a truncated file instead of writing a broken font', () => {
    const woff = readFileSync(path.join(repoRoot, 'node_modules', files[0] ?? ''));
    expect(() => sfntFromWoff(woff.subarray(0, 2000), 'Inter 400')).toThrow(
      'Inter 400: a table runs past the end of the file',
    );
  });
});
