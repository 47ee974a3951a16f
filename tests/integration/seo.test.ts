import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { absoluteUrl } from '@/lib/site';
import { collapse, fetchPage } from '../support/html';
import {
  ARTICLE_SPEC,
  BREADCRUMB_SPEC,
  FAQ_SPEC,
  PROFILE_SPEC,
  checkAgainstGoogle,
} from '../support/google-structured-data';

const ARTICLE = '/articles/building-trust-and-emotional-intimacy';
const AUTHOR = '/authors/patrick-b-watson';
const PAGES = ['/', ARTICLE, AUTHOR, '/faq'];

type Doc = Record<string, unknown> & { '@type': string };

function jsonLd($: CheerioAPI): Doc[] {
  return $('script[type="application/ld+json"]')
    .map((_, el) => JSON.parse($(el).html() ?? 'null'))
    .get();
}

function docOfType($: CheerioAPI, type: string): Doc {
  const docs = jsonLd($).filter((doc) => doc['@type'] === type);
  expect(docs, `one ${type} document`).toHaveLength(1);
  const [doc] = docs;
  if (!doc) throw new Error(`no ${type}`);
  return doc;
}

function meta($: CheerioAPI, key: string): string | undefined {
  return $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
}

async function fetchRaw(path: string) {
  const response = await fetch(new URL(path, inject('baseUrl')));
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('metadata on every page', () => {
  it.each(PAGES)('%s has canonical, Open Graph, Twitter card and feed links', async (path) => {
    const { $ } = await fetchPage(path);
    expect($('html').attr('lang')).toBe('en');
    const canonical = $('link[rel="canonical"]').attr('href');
    // Next writes the home page's canonical as the bare origin; the URL is the same.
    expect(new URL(canonical ?? '').toString()).toBe(absoluteUrl(path));
    expect(meta($, 'og:url')).toBe(canonical);
    expect(meta($, 'og:site_name')).toBe('Cornerstone');
    expect(meta($, 'og:locale')).toBe('en_GB');
    expect(meta($, 'og:title')).toBeTruthy();
    expect(meta($, 'og:description')).toBe(meta($, 'description'));
    expect(meta($, 'og:image')).toMatch(/^https?:\/\/.+\.png\?v=[0-9a-f]{10}$/);
    expect(meta($, 'og:image:width')).toBe('1200');
    expect(meta($, 'og:image:height')).toBe('630');
    expect(meta($, 'og:image:alt')?.length).toBeGreaterThan(10);
    expect(meta($, 'twitter:card')).toBe('summary_large_image');
    expect(meta($, 'twitter:image')).toBe(meta($, 'og:image'));
    const feeds = $('link[rel="alternate"]')
      .map((_, el) => `${$(el).attr('type')} ${$(el).attr('href')}`)
      .get();
    expect(feeds).toEqual([
      `application/rss+xml ${absoluteUrl('/feed.xml')}`,
      `application/atom+xml ${absoluteUrl('/atom.xml')}`,
      `application/feed+json ${absoluteUrl('/feed.json')}`,
    ]);
  });

  it('gives each page its own title and description', async () => {
    const pages = await Promise.all(PAGES.map((path) => fetchPage(path)));
    const titles = pages.map(({ $ }) => $('title').text());
    const descriptions = pages.map(({ $ }) => meta($, 'description'));
    expect(new Set(titles).size).toBe(PAGES.length);
    expect(new Set(descriptions).size).toBe(PAGES.length);
    expect(titles).toEqual([
      'Cornerstone — Essays on trust, intimacy and the relationships that hold us up',
      'Building Trust and Emotional Intimacy: The Cornerstones of Meaningful Relationships — Cornerstone',
      'Patrick B. Watson — Cornerstone',
      'Frequently asked questions — Cornerstone',
    ]);
  });

  it('marks the article as an article with its dates, author and own image', async () => {
    const { $ } = await fetchPage(ARTICLE);
    expect(meta($, 'og:type')).toBe('article');
    expect(meta($, 'article:published_time')).toBe('2023-10-01T00:00:00Z');
    expect(meta($, 'article:modified_time')).toBe('2023-10-01T00:00:00Z');
    expect(meta($, 'article:author')).toBe(absoluteUrl(AUTHOR));
    // Versioned by what the card shows, so a changed title is a new URL for every cache.
    const image = new URL(meta($, 'og:image') ?? '');
    expect(image.origin + image.pathname).toBe(
      absoluteUrl('/og/articles/building-trust-and-emotional-intimacy.png'),
    );
    expect(image.search).toMatch(/^\?v=[0-9a-f]{10}$/);
    expect(meta($, 'og:image:alt')).toBe(
      'Building Trust and Emotional Intimacy: The Cornerstones of Meaningful Relationships, by Patrick B. Watson. Cornerstone',
    );
  });

  it('keeps the 404 page out of the index', async () => {
    const { status, $ } = await fetchPage('/no/such/page');
    expect(status).toBe(404);
    // Exactly one robots tag: two that differ leave crawlers to pick one.
    expect(
      $('meta[name="robots"]')
        .map((_, el) => $(el).attr('content'))
        .get(),
    ).toEqual(['noindex']);
  });
});

describe('structured data equals what readers see', () => {
  it('article: BlogPosting meets Google’s list and matches headline, dek, byline, dates, references', async () => {
    const { $ } = await fetchPage(ARTICLE);
    const posting = docOfType($, 'BlogPosting');
    expect(checkAgainstGoogle(posting, ARTICLE_SPEC)).toEqual([]);
    expect(posting.headline).toBe(collapse($('article h1').text()));
    expect(posting.description).toBe(collapse($('.article-dek').text()));
    const byline = $('.byline a[rel="author"]');
    expect(posting.author).toEqual([
      expect.objectContaining({
        name: collapse(byline.text()),
        url: absoluteUrl(byline.attr('href') ?? ''),
      }),
    ]);
    expect(String(posting.datePublished).slice(0, 10)).toBe(
      $('.byline time').first().attr('datetime'),
    );
    expect(posting.image).toEqual([meta($, 'og:image')]);
    expect(posting.mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      '@id': $('link[rel="canonical"]').attr('href'),
    });
    const references = $('section[data-footnotes] li')
      .map((_, li) => collapse($(li).text()))
      .get();
    const citations = Array.isArray(posting.citation) ? posting.citation : [];
    expect(citations).toHaveLength(references.length);
    citations.forEach((citation: { name: string; author?: { name: string }[] }, i: number) => {
      expect(references[i]).toContain(citation.name);
      for (const author of citation.author ?? []) expect(references[i]).toContain(author.name);
    });
  });

  it('article: BreadcrumbList is the site name, then the headline', async () => {
    const { $ } = await fetchPage(ARTICLE);
    const crumbs = docOfType($, 'BreadcrumbList');
    expect(checkAgainstGoogle(crumbs, BREADCRUMB_SPEC)).toEqual([]);
    expect(crumbs.itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        name: collapse($('.site-name').text()),
        item: absoluteUrl($('.site-name').attr('href') ?? ''),
      },
      {
        '@type': 'ListItem',
        position: 2,
        name: collapse($('h1').text()),
        item: $('link[rel="canonical"]').attr('href'),
      },
    ]);
  });

  it('author: ProfilePage names the person in the h1, with the role shown under it', async () => {
    const { $ } = await fetchPage(AUTHOR);
    const profile = docOfType($, 'ProfilePage');
    expect(checkAgainstGoogle(profile, PROFILE_SPEC)).toEqual([]);
    expect(profile.mainEntity).toMatchObject({
      '@type': 'Person',
      name: collapse($('h1').text()),
      description: collapse($('.page-lede').text()),
      url: $('link[rel="canonical"]').attr('href'),
    });
  });

  it('FAQ: FAQPage and BreadcrumbList meet Google’s lists and match the page', async () => {
    const { $ } = await fetchPage('/faq');
    expect(checkAgainstGoogle(docOfType($, 'FAQPage'), FAQ_SPEC)).toEqual([]);
    const crumbs = docOfType($, 'BreadcrumbList');
    expect(checkAgainstGoogle(crumbs, BREADCRUMB_SPEC)).toEqual([]);
    expect(crumbs.itemListElement).toEqual([
      expect.objectContaining({ position: 1, name: collapse($('.site-name').text()) }),
      expect.objectContaining({
        position: 2,
        name: collapse($('h1').text()),
        item: $('link[rel="canonical"]').attr('href'),
      }),
    ]);
  });
});

