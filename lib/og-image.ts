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

/**
 * Characters covered by the Latin and Latin Extended subsets of the card fonts: Latin letters
 * with their accents, general punctuation (dashes, curly quotes), currency signs and ™.
 */
const DRAWABLE = /[\u0020-\u007e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u205e\u20a0-\u20c0\u2122]/u;

/** Text with every character the card fonts cannot draw (emoji among them) removed. */
export function ogSafeText(text: string): string {
  return [...text]
    .filter((char) => DRAWABLE.test(char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Everything an article's share card shows, reduced to what the card fonts can draw. */
export function articleCardProps(
  article: Pick<Article, 'title'>,
  author: Pick<Author, 'name'> | undefined,
): { title: string; byline: string | undefined; siteName: string; tagline: string } {
  return {
    title: ogSafeText(article.title),
    byline: author ? ogSafeText(`By ${author.name}`) : undefined,
    siteName: ogSafeText(site.name),
    tagline: ogSafeText(site.tagline),
  };
}

/** Everything the site's default card shows (`/og/site.png`). */
export function siteCardProps(): { title: string; siteName: string; tagline: string } {
  return {
    title: ogSafeText(site.tagline),
    siteName: ogSafeText(site.name),
    tagline: ogSafeText(site.description),
  };
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
