import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser';

const PAGES = {
  home: '/',
  article: '/articles/building-trust-and-emotional-intimacy',
  author: '/authors/patrick-b-watson',
  faq: '/faq',
  search: '/search',
  'not-found': '/articles/missing',
} as const;
const WIDTHS = [360, 768, 1440] as const;
const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  path: string,
  width: number,
  colorScheme: 'light' | 'dark',
): Promise<{ page: Page; errors: string[]; external: string[] }> {
  const base = inject('baseUrl');
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      !(path === PAGES['not-found'] && message.text().includes('404'))
    )
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
      external.push(request.url());
  });
  await page.goto(new URL(path, base).toString(), { waitUntil: 'networkidle' });
  return { page, errors, external };
}

describe.each(Object.entries(PAGES))('%s page', (name, path) => {
  it.each(WIDTHS.flatMap((width) => SCHEMES.map((scheme) => [width, scheme] as const)))(
    'at %i px in %s: fits the viewport, no console errors, no third-party requests',
    async (width, scheme) => {
      const { page, errors, external } = await open(path, width, scheme);
      // Lazy images load as they scroll into view: scroll through so the screenshot shows them.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 20));
        }
        window.scrollTo(0, 0);
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`${name}-${width}-${scheme}`), fullPage: true });
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await page.close();
    },
  );
});

