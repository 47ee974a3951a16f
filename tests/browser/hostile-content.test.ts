/**
 * Hostile Markdown, rendered by the real pipeline and loaded into Chromium: no payload may run.
 *
 * Every payload calls alert('<id>') on load or when its link or button is clicked, and the page
 * records each dialog. The control runs the same payloads with the sanitiser left out and
 * requires each one to fire, so a pass below means our sanitising stopped it, not Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import { launchBrowser } from '../support/browser';
import {
  HOSTILE_PAYLOADS,
  renderUnsanitised,
  wrapPayload,
  type HostilePayload,
} from '../support/hostile-payloads';

/**
 * Time for load-time and click-time payloads to fire after the page has loaded and the click
 * landed (image errors, toggle events, javascript: navigations are queued tasks). The control
 * shows every payload fires within it.
 */
const SETTLE_MS = 300;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface PageRun {
  /** Messages of every alert/confirm/prompt the page opened, in order. */
  dialogs: string[];
  /** How many elements matched the payload's click selector once the page had loaded. */
  clickTargets: number;
  mainText: string;
}

/**
 * Loads `html` into a blank page and reports the dialogs it opened. With `click`, the payload's
 * element is clicked as a curious reader would; a click that fails (no such element, hidden,
 * covered) fails the test rather than being skipped.
 */
async function runInChromium(
  html: string,
  payload: HostilePayload,
  { click }: { click: boolean },
): Promise<PageRun> {
  const page = await browser.newPage();
  try {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.setContent(`<!doctype html><html><body><main>${html}</main></body></html>`);
    const target = payload.click ? page.locator(payload.click.selector) : undefined;
    const clickTargets = target ? await target.count() : 0;
    if (target && click) await target.click({ timeout: 5_000 });
    await page.waitForTimeout(SETTLE_MS);
    return { dialogs, clickTargets, mainText: (await page.textContent('main')) ?? '' };
  } finally {
    await page.close();
  }
}

describe('control: hostile payloads with the sanitiser left out', () => {
  it.each(HOSTILE_PAYLOADS)('$id runs in Chromium', async (payload) => {
    const html = renderUnsanitised(wrapPayload(payload));
    const { dialogs } = await runInChromium(html, payload, { click: true });
    expect(dialogs).toEqual([payload.id]);
  });
});

describe('hostile payloads through renderMarkdown in Chromium', () => {
  it.each(HOSTILE_PAYLOADS)('$id does not run', async (payload) => {
    const { html } = renderMarkdown(wrapPayload(payload));
    const kept = payload.click?.afterSanitising === 'kept';
    const { dialogs, clickTargets, mainText } = await runInChromium(html, payload, {
      click: kept,
    });
    // Sanitising either leaves the element harmless (and it was clicked above) or removes it.
    if (payload.click) expect(clickTargets).toBe(kept ? 1 : 0);
    expect(dialogs).toEqual([]);
    expect(mainText).toContain('Before the payload.');
    expect(mainText).toContain('After the payload.');
  });
});