describe('feeds', () => {
  const articleUrl = absoluteUrl(ARTICLE);

  it('RSS 2.0 at /feed.xml carries the full article with absolute links', async () => {
    const { response, bytes } = await fetchRaw('/feed.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const $ = load(bytes.toString('utf8'), { xml: true });
    expect($('rss').attr('version')).toBe('2.0');
    const item = $('channel > item');
    expect(item).toHaveLength(1);
    expect(item.find('link').text()).toBe(articleUrl);
    expect(item.find('title').text()).toBe(
      'Building Trust and Emotional Intimacy: The Cornerstones of Meaningful Relationships',
    );
    const content = item.find('content\\:encoded').text();
    expect(content).toContain(`href="${articleUrl}#fn-gottman-1999"`);
    expect(content).toContain('In the end, building trust and emotional intimacy');
    expect(content).not.toMatch(/\s(?:href|src)="(?!https?:)/);
  });

  it('Atom at /atom.xml', async () => {
    const { response, bytes } = await fetchRaw('/atom.xml');
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const $ = load(bytes.toString('utf8'), { xml: true });
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > link[rel="self"]').attr('href')).toBe(absoluteUrl('/atom.xml'));
    const entry = $('feed > entry');
    expect(entry.find('author > name').text()).toBe('Patrick B. Watson');
    expect(entry.find('published').text()).toBe('2023-10-01T00:00:00.000Z');
    expect(entry.find('content').text()).toContain(`href="${articleUrl}#fnref-rempel-1985"`);
  });

  it('JSON Feed 1.1 at /feed.json', async () => {
    const { response, bytes } = await fetchRaw('/feed.json');
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(bytes.toString('utf8'));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      home_page_url: absoluteUrl('/'),
      feed_url: absoluteUrl('/feed.json'),
      language: 'en',
    });
    expect(feed.items[0]).toMatchObject({
      id: articleUrl,
      url: articleUrl,
      date_published: '2023-10-01T00:00:00.000Z',
      authors: [{ name: 'Patrick B. Watson', url: absoluteUrl(AUTHOR) }],
    });
    expect(feed.items[0].content_html).toContain(`href="${articleUrl}#fn-enright-2015"`);
  });
});