describe('byline', () => {
  it.each([320, 360, 768])(
    'shows a dot only between two items on one line, never at a line start (%i px)',
    async (width) => {
      const { page, errors } = await open(PAGES.article, width, 'light');
      const bylineLocator = page.locator('.byline');
      // "Clipped" below is worked out from geometry: the byline must really clip what lies more
      // than 5 px beyond its left edge.
      expect(await bylineLocator.evaluate((el) => getComputedStyle(el).clipPath)).toBe(
        'inset(-5px)',
      );
      const dots = await bylineLocator.evaluate((byline) => {
        const clipLeft = byline.getBoundingClientRect().left - 5;
        const items = [...byline.children].map((el) => el.getBoundingClientRect());
        const context = document.createElement('canvas').getContext('2d');
        return [...byline.querySelectorAll('.byline-item')].map((item) => {
          const box = item.getBoundingClientRect();
          const dot = getComputedStyle(item, '::before');
          if (context) context.font = `${dot.fontSize} ${dot.fontFamily}`;
          const left = box.left + parseFloat(dot.left);
          const right = left + (context?.measureText('·').width ?? 0);
          const index = [...byline.children].indexOf(item);
          const before = items[index - 1];
          const sameLine = before !== undefined && Math.abs(before.top - box.top) < 2;
          return {
            clipped: right <= clipLeft,
            betweenItems:
              sameLine && before !== undefined && left >= before.right && right <= box.left,
          };
        });
      });
      expect(dots.length).toBeGreaterThanOrEqual(2);
      for (const dot of dots) expect(dot.clipped || dot.betweenItems).toBe(true);
      // At 320 px the byline wraps, so a line-start item (and its clipped dot) was checked.
      if (width === 320) expect(dots.some((dot) => dot.clipped)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('home page lede', () => {
  it.each([320, 768, 1024, 1440])(
    'never ends a line inside a hyphenated word such as "long-form" (%i px)',
    async (width) => {
      const { page, errors } = await open(PAGES.home, width, 'light');
      // The text of each line, read character by character from where the browser set it.
      const lines = await page.locator('.page-lede').evaluate((lede) => {
        const walker = document.createTreeWalker(lede, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        const out: string[] = [];
        let top: number | undefined;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let i = 0; i < text.length; i += 1) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const y = range.getBoundingClientRect().top;
            if (top === undefined || y > top + 2) out.push('');
            top = y;
            out.push(`${out.pop() ?? ''}${text[i] ?? ''}`);
          }
        }
        return out;
      });
      expect(lines.join('')).toContain('long-form');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.trimEnd()).not.toMatch(/\p{L}-$/u);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('tags index', () => {
  it('reads in its order (most covered first) along each row on wide screens', async () => {
    const { page, errors } = await open('/tags', 1440, 'light');
    const boxes = await page
      .locator('.tag-index li')
      .evaluateAll((items) => items.map((li) => li.getBoundingClientRect()));
    expect(boxes.length).toBeGreaterThan(1);
    // In source order each item is right of the one before, or on a lower row: not down columns.
    for (let i = 1; i < boxes.length; i += 1) {
      const before = boxes[i - 1];
      const item = boxes[i];
      if (!before || !item) throw new Error('missing box');
      const sameRow = Math.abs(item.top - before.top) < 1;
      expect(sameRow ? item.left > before.left : item.top > before.top).toBe(true);
    }
    // More than one per row at this width, so the order above was a real test.
    expect(boxes[1]?.top).toBeCloseTo(boxes[0]?.top ?? -1, 0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('typography', () => {
  it('keeps body lines within a 60–75 character measure on a laptop', async () => {
    const { page } = await open(PAGES.article, 1440, 'light');
    const charsPerLine = await page.evaluate(() => {
      const paragraph = document.querySelector('.prose > p');
      if (!paragraph) return 0;
      const style = getComputedStyle(paragraph);
      const canvas = document.createElement('canvas').getContext('2d');
      if (!canvas) return 0;
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const sample = 'the quick brown fox jumps over the lazy dog, said the editor. ';
      const average = canvas.measureText(sample).width / sample.length;
      return paragraph.getBoundingClientRect().width / average;
    });
    expect(charsPerLine).toBeGreaterThanOrEqual(60);
    expect(charsPerLine).toBeLessThanOrEqual(75);
    await page.close();
  });

  it('serves its own fonts', async () => {
    const { page } = await open(PAGES.article, 1440, 'light');
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((font) => font.status === 'loaded')
        .map((font) => font.family);
    });
    expect(loaded.join(' ')).toMatch(/serif/i);
    await page.close();
  });

  it('fetches the italic face only for italic text, and sets italics in it, not a slanted roman', async () => {
    const { page } = await open(PAGES.article, 412, 'light');
    const fontRequests = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => name.endsWith('.woff2')),
      );
    // Nothing on the article is italic: the 52 KB face is neither preloaded nor fetched.
    const preloads = await page.$$eval('link[rel="preload"][as="font"]', (links) =>
      links.map((link) => link.getAttribute('href') ?? ''),
    );
    expect(preloads.length).toBeGreaterThan(0);
    expect(preloads.filter((href) => /italic/.test(href))).toEqual([]);
    expect((await fontRequests()).filter((name) => /italic/.test(name))).toEqual([]);

    // An editor's *emphasis* in the body, in a blockquote and in the bio.
    const elements = await page.evaluate(() => {
      const places = ['.prose p', '.prose', '.author-card-bio p'];
      return places.map((selector, index) => {
        const host = document.querySelector(selector);
        if (!host) throw new Error(`no ${selector}`);
        const element = document.createElement(index === 1 ? 'blockquote' : 'em');
        element.textContent = 'Emphasis an editor wrote';
        host.append(element);
        const style = getComputedStyle(element);
        return { style: style.fontStyle, family: style.fontFamily };
      });
    });
    const italicFamily = elements[0]?.family.split(',')[0]?.replace(/["']/g, '') ?? '';
    expect(italicFamily).toMatch(/serif.*italic|italic.*serif/i);
    for (const element of elements) {
      expect(element.style).toBe('italic');
      expect(element.family.split(',')[0]?.replace(/["']/g, '')).toBe(italicFamily);
    }
    // The face itself loads (laying the text out asks for it), so the browser sets the text in
    // it instead of slanting the roman.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.fonts]
            .filter((font) => font.style === 'italic' && font.status === 'loaded')
            .map((font) => font.family.replace(/["']/g, '')),
        ),
      )
      .toEqual([italicFamily]);
    expect((await fontRequests()).filter((name) => /italic/.test(name))).toHaveLength(1);
    await page.close();
  });
});
