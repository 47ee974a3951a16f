/**
 * Opens a page of the running build in its own browser context and records what the tests
 * check on every page: console errors, uncaught exceptions and every request that leaves the
 * site's origin. Requests to YouTube are answered locally, so clicking Play works offline and
 * still shows up in the request log.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchBrowser } from './browser';

export const ARTICLE = '/articles/building-trust-and-emotional-intimacy';
export const PHONE = {
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
} as const;

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  /** Every URL requested from another origin, in order. */
  external: string[];
  close(): Promise<void>;
}

const PLAYER_STUB = '<!doctype html><title>Player</title><p>stub player</p>';

export async function openPage(
  browser: Browser,
  base: string,
  path: string,
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  await context.route(
    /^https:\/\/([a-z0-9-]+\.)*(youtube-nocookie|youtube|google)\.com\//,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: PLAYER_STUB }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => {
    // The 404 page's own status is logged by Chromium as a failed resource; it is expected.
    if (message.type() === 'error' && !message.text().includes('404')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'))
      external.push(url);
  });
  await page.goto(new URL(path, base).toString(), { waitUntil: 'networkidle' });
  return { page, context, errors, external, close: () => context.close() };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = Reflect.get(window, 'axe');
    const result: unknown = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    const violations: {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[] = Reflect.get(Object(result), 'violations');
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** Checks made on every page a test opened, then closes it. */
export async function finish({ errors, external, close }: OpenedPage) {
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
  await close();
}

export type Box = { x: number; y: number; width: number; height: number };

export async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element has no box (not rendered)');
  return found;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Presses Tab until `predicate` holds for the focused element; fails after `limit` presses. */
export async function tabUntil(page: Page, predicate: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const matched = await page.evaluate(
      (selector) => document.activeElement?.matches(selector) ?? false,
      predicate,
    );
    if (matched) return;
  }
  throw new Error(`no focusable element matching ${predicate} within ${limit} Tab presses`);
}

/**
 * One Chromium for a test file against the build the global setup serves: call at the top of
 * the file, then `open(path, options)` in tests.
 */
export function readerSession(): {
  open: (path: string, options?: BrowserContextOptions) => Promise<OpenedPage>;
  /** The served site's origin, e.g. http://127.0.0.1:4321. */
  base: () => string;
} {
  let browser: Browser | undefined;
  let base = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    base = inject('baseUrl');
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    open: (path, options = {}) => {
      if (!browser) throw new Error('the browser is not running: call readerSession() at the top');
      return openPage(browser, base, path, options);
    },
    base: () => base,
  };
}
