import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser';
import { ARTICLE, box, finish, PHONE, readerSession, tabUntil } from '../support/reader-page';

const { open } = readerSession();

const WIDE = { viewport: { width: 1440, height: 900 } } as const;
/** The same without smooth scrolling, so a jump lands at once (the reader's own setting). */
const WIDE_INSTANT = { ...WIDE, reducedMotion: 'reduce' } as const;
/** A smooth scroll across the article takes over a second. */
const SCROLLED = { timeout: 5_000 };

const currentEntry = (page: Page) => page.locator('nav.toc a[aria-current="location"]');

/**
 * Whether the entry can be seen inside the contents column, which scrolls on its own when the
 * outline is taller than the window. (Playwright's isVisible ignores that clipping.)
 */
async function shownInColumn(page: Page, entry: Locator): Promise<boolean> {
  const column = await box(page.locator('nav.toc'));
  const shown = await box(entry);
  return shown.y >= column.y - 1 && shown.y + shown.height <= column.y + column.height + 1;
}

describe('table of contents', () => {
  it('stays visible on wide screens and marks the section being read', async () => {
    const opened = await open(ARTICLE, WIDE);
    const { page } = opened;
    const toc = page.locator('nav.toc');
    expect(await toc.locator('details').getAttribute('open')).not.toBeNull();
    // The outline is taller than the window here, so the column has to scroll to the entry.
    expect(await toc.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await page.evaluate(() => {
      document.getElementById('the-role-of-forgiveness')?.scrollIntoView({ block: 'start' });
    });
    const current = currentEntry(page);
    await expect
      .poll(() => current.getAttribute('href'), SCROLLED)
      .toBe('#the-role-of-forgiveness');
    expect(await toc.locator('a[aria-current]').count()).toBe(1);
    const tocBox = await box(toc);
    expect(tocBox.y).toBeGreaterThanOrEqual(0);
    expect(tocBox.y).toBeLessThan(900);
    expect(await shownInColumn(page, current)).toBe(true);
    await page.screenshot({ path: screenshotPath('toc-current-1440-light') });
    await finish(opened);
  });

  it('marks the entry a reader follows, for every entry, and scrolls the column to it', async () => {
    const opened = await open(ARTICLE, WIDE_INSTANT);
    const { page } = opened;
    const entries = page.locator('nav.toc a[href^="#"]');
    const hrefs = await entries.evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(30);
    const marked: string[] = [];
    for (const href of hrefs) {
      const entry = page.locator(`nav.toc a[href="${href}"]`);
      // A DOM click: Playwright's own would scroll the column to the entry first, and the
      // column's scrolling is what is being tested.
      await entry.evaluate((link) => (link instanceof HTMLElement ? link.click() : undefined));
      await expect.poll(() => new URL(page.url()).hash).toBe(href);
      await expect.poll(() => currentEntry(page).getAttribute('href')).toBe(href);
      await expect.poll(() => shownInColumn(page, entry)).toBe(true);
      // Read once the column has settled: the mark must not have moved on to the next entry.
      marked.push((await currentEntry(page).getAttribute('href')) ?? '');
    }
    // Short sections put the next heading on screen too; the one followed is the one marked.
    expect(marked).toEqual(hrefs);
    await finish(opened);
  });

  it('hands the mark to the next section once the reader scrolls it to the top', async () => {
    const opened = await open(ARTICLE, WIDE_INSTANT);
    const { page } = opened;
    await page.locator('nav.toc a[href="#strategies-for-building-trust"]').click();
    await expect
      .poll(() => currentEntry(page).getAttribute('href'))
      .toBe('#strategies-for-building-trust');
    // The next heading is on screen, below the one jumped to; a wheel scroll brings it up.
    const next = page.locator('[id="1-consistency-and-reliability"]');
    const { y } = await box(next);
    expect(y).toBeLessThan(900);
    await page.mouse.move(700, 450);
    await page.mouse.wheel(0, y - 30);
    await expect
      .poll(() => currentEntry(page).getAttribute('href'), SCROLLED)
      .toBe('#1-consistency-and-reliability');
    await finish(opened);
  });

  it('marks the last section on screen at the end of the article', async () => {
    const opened = await open(ARTICLE, WIDE);
    const { page } = opened;
    await page.mouse.move(700, 450);
    await page.mouse.wheel(0, 100_000);
    await expect
      .poll(() => page.evaluate(() => window.scrollY + window.innerHeight), SCROLLED)
      .toBeGreaterThanOrEqual(await page.evaluate(() => document.documentElement.scrollHeight - 2));
    const last = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('nav.toc a[href^="#"]')].map((a) =>
        decodeURIComponent(a.getAttribute('href')?.slice(1) ?? ''),
      );
      const onScreen = ids.filter((id) => {
        const top = document.getElementById(id)?.getBoundingClientRect().top ?? Infinity;
        return top < window.innerHeight;
      });
      return `#${onScreen.at(-1) ?? ''}`;
    });
    await expect.poll(() => currentEntry(page).getAttribute('href')).toBe(last);
    expect(await shownInColumn(page, currentEntry(page))).toBe(true);
    await finish(opened);
  });

  it('marks an entry followed again after scrolling away, with the address unchanged', async () => {
    // A window so tall that the page cannot scroll this heading up to the reading line (it
    // stands about 3,500 px above the page's end at this width): the jump itself has to mark
    // it, or the last heading on screen, the References, would be marked.
    const opened = await open(ARTICLE, {
      ...WIDE_INSTANT,
      viewport: { width: 1440, height: 3600 },
    });
    const { page } = opened;
    const entry = page.locator('nav.toc a[href="#the-role-of-forgiveness"]');
    await entry.click();
    await expect
      .poll(() => currentEntry(page).getAttribute('href'))
      .toBe('#the-role-of-forgiveness');
    await page.mouse.move(700, 450);
    await page.mouse.wheel(0, -3000);
    await expect
      .poll(() => currentEntry(page).getAttribute('href'), SCROLLED)
      .not.toBe('#the-role-of-forgiveness');
    // Same hash as the address already has: no hashchange, the click alone must mark it.
    await entry.click();
    await expect
      .poll(() => currentEntry(page).getAttribute('href'))
      .toBe('#the-role-of-forgiveness');
    await finish(opened);
  });

  it.each(['#50%', '#%E2%80', '#%'])(
    'keeps working when the address ends in a malformed fragment (%s)',
    async (fragment) => {
      const opened = await open(`${ARTICLE}${fragment}`, WIDE_INSTANT);
      const { page } = opened;
      expect(await page.locator('h1').isVisible()).toBe(true);
      await page.locator('nav.toc a[href="#trust-building-exercises"]').click();
      await expect
        .poll(() => currentEntry(page).getAttribute('href'))
        .toBe('#trust-building-exercises');
      // No uncaught exception, no console error (finish checks both).
      await finish(opened);
    },
  );

  it('folds away on phones and opens from the keyboard', async () => {
    const opened = await open(ARTICLE, PHONE);
    const { page } = opened;
    const link = page.locator('nav.toc a').first();
    expect(await link.isVisible()).toBe(false);
    await tabUntil(page, 'nav.toc summary');
    await page.keyboard.press('Enter');
    expect(await link.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe(await link.getAttribute('href'));
    await finish(opened);
  });
});
