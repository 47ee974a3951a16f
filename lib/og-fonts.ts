/**
 * The share cards' fonts as Pango finds them: the npm WOFF files unwrapped to TrueType in a
 * directory of their own, and a fontconfig configuration that lists that directory and nothing
 * else.
 *
 * The configuration is private because fontconfig otherwise reads the machine's fonts and
 * settings too. A machine with its own Inter or Source Serif 4 (another version) could win the
 * match, and the system's hinting and antialiasing settings change the pixels: two build
 * machines would draw different bytes for one card URL, which is served as immutable. With only
 * these files in sight, the cards are the same everywhere, and nothing can fall back to a system
 * font (ogSafeText keeps only what these files draw).
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create as createFont } from 'fontkit';
import { writeEntryAtomically } from './cache-dir';
import { loadOgFonts, type OgFont } from './og-image';
import { sfntFromWoff } from './sfnt-from-woff';

/** A card font as Pango needs it: a TrueType file on disk and the family name inside it. */
export interface OgFontFile {
  path: string;
  name: OgFont['name'];
  weight: OgFont['weight'];
  /**
   * The family the file declares, which fontconfig matches: the subset files name their 600
   * weight "Inter SemiBold", and asking for "Inter" at 600 would get a synthetic bold of 400.
   */
  family: string;
}

export interface OgFontSetup {
  files: OgFontFile[];
  /** The fontconfig file to point FONTCONFIG_FILE at. */
  config: string;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
}

/** Grey antialiasing with light hinting, whatever the machine's own defaults are. */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${escapeXml(dir)}</dir>
  <cachedir>${escapeXml(path.join(dir, 'cache'))}</cachedir>
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
  </match>
</fontconfig>
`;
}

/** Writes `data` to `file` unless it already holds exactly those bytes. */
function ensureFile(file: string, data: Buffer): void {
  try {
    if (readFileSync(file).equals(data)) return;
  } catch {
    // Not written yet.
  }
  writeEntryAtomically(file, data);
  let written: Buffer | undefined;
  try {
    written = readFileSync(file);
  } catch {
    written = undefined;
  }
  // Without the file Pango would have no card font to set the text in.
  if (!written?.equals(data)) throw new Error(`could not write the card font file ${file}`);
}

let setup: OgFontSetup | undefined;

/**
 * The card fonts on disk, under the system's temporary directory in a folder per user (another
 * user's folder may not be writable) and per set of font files, named by a hash of their bytes:
 * every build process and every build shares them, and an upgraded font package gets a folder
 * of its own, so fontconfig never sees two versions of a family. Files found there are used
 * only if they hold exactly the expected bytes.
 */
export function ogFontSetup(): OgFontSetup {
  if (setup) return setup;
  const fonts = loadOgFonts().map((font) => ({
    font,
    sfnt: sfntFromWoff(font.data, `${font.name} ${font.weight}`),
  }));
  const setHash = createHash('sha256');
  for (const { sfnt } of fonts) setHash.update(sfnt);
  const user = process.getuid?.() ?? 'user';
  const dir = path.join(
    tmpdir(),
    `cornerstone-og-fonts-${user}`,
    setHash.digest('hex').slice(0, 16),
  );
  const files = fonts.map(({ font, sfnt }, index) => {
    const file = path.join(dir, `${index}.ttf`);
    ensureFile(file, sfnt);
    const parsed = createFont(sfnt);
    const family = 'familyName' in parsed ? parsed.familyName : font.name;
    return { path: file, name: font.name, weight: font.weight, family };
  });
  const config = path.join(dir, 'fonts.conf');
  ensureFile(config, Buffer.from(fontsConf(dir)));
  // fontconfig complains on stderr when its cache directory does not exist yet.
  mkdirSync(path.join(dir, 'cache'), { recursive: true });
  setup = { files, config };
  return setup;
}
