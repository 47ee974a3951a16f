/**
 * What the Open Graph cards need besides their layout: fonts read from npm packages and text
 * the fonts can draw.
 *
 * next/og (satori) fetches a font from Google Fonts, or an emoji image from a CDN, for any
 * character its fonts lack. The build has no network, so a title with an emoji or a script the
 * fonts do not cover would fail or stall the build. Such characters are dropped from the card;
 * the page itself still shows them.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create as createFont } from 'fontkit';
import type { Article, Author } from './content';
import { currentCardVersion } from './og-cache';
import { routes, site } from './site';

export interface OgFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

// woff, not woff2: satori reads TrueType, OpenType and WOFF only.
const FONT_FILES = [
  ['Source Serif 4', 700, '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff'],
  [
    'Source Serif 4',
    700,
    '@fontsource/source-serif-4/files/source-serif-4-latin-ext-700-normal.woff',
  ],
  ['Inter', 400, '@fontsource/inter/files/inter-latin-400-normal.woff'],
  ['Inter', 400, '@fontsource/inter/files/inter-latin-ext-400-normal.woff'],
  ['Inter', 600, '@fontsource/inter/files/inter-latin-600-normal.woff'],
  ['Inter', 600, '@fontsource/inter/files/inter-latin-ext-600-normal.woff'],
] as const;

/** The size of every share card, drawn and declared (og:image:width and height). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** What next/og's ImageResponse sends with a card, for cards served from the cache. */
export const OG_IMAGE_HEADERS = {
  'content-type': 'image/png',
  'cache-control': 'public, immutable, no-transform, max-age=31536000',
} as const;

let fonts: OgFont[] | undefined;

export function loadOgFonts(): OgFont[] {
  fonts ??= FONT_FILES.map(([name, weight, file]) => ({
    name,
    weight,
    style: 'normal' as const,
    data: readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', file)),
  }));
  return fonts;
}

let drawable: ReadonlySet<number> | undefined;

/**
 * The code points every card font can draw, read from the fonts' own character maps: for each
 * family the union of its subset files, then what all families share, since one string may be
 * set in either. Declared subset ranges are wider than the glyphs the files hold (Inter's Latin
 * subset claims U+2000–206F yet has no U+2011), and one missing glyph is enough for satori to
 * reach for the network.
 */
function drawableCodePoints(): ReadonlySet<number> {
  if (drawable) return drawable;
  const byFamily = new Map<string, Set<number>>();
  for (const font of loadOgFonts()) {
    const parsed = createFont(font.data);
    // A .woff is one font, never a collection; a collection would draw nothing here.
    const points = 'characterSet' in parsed ? parsed.characterSet : [];
    const family = byFamily.get(font.name) ?? new Set<number>();
    for (const point of points) family.add(point);
    byFamily.set(font.name, family);
  }
  const [first, ...others] = [...byFamily.values()];
  drawable = new Set([...(first ?? [])].filter((point) => others.every((f) => f.has(point))));
  return drawable;
}

/** Stand-ins for punctuation the fonts lack, before it would be dropped. */
const FALLBACK: Record<string, string> = { '\u2010': '-', '\u2011': '-', '\u2012': '–' };

/**
 * A character the fonts lack, set from its parts: the base letter with as many of its accents
 * as compose into characters the fonts have (Vietnamese "ế" becomes "ê"), or, for a
 * compatibility character, its plain form ("ǅ" becomes "Dž"). Empty when nothing fits.
 */
function nearestDrawable(char: string, drawableChar: (char: string) => boolean): string {
  for (const form of ['NFD', 'NFKD'] as const) {
    let out = '';
    for (const part of char.normalize(form)) {
      if (/\p{M}/u.test(part)) {
        const last = out.slice(-1);
        const joined = (last + part).normalize('NFC');
        if (last && [...joined].length === 1 && drawableChar(joined)) {
          out = out.slice(0, -1) + joined;
        }
      } else if (drawableChar(part)) {
        out += part;
      } else {
        out = '';
        break;
      }
    }
    if (out) return out;
  }
  return '';
}

/**
 * Text reduced to what the card fonts can draw, with white space collapsed. Letters the fonts
 * lack are set from their parts (see nearestDrawable); emoji and other scripts are dropped.
 */
export function ogSafeText(text: string): string {
  const points = drawableCodePoints();
  const drawableChar = (char: string) => points.has(char.codePointAt(0) ?? -1);
  // Composed first: a title pasted from macOS may spell "é" as "e" and a combining accent,
  // which satori would draw unpositioned beside the letter.
  return [...text.normalize('NFC')]
    .map((char) => {
      if (/\s/.test(char)) return ' ';
      if (drawableChar(char)) return char;
      const stand = FALLBACK[char];
      if (stand !== undefined && [...stand].every(drawableChar)) return stand;
      return nearestDrawable(char, drawableChar);
    })
    .join('')
    .replace(/ +/g, ' ')
    .trim();
}

let siteText: { name: string; tagline: string; description: string } | undefined;

/** The site's own card text, reduced once: every page's metadata and every card asks for it. */
function ogSiteText(): { name: string; tagline: string; description: string } {
  siteText ??= {
    name: ogSafeText(site.name),
    tagline: ogSafeText(site.tagline),
    description: ogSafeText(site.description),
  };
  return siteText;
}

/** Everything an article's share card shows, reduced to what the card fonts can draw. */
export function articleCardProps(
  article: Pick<Article, 'title'>,
  author: Pick<Author, 'name'> | undefined,
): { title: string; byline: string | undefined; siteName: string; tagline: string } {
  const { name, tagline } = ogSiteText();
  return {
    title: ogSafeText(article.title),
    byline: author ? ogSafeText(`By ${author.name}`) : undefined,
    siteName: name,
    tagline,
  };
}

/** Everything the site's default card shows (`/og/site.png`). */
export function siteCardProps(): { title: string; siteName: string; tagline: string } {
  const { name, tagline, description } = ogSiteText();
  return { title: tagline, siteName: name, tagline: description };
}

/**
 * The `?v=` of a card's URL: a hash of what the card shows and of the code that draws it. Cards
 * are served as immutable for a year, which is only right while a URL's bytes never change. When
 * a title, an author or the card's design changes, the URL changes with it, so browsers, CDNs
 * and the sites where a link was shared fetch the new card instead of keeping the old one.
 */
function cardUrlVersion(props: Record<string, string | undefined>): string {
  // Pages are prerendered where the sources are; without them only the text counts.
  return createHash('sha256')
    .update(currentCardVersion() ?? '')
    .update(JSON.stringify(props))
    .digest('hex')
    .slice(0, 10);
}

/** The path of an article's share card, versioned by its content (see cardUrlVersion). */
export function articleOgImagePath(
  article: Pick<Article, 'slug' | 'title'>,
  author: Pick<Author, 'name'> | undefined,
): string {
  const version = cardUrlVersion(articleCardProps(article, author));
  return `${routes.articleOgImage(article.slug)}?v=${version}`;
}

/** The path of the site's default share card, versioned like an article's. */
export function siteOgImagePath(): string {
  return `${routes.siteOgImage()}?v=${cardUrlVersion(siteCardProps())}`;
}
