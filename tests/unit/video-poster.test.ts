import { describe, expect, it } from 'vitest';
import { renderVideoPoster, wrapWords } from '@/lib/video-poster';

/** The text content of each `<text class="t">` title line, still XML-escaped. */
const titleLines = (svg: string) =>
  [...svg.matchAll(/<text x="96" y="\d+" class="t">([^<]*)<\/text>/g)].map((m) => m[1]);

describe('wrapWords', () => {
  it('breaks on word boundaries, each line at most `max` characters', () => {
    expect(wrapWords('Skills for Healthy Romantic Relationships', 26)).toEqual([
      'Skills for Healthy',
      'Romantic Relationships',
    ]);
  });

  it('fills a line up to exactly `max` characters', () => {
    expect(wrapWords('abcd efgh ijkl', 9)).toEqual(['abcd efgh', 'ijkl']);
    expect(wrapWords('abcd efgh ijkl', 8)).toEqual(['abcd', 'efgh', 'ijkl']);
  });

  it('collapses runs of whitespace and ignores leading and trailing space', () => {
    expect(wrapWords('  one \t two\n three  ', 26)).toEqual(['one two three']);
  });

  it('keeps a word longer than `max` whole, on its own line', () => {
    expect(wrapWords('a Supercalifragilistic word', 10)).toEqual([
      'a',
      'Supercalifragilistic',
      'word',
    ]);
  });

  it('returns no lines for empty text', () => {
    expect(wrapWords('   ', 26)).toEqual([]);
  });
});

describe('renderVideoPoster', () => {
  it('draws the title over two lines and the credit, as SVG', () => {
    const svg = renderVideoPoster({
      id: 'gh5VhaicC6g',
      title: 'Skills for Healthy Romantic Relationships',
      speaker: 'Joanne Davila',
      event: 'TEDxSBU',
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720"')).toBe(
      true,
    );
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(titleLines(svg)).toEqual(['Skills for Healthy', 'Romantic Relationships']);
    expect(svg).toContain('<text x="96" y="414" class="c">Joanne Davila · TEDxSBU</text>');
  });

  it('leaves out the credit line when there is no speaker or event', () => {
    const svg = renderVideoPoster({ id: 'gh5VhaicC6g', title: 'A Talk' });
    expect(svg).not.toContain('class="c">');
  });

  it('escapes XML in the title and credit', () => {
    const svg = renderVideoPoster({
      id: 'gh5VhaicC6g',
      title: '<script>alert(1)</script> & "quotes"',
      speaker: '<b>Eve</b>',
      event: "O'Brien & Co",
    });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain(' & ');
    expect(svg).not.toContain('"quotes"');
    expect(titleLines(svg).join(' ')).toBe(
      '&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;',
    );
    expect(svg).toContain('class="c">&#60;b&#62;Eve&#60;/b&#62; · O&#39;Brien &#38; Co</text>');
  });

  it('wraps a long title and shows at most three lines', () => {
    const svg = renderVideoPoster({
      id: 'gh5VhaicC6g',
      title:
        'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
    });
    const lines = titleLines(svg);
    expect(lines).toEqual([
      'one two three four five',
      'six seven eight nine ten',
      'eleven twelve thirteen',
    ]);
    for (const line of lines) expect((line ?? '').length).toBeLessThanOrEqual(26);
  });
});
