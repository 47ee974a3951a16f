import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { create } from 'fontkit';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawCard, layoutCard, pangoFont, textMask } from '@/lib/og-card';
import { articleCardProps, loadOgFonts, OG_IMAGE_SIZE, siteCardProps } from '@/lib/og-image';
import { repoRoot } from '../support/server';

const { width, height } = OG_IMAGE_SIZE;
const PAPER = [0xfb, 0xf9, 0xf4];
const ACCENT = [0x8a, 0x3b, 0x12];

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [
    ...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3),
  ];
  return { info, at };
}

/** Rows of the card, below the rule, holding any pixel that is not paper. */
function inkRows(at: (x: number, y: number) => number[]): number[] {
  const rows: number[] = [];
  for (let y = 16; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (at(x, y).some((value, channel) => value !== PAPER[channel])) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

/** Runs of consecutive rows: the blocks of text, top to bottom. */
function bands(rows: number[]): { top: number; bottom: number }[] {
  const out: { top: number; bottom: number }[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last && row - last.bottom <= 12) last.bottom = row;
    else out.push({ top: row, bottom: row });
  }
  return out;
}

const card = {
  title: 'Building Trust and Emotional Intimacy: The Cornerstones of Meaningful Relationships',
  byline: 'By Patrick B. Watson',
  siteName: 'Cornerstone',
  tagline: 'unused',
};

describe('drawCard', () => {
  it('draws a 1200×630 PNG: the rule, then name, title and byline inside the margins', async () => {
    const png = await drawCard(card);
    const { info, at } = await pixels(png);
    expect([info.width, info.height, info.channels]).toEqual([1200, 630, 3]);
    expect([at(0, 0), at(1199, 15), at(600, 16)]).toEqual([ACCENT, ACCENT, PAPER]);
    const blocks = bands(inkRows(at));
    expect(blocks).toHaveLength(3);
    const [name, title, byline] = blocks;
    // Inside the 72 px top and bottom margins, the title clear of both neighbours.
    expect(name?.top).toBeGreaterThanOrEqual(16 + 72);
    expect(byline?.bottom).toBeLessThan(630 - 72);
    expect((title?.top ?? 0) - (name?.bottom ?? 0)).toBeGreaterThan(48);
    expect((byline?.top ?? 0) - (title?.bottom ?? 0)).toBeGreaterThan(48);
    // The name is in the accent colour; nothing is drawn in the side margins.
    const nameRow = Math.round(((name?.top ?? 0) + (name?.bottom ?? 0)) / 2);
    const nameInk = Array.from({ length: 400 }, (_, x) => at(80 + x, nameRow));
    expect(nameInk).toContainEqual(ACCENT);
    for (let y = 16; y < height; y += 7) {
      for (const x of [0, 40, 79, 1121, 1160, 1199]) expect(at(x, y)).toEqual(PAPER);
    }
  });

  it('draws the same bytes in another process (a card URL is versioned by its text)', () => {
    const here = createHash('sha256');
    return drawCard(card).then((png) => {
      const there = execFileSync(
        process.execPath,
        [
          '--conditions=react-server',
          '--import',
          'tsx',
          'tests/support/draw-card-hash.ts',
          JSON.stringify(card),
        ],
        { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
      );
      expect(there).toBe(here.update(png).digest('hex'));
    });
  });

  it('sets a 160-character headline whole, and cuts only a longer one', async () => {
    const long = {
      ...siteCardProps(),
      title: 'Trust, forgiveness and the long work of repair '.repeat(4).slice(0, 160),
    };
    const fits = await layoutCard(long);
    expect([fits.titleCut, fits.titleSize]).toEqual([false, 58]);
    const tooLong = await layoutCard({ ...long, title: 'Trust and repair '.repeat(40) });
    expect(tooLong.titleCut).toBe(true);
    expect(tooLong.titleSize).toBe(40);
    const [name, title, footer] = tooLong.blocks;
    // Even cut, the title keeps its distance from the name and the description.
    expect(
      (title?.top ?? 0) - ((name?.top ?? 0) + (name?.mask.height ?? 0)),
    ).toBeGreaterThanOrEqual(24);
    expect(
      (footer?.top ?? 0) - ((title?.top ?? 0) + (title?.mask.height ?? 0)),
    ).toBeGreaterThanOrEqual(24);
  });

  it('draws a card whose title the fonts cannot set at all (the page still shows it)', async () => {
    const props = articleCardProps({ title: '信任 🤝' }, { name: 'Patrick B. Watson' });
    expect(props.title).toBe('');
    const layout = await layoutCard(props);
    expect(layout.blocks[1]?.mask.height).toBe(0);
    const { info, at } = await pixels(await drawCard(props));
    expect([info.width, info.height]).toEqual([1200, 630]);
    // The name and the byline, nothing between them.
    expect(bands(inkRows(at))).toHaveLength(2);
  });

  it('breaks a word wider than the card instead of running off its edge', async () => {
    const { at } = await pixels(await drawCard({ ...card, title: 'W'.repeat(60) }));
    for (let y = 16; y < height; y += 3) expect(at(1199, y)).toEqual(PAPER);
  });
});

describe('textMask', () => {
  it.each([
    ['Source Serif 4', 700, 30],
    ['Inter', 600, 30],
    ['Inter', 400, 30],
  ] as const)(
    'sets text in %s %i from the npm files, not a system font',
    async (name, weight, size) => {
      const text = 'Cornerstone: trust and intimacy';
      const mask = await textMask(text, pangoFont(name, weight, size));
      const font = loadOgFonts().find((f) => f.name === name && f.weight === weight);
      const parsed = create(font?.data ?? Buffer.alloc(0));
      if (!('layout' in parsed)) throw new Error('not one font');
      const advance = (parsed.layout(text).advanceWidth * size) / parsed.unitsPerEm;
      // The ink is the advance less the outer side bearings, a pixel or two. Pango's fallback
      // when a family is not found, DejaVu Sans, sets this line 7–15 % wider.
      expect(Math.abs(mask.width - advance)).toBeLessThan(advance * 0.02);
    },
  );

  it('sets letters from the Latin Extended files in the same face', async () => {
    // Ł, ő and ř are only in the latin-ext subset file; fontconfig must find them there rather
    // than in a system font.
    const text = 'ŁőřŁőř';
    const mask = await textMask(text, pangoFont('Source Serif 4', 700, 30));
    const parsed = loadOgFonts()
      .filter((f) => f.name === 'Source Serif 4')
      .map((f) => create(f.data))
      .find((font) => 'hasGlyphForCodePoint' in font && font.hasGlyphForCodePoint(0x141));
    if (!parsed || !('layout' in parsed)) throw new Error('no Latin Extended file');
    const advance = (parsed.layout(text).advanceWidth * 30) / parsed.unitsPerEm;
    expect(Math.abs(mask.width - advance)).toBeLessThan(advance * 0.03);
  });

  it('sees only the card fonts: a system family is not found, whatever the machine has', async () => {
    const text = 'Cornerstone: trust';
    const system = await textMask(text, 'DejaVu Sans, Book 30');
    const ours = await Promise.all(
      [
        pangoFont('Inter', 400, 30),
        pangoFont('Inter', 600, 30),
        pangoFont('Source Serif 4', 700, 30),
      ].map((font) => textMask(text, font)),
    );
    // Set in a card face instead (DejaVu Sans would be 7–15 % wider than Inter).
    expect(ours.map((mask) => mask.width)).toContain(system.width);
  });

  it('shows markup in a title as text instead of applying it', async () => {
    const font = pangoFont('Inter', 400, 30);
    // A bare ampersand is what breaks unescaped markup.
    expect((await textMask('Q&A', font)).width).toBeGreaterThan((await textMask('QA', font)).width);
    const plain = await textMask('Trust', font);
    const markup = await textMask('<b>Trust</b>', font);
    const entities = await textMask('&lt;b&gt;Trust&lt;/b&gt;', font);
    expect(markup.width).toBeGreaterThan(plain.width + 60);
    expect(entities.width).toBeGreaterThan(markup.width);
  });
});
