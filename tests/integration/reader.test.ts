import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { speculationRules } from '@/lib/speculation-rules';
import { collapse, fetchPage } from '../support/html';

const ARTICLE = '/articles/building-trust-and-emotional-intimacy';

describe('theme', () => {
  it('loads the saved-theme script from a static file, first thing in <head>', async () => {
    const { $ } = await fetchPage('/');
    const script = $('head script[src="/theme-init.js"]');
    expect(script).toHaveLength(1);
    // Blocking (no async/defer): it must run before the first paint.
    expect(script.attr('async')).toBeUndefined();
    expect(script.attr('defer')).toBeUndefined();
    const response = await fetch(`${inject('baseUrl')}/theme-init.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("localStorage.getItem('theme')");
  });

  it('renders a theme toggle button in the header', async () => {
    const { $ } = await fetchPage('/');
    expect(collapse($('.site-header button.theme-toggle').text())).toBe('Dark theme');
  });
});

describe('links to other pages', () => {
  it.each(['/', ARTICLE, '/faq', '/tags', '/search', '/articles/missing'])(
    '%s carries the speculation rules that prefetch its links on intent',
    async (path) => {
      const { $, status } = await fetchPage(path);
      expect(status).toBe(path === '/articles/missing' ? 404 : 200);
      const rules = $('head script[type="speculationrules"]');
      expect(rules).toHaveLength(1);
      expect(JSON.parse(rules.text())).toEqual(speculationRules);
    },
  );
});

describe('heading anchors', () => {
  it('follow each article heading without ever nesting a link in a link', async () => {
    const { $ } = await fetchPage(ARTICLE);
    expect($('a a')).toHaveLength(0);
    const anchors = $('.prose a.heading-anchor');
    expect(anchors.length).toBeGreaterThan(30);
    anchors.each((_, el) => {
      const anchor = $(el);
      const heading = anchor.parent();
      expect(heading.is('h2, h3, h4')).toBe(true);
      expect(anchor.attr('href')).toBe(`#${heading.attr('id')}`);
      expect(anchor.attr('aria-label')).toMatch(/^Link to section: \S/);
    });
  });
});

describe('search', () => {
  it('prerenders a search page with a labelled search box', async () => {
    const { status, $ } = await fetchPage('/search');
    expect(status).toBe(200);
    expect($('form[role="search"] input[type="search"]').attr('id')).toBe('search-input');
    expect($('label[for="search-input"]').text()).toMatch(/search/i);
    expect($('.site-nav a[href="/search"]')).toHaveLength(1);
  });

  it('serves the Pagefind bundle built after next build', async () => {
    const base = inject('baseUrl');
    const script = await fetch(`${base}/pagefind/pagefind.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const entry = await fetch(`${base}/pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    const data: unknown = await entry.json();
    // Every content page is searchable, and nothing else: each article, the FAQ and each
    // author's page (whose bio is there), in the one language the index is built for
    // (build-search-index.mjs forces "en"). Home, tag and later list pages only repeat them.
    const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1] ?? '').pathname,
    );
    const contentPages = locs.filter((p) => /^\/(articles\/[^/]+|faq|authors\/[^/]+)$/.test(p));
    expect(contentPages).toEqual(
      expect.arrayContaining(['/articles/building-trust-and-emotional-intimacy', '/faq']),
    );
    expect(contentPages.length).toBeLessThan(locs.length);
    expect(pageCountsByLanguage(data)).toStrictEqual({ en: contentPages.length });
  });
});

/**
 * `page_count` of each language in pagefind-entry.json (`{ languages: { en: { page_count } } }`),
 * read from the parsed JSON so 1 cannot pass for 10; a missing or non-numeric count throws.
 */
const pagefindEntry = z.object({
  languages: z.record(z.string(), z.object({ page_count: z.number() })),
});

function pageCountsByLanguage(entry: unknown): Record<string, number> {
  const { languages } = pagefindEntry.parse(entry);
  return Object.fromEntries(
    Object.entries(languages).map(([language, info]) => [language, info.page_count]),
  );
}
