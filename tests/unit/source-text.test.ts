import { describe, expect, it } from 'vitest';
import { decodeSource, forbiddenCharacters, MAX_CONTENT_BYTES } from '@/lib/source-text';

describe('decodeSource', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeSource(Buffer.from('Café'), 'a.md')).toEqual({ ok: true, text: 'Café' });
    expect(decodeSource(Buffer.from('\uFEFFCafé'), 'a.md')).toEqual({
      ok: true,
      text: '\uFEFFCafé',
    });
  });

  it('refuses a file over 1 MB before anything parses it', () => {
    const big = Buffer.alloc(MAX_CONTENT_BYTES + 1, 'a');
    expect(decodeSource(big, 'a.md')).toEqual({
      ok: false,
      diagnostic: {
        file: 'a.md',
        line: 1,
        column: 1,
        severity: 'error',
        message:
          'the file is 1.0 MB; a content file may be at most 1 MB (about 150,000 words), so split it or remove pasted data',
      },
    });
    expect(decodeSource(Buffer.alloc(MAX_CONTENT_BYTES, 'a'), 'a.md').ok).toBe(true);
  });
});

describe('forbiddenCharacters', () => {
  it('reports at most five per file, and counts the rest', () => {
    const text = 'a\u000bb\n'.repeat(7);
    const found = forbiddenCharacters(text, 'a.md');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['1:2', '2:2', '3:2', '4:2', '5:2']);
    expect(found.at(-1)?.message).toMatch(/; 2 more such characters in this file$/);
  });

  it('lets tab, line feed, carriage return and DEL through', () => {
    expect(forbiddenCharacters('a\tb\r\nc\u007fd\n', 'a.md')).toEqual([]);
  });
});
