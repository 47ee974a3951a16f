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

/** The OpenType checksum of a table: its big-endian 32-bit words summed, zero-padded. */
function tableChecksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
}

function woffFile(index = 0): Buffer {
  return readFileSync(path.join(repoRoot, 'node_modules', files[index] ?? ''));
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
    // Every table starts on a four-byte boundary and matches the checksum in the directory
    // (fontkit never checks them; FreeType and other readers may).
    const count = sfnt.readUInt16BE(4);
    for (let index = 0; index < count; index += 1) {
      const entry = 12 + index * 16;
      const checksum = sfnt.readUInt32BE(entry + 4);
      const offset = sfnt.readUInt32BE(entry + 8);
      const length = sfnt.readUInt32BE(entry + 12);
      expect(offset % 4).toBe(0);
      const table = sfnt.subarray(offset, offset + length);
      // 'head' holds checkSumAdjustment, which its own checksum is defined without.
      if (sfnt.readUInt32BE(entry) === 0x68656164) {
        const headless = Buffer.from(table);
        headless.writeUInt32BE(0, 8);
        expect(tableChecksum(headless)).toBe(checksum);
      } else {
        expect(tableChecksum(table)).toBe(checksum);
      }
    }
  });

  it('names the file when it is not WOFF 1.0', () => {
    const woff2 = readFileSync(
      path.join(repoRoot, 'node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2'),
    );
    expect(() => sfntFromWoff(woff2, 'Inter 400')).toThrow('Inter 400: not a WOFF 1.0 file');
  });

  it('refuses a truncated file instead of writing a broken font', () => {
    const woff = woffFile();
    expect(() => sfntFromWoff(woff.subarray(0, 2000), 'Inter 400')).toThrow(
      'Inter 400: a table runs past the end of the file',
    );
    expect(() => sfntFromWoff(woff.subarray(0, 60), 'Inter 400')).toThrow(
      'Inter 400: the table directory runs past the end of the file',
    );
  });

  it('refuses a file without tables', () => {
    const empty = Buffer.from(woffFile().subarray(0, 44));
    empty.writeUInt16BE(0, 12);
    expect(() => sfntFromWoff(empty, 'Inter 400')).toThrow('Inter 400: the file holds no tables');
  });

  it('inflates a table no further than its declared length', () => {
    const woff = Buffer.from(woffFile());
    // The first table stored compressed, declared one byte longer than its compressed data:
    // inflating it would produce far more than that.
    const count = woff.readUInt16BE(12);
    const index = Array.from({ length: count }, (_, i) => 44 + i * 20).find(
      (entry) => woff.readUInt32BE(entry + 4 + 4) < woff.readUInt32BE(entry + 12),
    );
    if (index === undefined) throw new Error('no compressed table in the test font');
    woff.writeUInt32BE(woff.readUInt32BE(index + 8) + 1, index + 12);
    expect(() => sfntFromWoff(woff, 'Inter 400')).toThrow('Inter 400: a table does not decompress');
  });
});
