import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateContent } from '../../bench/synthetic-content';
import { getArticle, getPublishedArticles } from '@/lib/content';
import { absolutizeHtml, buildFeed, feedContentHtml, toJsonFeed11 } from '@/lib/feeds';
import { absoluteUrl, FEED_ITEMS } from '@/lib/site';
import { repoRoot } from '../support/server';

const SLUG = 'building-trust-and-emotional-intimacy';
const PAGE = 'https://example.org/articles/a';

describe('absolutizeHtml', () => {
  it('resolves fragment, root-relative and relative URLs against the page, and keeps absolute ones', () => {
    expect(
      absolutizeHtml(
        '<p><a href="#fn-x">1</a> <a href="/faq">FAQ</a> <a href="b">b</a> ' +
          '<a href="https://other.example/">x</a> <img src="/p.svg" alt=""></p>',
        PAGE,
      ),
    ).toBe(
      '<p><a href="https://example.org/articles/a#fn-x">1</a> ' +
        '<a href="https://example.org/faq">FAQ</a> <a href="https://example.org/articles/b">b</a> ' +
        '<a href="https://other.example/">x</a> <img src="https://example.org/p.svg" alt=""></p>',
    );
  });
});

describe('feed content', () => {
  const article = getArticle(SLUG);
  if (!article) throw new Error('the published article must load');
  const html = feedContentHtml(article);
  const pageUrl = absoluteUrl(`/articles/${SLUG}`);

  it('is the whole article with its references, every link absolute', () => {
    expect(html).toContain('In the end, building trust and emotional intimacy is a journey');
    expect(html).toContain('Artificial Intelligence (AI)');
    expect(html).toContain(`href="${pageUrl}#fn-gottman-1999"`);
    expect(html).toContain(`href="${pageUrl}#fnref-gottman-1999"`);
    expect(html).toContain('id="fn-gottman-1999"');
    expect(html).toContain('href="https://en.wikipedia.org/wiki/John_Gottman"');
    expect(html).not.toMatch(/\s(?:href|src)="(?!https?:)/);
  });

  it('has no script or inline event handler (the sanitised body only)', () => {
    expect(html).not.toMatch(/<script|\son\w+=/i);
  });

  it('dates items by the content, not the build', () => {
    const feed = buildFeed([article]);
    expect(feed.options.updated?.toISOString()).toBe('2023-10-01T00:00:00.000Z');
    expect(buildFeed([article]).rss2()).toBe(feed.rss2());
  });
});

describe('toJsonFeed11', () => {
  it('upgrades the version, moves author to authors and adds language', () => {
    const json1 = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'T',
      author: { name: 'Site' },
      items: [{ id: '1', content_html: '<p>x</p>', author: { name: 'A', url: 'u' } }],
    });
    expect(JSON.parse(toJsonFeed11(json1, 'en'))).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      language: 'en',
      authors: [{ name: 'Site' }],
      items: [{ id: '1', content_html: '<p>x</p>', authors: [{ name: 'A', url: 'u' }] }],
    });
  });
});

describe('feed length', () => {
  it('carries the FEED_ITEMS newest published articles, newest first', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'feed-length-'));
    try {
      generateContent(path.join(repoRoot, 'content'), root, FEED_ITEMS + 5);
      vi.stubEnv('CONTENT_DIR', root);
      const newest = getPublishedArticles()
        .slice(0, FEED_ITEMS)
        .map((article) => absoluteUrl(`/articles/${article.slug}`));
      expect(getPublishedArticles()).toHaveLength(FEED_ITEMS + 5);
      expect(buildFeed().items.map((item) => item.link)).toEqual(newest);
    } finally {
      vi.unstubAllEnvs();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
