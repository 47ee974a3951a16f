/**
 * Draws the 1200×630 share card as a PNG: the site's name, the title and a byline (or the
 * site's description) on paper, under an accent rule.
 *
 * The text is set by Pango (HarfBuzz shaping, FreeType rasterising) through sharp, from the
 * same npm font files the pages use, and laid onto the paper here. This replaced next/og, whose
 * satori turns every glyph into an SVG path that sharp then rasterises: a card cost about 30 ms
 * of CPU that way, and about a third of that this way, which at 1,000 articles is 20 s of a
 * build (`npm run bench:og` prints the figure).
 *
 * sharp crops rendered text to its ink, so blocks are placed by their ink: the name's capitals
 * hang from the top margin, the byline's lowest ink sits on the bottom margin, and the title is
 * centred in the space between them, as the eye measures it.
 */
import 'server-only';
import sharp from 'sharp';
import { ogFontSetup } from './og-fonts';
import { OG_IMAGE_SIZE, type OgFont } from './og-image';

export interface CardText {
  title: string;
  byline?: string | undefined;
  siteName: string;
  tagline: string;
}

type Rgb = readonly [number, number, number];
const INK: Rgb = [0x1d, 0x1b, 0x20];
const PAPER: Rgb = [0xfb, 0xf9, 0xf4];
const ACCENT: Rgb = [0x8a, 0x3b, 0x12];

const RULE = 16;
const MARGIN_X = 80;
const MARGIN_TOP = RULE + 72;
const MARGIN_BOTTOM = 72;
const TEXT_WIDTH = OG_IMAGE_SIZE.width - 2 * MARGIN_X;
const TEXT_HEIGHT = OG_IMAGE_SIZE.height - MARGIN_TOP - MARGIN_BOTTOM;
/** The least space kept between the title and the blocks above and below it. */
const MIN_GAP = 24;
const SMALLEST_TITLE = 40;

/** One block of text as coverage, cropped to its ink: 0 is paper, 255 full ink. */
export interface Mask {
  data: Buffer;
  width: number;
  height: number;
}

/** Pango markup is parsed, so text is escaped: a title like "<b>" is shown, not applied. */
function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
}

const WEIGHT_NAMES: Record<OgFont['weight'], string> = {
  400: 'Regular',
  600: 'Semi-Bold',
  700: 'Bold',
};

/** A Pango font description; the comma ends the family ("Source Serif 4 Bold" would not). */
export function pangoFont(name: OgFont['name'], weight: OgFont['weight'], size: number): string {
  const file = ogFontSetup().files.find((font) => font.name === name && font.weight === weight);
  if (!file) throw new Error(`no card font ${name} ${weight}`);
  return `${file.family}, ${WEIGHT_NAMES[weight]} ${size}`;
}

let registered: Promise<void> | undefined;

/**
 * Points fontconfig at the card fonts alone (lib/og-fonts.ts) before the first text is set:
 * fontconfig reads FONTCONFIG_FILE once, when it starts. Each file is also added through
 * sharp's `fontfile`, which holds for the process even if something had started fontconfig
 * earlier. A font description then finds its family in every file that has it, so a title set
 * in the Latin file still gets Ł from the Latin Extended one.
 */
function registerFonts(): Promise<void> {
  if (!registered) {
    const { files, config } = ogFontSetup();
    process.env.FONTCONFIG_FILE = config;
    registered = Promise.all(
      files.map((file) =>
        sharp({ text: { text: '.', fontfile: file.path } })
          .raw()
          .toBuffer(),
      ),
    ).then(
      () => undefined,
      (error: unknown) => {
        // Let the next card try again rather than fail every card of this process.
        registered = undefined;
        throw error;
      },
    );
  }
  return registered;
}

const NO_TEXT: Mask = { data: Buffer.alloc(0), width: 0, height: 0 };

