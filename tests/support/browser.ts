/**
 * Launches Debian's Chromium through playwright-core. Nothing is downloaded: if Chromium is
 * missing the suite fails with instructions rather than skipping.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { OFFLINE_CHROMIUM_FLAGS } from '../../scripts/chromium-flags';
import { repoRoot } from './server';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_HINT =
  `Chromium was not found at ${chromiumPath}. The browser tests need it:\n` +
  '  sudo apt-get update && sudo apt-get install -y chromium\n' +
  'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.';

export function assertChromium(): void {
  if (!existsSync(chromiumPath)) throw new Error(CHROMIUM_HINT);
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...OFFLINE_CHROMIUM_FLAGS],
    // Playwright turns the back/forward cache off; readers' browsers have it, and Back to an
    // article should restore it from there (tests/browser/reader.test.ts).
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
}

export const screenshotDir = path.join(repoRoot, 'tests/artifacts/screenshots');

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, `${name}.png`);
}
