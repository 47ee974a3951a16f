/**
 * Hostile Markdown, rendered by the real pipeline and loaded into Chromium: no payload may run.
 * Every payload tries to set `window.__pwned` or open a dialog; the page records both.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import { launchBrowser } from '../support/browser';

const PAYLOADS: Record<string, string> = {
  'script element': '<script>window.__pwned = "script"</script>',
  'event handler': '<img src="/missing.png" onerror="window.__pwned = \'onerror\'">',
  'svg onload': '<svg onload="window.__pwned = \'svg\'"></svg>',
  'javascript: link': '[click](javascript:window.__pwned="link")',
  'entity-encoded javascript: link': '<a href="&#106;avascript:window.__pwned=1">click</a>',
  'data: iframe': '<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  'base href': '<base href="javascript:window.__pwned=1//">',
  'object embed':
    '<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">',
  'form action': '<form action="javascript:window.__pwned=1"><button id="go">go</button></form>',
  'style expression': '<div style="background:url(javascript:window.__pwned=1)">styled</div>',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile content in Chromium', () => {
  it.each(Object.entries(PAYLOADS))('%s does not run', async (_name, payload) => {
    const { html } = renderMarkdown(`Before the payload.\n\n${payload}\n\nAfter the payload.\n`);
    const page = await browser.newPage();
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.setContent(`<!doctype html><html><body><main>${html}</main></body></html>`);
    // Click every link and button the payload may have left, as a curious reader would.
    for (const handle of await page.$$('a, button'))
      await handle.click({ timeout: 1000 }).catch(() => {});
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
    expect(dialog).toBe(false);
    expect(await page.textContent('main')).toContain('After the payload.');
    await page.close();
  });
});