export async function textMask(
  text: string,
  font: string,
  options: { letterSpacing?: number; lineHeight?: number } = {},
): Promise<Mask> {
  // A title of only emoji or another script is empty once reduced to what the fonts draw;
  // Pango refuses to set nothing.
  if (text.trim() === '') return NO_TEXT;
  await registerFonts();
  // Sizes are in points; at 72 dpi a point is a pixel. Pango's own units are 1/1024 point.
  const attributes = [
    options.letterSpacing ? `letter_spacing="${Math.round(options.letterSpacing * 1024)}"` : '',
    options.lineHeight ? `line_height="${Math.round(options.lineHeight * 1024)}"` : '',
  ].join(' ');
  const { data, info } = await sharp({
    text: {
      text: `<span ${attributes}>${escapeMarkup(text)}</span>`,
      font,
      width: TEXT_WIDTH,
      dpi: 72,
      // A word wider than the card (a long URL) breaks rather than running off the edge.
      wrap: 'word-char',
    },
  })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const repeated = new Map<string, Promise<Mask>>();

/**
 * textMask for the blocks that repeat from card to card (the site's name on every card, an
 * author's byline on each of theirs), set once per process. Masks are never changed after they
 * are made, so cards can share them. Bounded, for a site with thousands of authors.
 */
function repeatedTextMask(
  text: string,
  font: string,
  options: { letterSpacing?: number } = {},
): Promise<Mask> {
  const key = JSON.stringify([text, font, options]);
  let mask = repeated.get(key);
  if (!mask) {
    if (repeated.size >= 256) repeated.clear();
    mask = textMask(text, font, options);
    // A failure is not remembered: the next card sets the text again.
    mask.catch(() => repeated.delete(key));
    repeated.set(key, mask);
  }
  return mask;
}

/** The title's size: smaller for longer titles, and smaller again until the card holds it. */
function titleSize(title: string): number {
  return title.length > 90 ? 58 : title.length > 60 ? 66 : 76;
}

/** The title set as large as its length allows and the room holds, down to SMALLEST_TITLE. */
async function fitTitle(title: string, room: number): Promise<{ mask: Mask; size: number }> {
  for (let size = titleSize(title); ; size -= 6) {
    const font = pangoFont('Source Serif 4', 700, size);
    const mask = await textMask(title, font, { lineHeight: size * 1.12 });
    if (mask.height <= room || size - 6 < SMALLEST_TITLE) return { mask, size };
  }
}

/** A block of text placed on the card. */
interface Placed {
  mask: Mask;
  colour: Rgb;
  left: number;
  top: number;
}

export interface CardLayout {
  blocks: Placed[];
  titleSize: number;
  /** Whether the title was cut at the bottom because even its smallest size did not fit. */
  titleCut: boolean;
}

/** Sets the card's text and places it: what drawCard paints. */
export async function layoutCard(card: CardText): Promise<CardLayout> {
  const [name, footer] = await Promise.all([
    repeatedTextMask(card.siteName.toLocaleUpperCase('en'), pangoFont('Inter', 600, 30), {
      letterSpacing: 2,
    }),
    repeatedTextMask(card.byline ?? card.tagline, pangoFont('Inter', 400, 30)),
  ]);
  const room = Math.max(TEXT_HEIGHT - name.height - footer.height - 2 * MIN_GAP, 0);
  const title = await fitTitle(card.title, room);
  // A title too long even at the smallest size is cut at the bottom rather than covering the
  // byline; headlines are at most 160 characters, which fit.
  const shown = { ...title.mask, height: Math.min(title.mask.height, room) };
  const free = TEXT_HEIGHT - name.height - shown.height - footer.height;
  return {
    blocks: [
      { mask: name, colour: ACCENT, left: MARGIN_X, top: MARGIN_TOP },
      {
        mask: shown,
        colour: INK,
        left: MARGIN_X,
        top: MARGIN_TOP + name.height + Math.round(free / 2),
      },
      { mask: footer, colour: INK, left: MARGIN_X, top: MARGIN_TOP + TEXT_HEIGHT - footer.height },
    ],
    titleSize: title.size,
    titleCut: shown.height < title.mask.height,
  };
}

/** Lays a block onto the RGB `canvas` in its colour, clipped to the canvas. */
function blend(canvas: Buffer, { mask, colour, left, top }: Placed): void {
  const { width: canvasWidth, height: canvasHeight } = OG_IMAGE_SIZE;
  const [red, green, blue] = colour;
  const mix = (at: number, ink: number, alpha: number) => {
    const under = canvas[at] ?? 0;
    canvas[at] = Math.round(under + ((ink - under) * alpha) / 255);
  };
  const firstRow = Math.max(0, -top);
  const firstColumn = Math.max(0, -left);
  const rows = Math.min(mask.height, canvasHeight - top);
  const columns = Math.min(mask.width, canvasWidth - left);
  for (let y = firstRow; y < rows; y += 1) {
    let source = y * mask.width + firstColumn;
    let target = ((top + y) * canvasWidth + left + firstColumn) * 3;
    for (let x = firstColumn; x < columns; x += 1, source += 1, target += 3) {
      const alpha = mask.data[source] ?? 0;
      if (alpha === 0) continue;
      mix(target, red, alpha);
      mix(target + 1, green, alpha);
      mix(target + 2, blue, alpha);
    }
  }
}

function paper(): Buffer {
  const { width, height } = OG_IMAGE_SIZE;
  const canvas = Buffer.alloc(width * height * 3);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    canvas.set(pixel < width * RULE ? ACCENT : PAPER, pixel * 3);
  }
  return canvas;
}

let blank: Buffer | undefined;

/** The card for `card` as PNG bytes. Its text must be what the fonts draw (ogSafeText). */
export async function drawCard(card: CardText): Promise<Buffer> {
  const layout = await layoutCard(card);
  blank ??= paper();
  const canvas = Buffer.from(blank);
  for (const block of layout.blocks) blend(canvas, block);
  return sharp(canvas, { raw: { ...OG_IMAGE_SIZE, channels: 3 } })
    .png()
    .toBuffer();
}
