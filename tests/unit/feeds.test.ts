import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getArticle } from '@/lib/content';
import { absolutizeHtml, buildFeed, feedContentHtml, toJsonFeed11 } from '@/lib/feeds';
import { absoluteUrl, FEED_ITEMS } from '@/lib/site';

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

  it('leaves a URL that does not parse as written instead of failing the feed', () => {
    expect(absolutizeHtml('<p><a href="http://">x</a> <a href="/faq">y</a></p>', PAGE)).toBe(
      '<p><a href="http://">x</a> <a href="https://example.org/faq">y</a></p>',
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

/**
 * The feed-length fixture: 25 published articles whose file names are not in date order, plus a
 * draft and a scheduled post that are newer than all of them and must stay out of the feed.
 */
const FEED_FIXTURE: readonly { slug: string; date: string; draft?: true }[] = [
  { slug: 'aardvark', date: '2021-03-19' },
  { slug: 'badger', date: '2021-11-05' },
  { slug: 'camel', date: '2020-10-25' },
  { slug: 'dingo', date: '2023-08-09' },
  { slug: 'eagle', date: '2020-05-07' },
  { slug: 'ferret', date: '2019-04-09' },
  { slug: 'gecko', date: '2020-03-15' },
  { slug: 'heron', date: '2022-08-26' },
  { slug: 'ibis', date: '2021-01-18' },
  { slug: 'jackal', date: '2019-05-29' },
  { slug: 'koala', date: '2019-05-24' },
  { slug: 'lemur', date: '2019-06-26' },
  { slug: 'marmot', date: '2021-06-07' },
  { slug: 'newt', date: '2019-07-12' },
  { slug: 'ocelot', date: '2999-01-01' },
  { slug: 'otter', date: '2019-04-29' },
  { slug: 'panda', date: '2019-05-02' },
  { slug: 'quail', date: '2019-07-05' },
  { slug: 'raven', date: '2019-11-05' },
  { slug: 'stoat', date: '2023-08-21' },
  { slug: 'tapir', date: '2021-05-19' },
  { slug: 'urchin', date: '2022-04-08' },
  { slug: 'vole', date: '2022-02-02' },
  { slug: 'walrus', date: '2021-05-06' },
  { slug: 'xerus', date: '2024-06-01', draft: true },
  { slug: 'yak', date: '2019-03-18' },
  { slug: 'zebra', date: '2022-01-02' },
];

/** The 20 newest published articles of FEED_FIXTURE, newest first, worked out by hand. */
const NEWEST_PUBLISHED: readonly (readonly [slug: string, date: string])[] = [
  ['stoat', '2023-08-21'],
  ['dingo', '2023-08-09'],
  ['heron', '2022-08-26'],
  ['urchin', '2022-04-08'],
  ['vole', '2022-02-02'],
  ['zebra', '2022-01-02'],
  ['badger', '2021-11-05'],
  ['marmot', '2021-06-07'],
  ['tapir', '2021-05-19'],
  ['walrus', '2021-05-06'],
  ['aardvark', '2021-03-19'],
  ['ibis', '2021-01-18'],
  ['camel', '2020-10-25'],
  ['eagle', '2020-05-07'],
  ['gecko', '2020-03-15'],
  ['raven', '2019-11-05'],
  ['newt', '2019-07-12'],
  ['quail', '2019-07-05'],
  ['lemur', '2019-06-26'],
  ['jackal', '2019-05-29'],
  // Left out as older: koala 2019-05-24, panda 2019-05-02, otter 2019-04-29,
  // ferret 2019-04-09, yak 2019-03-18.
];

const VALID_AUTHORS = path.join(import.meta.dirname, '../fixtures/content/valid/authors');

function writeFeedFixture(root: string): void {
  mkdirSync(path.join(root, 'articles'), { recursive: true });
  cpSync(VALID_AUTHORS, path.join(root, 'authors'), { recursive: true });
  for (const { slug, date, draft } of FEED_FIXTURE) {
    writeFileSync(
      path.join(root, 'articles', `${slug}.md`),
      [
        '---',
        `title: All About the ${slug}`,
        'description: A feed-length fixture article, dated so the feed has to sort and cut the list.',
        `date: ${date}`,
        'author: ada-lovelace',
        ...(draft ? ['draft: true'] : []),
        '---',
        '',
        `A short body about the ${slug}.`,
        '',
      ].join('\n'),
    );
  }
}

describe('feed length', () => {
  it('carries the FEED_ITEMS newest published articles, newest first', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'feed-length-'));
    try {
      writeFeedFixture(root);
      vi.stubEnv('CONTENT_DIR', root);
      expect(NEWEST_PUBLISHED).toHaveLength(FEED_ITEMS);
      expect(
        buildFeed().items.map((item) => [item.link, item.published?.toISOString().slice(0, 10)]),
      ).toEqual(NEWEST_PUBLISHED.map(([slug, date]) => [absoluteUrl(`/articles/${slug}`), date]));
    } finally {
      vi.unstubAllEnvs();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