describe('sitemap and robots', () => {
  it('/sitemap.xml lists every public page with its lastmod', async () => {
    const { response, bytes } = await fetchRaw('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(application|text)\/xml/);
    const $ = load(bytes.toString('utf8'), { xml: true });
    const urls = $('url')
      .map((_, el) => `${$(el).find('loc').text()} ${$(el).find('lastmod').text()}`)
      .get();
    const TAGS = [
      '/tags',
      ...['communication', 'emotional-intimacy', 'relationships', 'trust'].map((t) => `/tags/${t}`),
    ];
    expect(urls).toEqual(
      ['/', ARTICLE, ...TAGS, AUTHOR, '/faq'].map(
        (path) => `${absoluteUrl(path)} 2023-10-01T00:00:00Z`,
      ),
    );
  });

  it('/robots.txt allows crawling and names the absolute sitemap', async () => {
    const { response, bytes } = await fetchRaw('/robots.txt');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = bytes.toString('utf8');
    expect(text).toContain('User-Agent: *\nAllow: /');
    expect(text).toContain(`Sitemap: ${absoluteUrl('/sitemap.xml')}`);
  });
});

describe('Open Graph images', () => {
  it.each(['/og/articles/building-trust-and-emotional-intimacy.png', '/og/site.png'])(
    '%s is a 1200×630 PNG',
    async (path) => {
      const { response, bytes } = await fetchRaw(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      // IHDR: width and height are the first two big-endian words of the first chunk.
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    },
  );

  it('every og:image on the site resolves to one of them', async () => {
    for (const path of PAGES) {
      const { $ } = await fetchPage(path);
      const image = new URL(meta($, 'og:image') ?? '');
      // As shared: with its version query, which the server (and any static host) ignores.
      const { response } = await fetchRaw(image.pathname + image.search);
      expect(response.status, `${path} → ${image.pathname}${image.search}`).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
    }
  });
});
