import { describe, expect, it } from 'vitest';
import { getArticle, getAuthors } from '@/lib/content';
import { inNavSection } from '@/lib/nav';
import { absoluteUrl, siteUrlWarning } from '@/lib/site';
import { sitemapEntries } from '@/lib/sitemap';

describe('sitemapEntries', () => {
  const article = getArticle('building-trust-and-emotional-intimacy');
  if (!article) throw new Error('the published article must load');
  // Twelve articles, newest first: two pages of every list.
  const many = Array.from({ length: 12 }, (_, i) => ({
    ...article,
    slug: `post-${i}`,
    date: `2024-01-${String(20 - i).padStart(2, '0')}`,
  }));

  it('lists every public page with lastmod from the content', () => {
    expect(sitemapEntries([article], getAuthors(), [{ article: article.slug }])).toEqual([
      { url: absoluteUrl('/'), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl(`/articles/${article.slug}`), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl('/tags'), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl('/tags/communication'), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl('/tags/emotional-intimacy'), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl('/tags/relationships'), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl('/tags/trust'), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl('/authors/patrick-b-watson'), lastModified: '2023-10-01T00:00:00Z' },
      { url: absoluteUrl('/faq'), lastModified: '2023-10-01T00:00:00Z' },
    ]);
  });

  it('prefers the updated date, and takes the newest for list pages', () => {
    const updated = { ...article, updated: '2024-02-29' };
    const older = { ...article, slug: 'older', date: '2020-01-01' };
    const entries = sitemapEntries([updated, older], getAuthors(), []);
    expect(entries).toContainEqual({
      url: absoluteUrl(`/articles/${article.slug}`),
      lastModified: '2024-02-29T00:00:00Z',
    });
    expect(entries).toContainEqual({
      url: absoluteUrl('/articles/older'),
      lastModified: '2020-01-01T00:00:00Z',
    });
    expect(entries[0]).toEqual({ url: absoluteUrl('/'), lastModified: '2024-02-29T00:00:00Z' });
    expect(entries.some((e) => e.url.endsWith('/faq'))).toBe(false);
  });

  it('lists later pages of the home list with the newest date on each', () => {
    const entries = sitemapEntries(many, getAuthors(), []);
    expect(entries).toContainEqual({
      url: absoluteUrl('/page/2'),
      lastModified: '2024-01-10T00:00:00Z',
    });
    expect(entries.some((e) => e.url.endsWith('/page/3'))).toBe(false);
  });

  it('lists later pages of each tag’s and each author’s articles', () => {
    const urls = sitemapEntries(many, getAuthors(), []).map((e) => e.url);
    for (const path of ['/tags/trust', '/tags/trust/page/2', '/authors/patrick-b-watson/page/2']) {
      expect(urls).toContain(absoluteUrl(path));
    }
    expect(urls.some((url) => url.endsWith('/page/1') || url.endsWith('/page/3'))).toBe(false);
  });
});

describe('SITE_URL at build time', () => {
  it('warns when it is unset, since every absolute URL would then name localhost', () => {
    expect(siteUrlWarning({})).toBe(
      'SITE_URL is not set: canonical URLs, Open Graph, JSON-LD, feeds, the sitemap and robots.txt will point at http://localhost:3000. Before deploying, build with the public origin, e.g. `SITE_URL=https://example.com npm run build`.',
    );
    expect(siteUrlWarning({ SITE_URL: '' })).toBe(siteUrlWarning({}));
    expect(siteUrlWarning({ SITE_URL: 'https://example.com' })).toBeUndefined();
  });
});

describe('inNavSection', () => {
  it.each([
    ['/', '/', true],
    ['/articles/x', '/', true],
    ['/page/2', '/', true],
    ['/tags', '/', false],
    ['/tags/trust/page/2', '/tags', true],
    ['/tags', '/tags', true],
    ['/tagsx', '/tags', false],
    ['/faq', '/faq', true],
    ['/search', '/faq', false],
  ])('%s is in the section of %s: %s', (pathname, href, expected) => {
    expect(inNavSection(pathname, href)).toBe(expected);
  });
});
