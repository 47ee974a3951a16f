/**
 * A disk cache for the share images, so a rebuild redraws only the cards whose text changed.
 * Drawing a card (satori, then sharp or resvg) costs tens of milliseconds: at 1,000 articles,
 * redrawing every unchanged card made up a large part of a rebuild.
 *
 * An entry is the PNG itself, named by a SHA-256 of the card's props. Entries live in a
 * directory per version of what draws them: the card component, lib/og-image.ts (fonts and
 * text filtering) and the lockfile (next/og, fonts). Changing any of these starts a new
 * directory and deletes the old ones. Without those sources (a deployed server) the cache is
 * off rather than possibly stale. MARKDOWN_CACHE=off turns it off with the Markdown cache.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pruneOtherVersions, sourceFingerprint, writeEntryAtomically } from './cache-dir';

/** The sources whose change changes every card: the layout, fonts and size, and the routes. */
const CARD_SOURCES = [
  'components/og-card.tsx',
  'lib/og-image.ts',
  'lib/og-cache.ts',
  'app/og/articles/[file]/route.tsx',
  'app/og/site.png/route.tsx',
];

export interface OgCache {
  /** Directory of this version's entries. */
  dir: string;
}

/** The version of the card drawing code under `projectRoot`, or undefined without sources. */
export function cardVersion(projectRoot: string): string | undefined {
  return sourceFingerprint(projectRoot, CARD_SOURCES);
}

let projectCardVersion: { value: string | undefined } | undefined;

/** The card version of the project this process builds or serves (its working directory). */
export function currentCardVersion(): string | undefined {
  projectCardVersion ??= {
    value: cardVersion(path.resolve(/*turbopackIgnore: true*/ process.cwd())),
  };
  return projectCardVersion.value;
}

let defaultCache: OgCache | null | undefined;

function getDefaultCache(): OgCache | null {
  if (defaultCache !== undefined) return defaultCache;
  defaultCache = null;
  if (process.env.MARKDOWN_CACHE === 'off' || process.env.NODE_ENV === 'test') {
    return defaultCache;
  }
  const version = currentCardVersion();
  if (!version) return defaultCache;
  const root = path.resolve(/*turbopackIgnore: true*/ process.cwd());
  const base = path.join(/*turbopackIgnore: true*/ root, '.next/cache/cornerstone-og');
  pruneOtherVersions(base, version);
  defaultCache = { dir: path.join(/*turbopackIgnore: true*/ base, version) };
  return defaultCache;
}

/**
 * The PNG for a card with these props: read from the cache, or drawn by `draw` and stored.
 * `props` must be everything the card shows.
 */
export async function cachedCardPng(
  props: Record<string, string | undefined>,
  draw: () => Promise<ArrayBuffer>,
  cache: OgCache | null = getDefaultCache(),
): Promise<Uint8Array<ArrayBuffer>> {
  if (!cache) return new Uint8Array(await draw());
  const key = createHash('sha256').update(JSON.stringify(props)).digest('hex');
  const file = path.join(/*turbopackIgnore: true*/ cache.dir, `${key}.png`);
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    // Not drawn yet.
  }
  const png = new Uint8Array(await draw());
  writeEntryAtomically(file, png);
  return png;
}
