/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents, built with the `feed` package from the
 * newest published articles (FEED_ITEMS). Each item carries the full article as the sanitised HTML the page shows,
 * with every link made absolute: a feed reader has no base URL, so `#fn-x` or `/faq` would
 * otherwise point nowhere.
 */
import 'server-only';
import { Feed } from 'feed';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { getPublishedArticles, getAuthor, type Article } from './content';
import { absoluteUrl, FEED_ITEMS, routes, site } from './site';
import { articleOgImagePath, siteOgImagePath } from './og-image';
import { isoTimestamp } from './structured-data';

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'action'] as const;

/**
 * Rewrites relative URLs in an HTML fragment against the page it comes from. Fragment links
 * (`#fn-gottman-1999`) become `page#fn-gottman-1999`, so References still work in a reader
 * that shows the item on its own. Pure: same input, same output.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.properties[name];
      // A URL that does not parse (`http://`) is left as written rather than failing the
      // feed; the content check reports it to the editor.
      if (typeof value === 'string' && value !== '' && URL.canParse(value, pageUrl)) {
        node.properties[name] = new URL(value, pageUrl).toString();
      }
    }
  });
  return toHtml(tree);
}

/** The item body: the article, its disclaimer and its References, as on the page. */
export function feedContentHtml(article: Article): string {
  const pageUrl = absoluteUrl(routes.article(article.slug));
  const disclaimer = article.disclaimer
    ? toHtml(h('aside', [h('h2', 'Disclaimer'), h('p', article.disclaimer)]))
    : '';
  return absolutizeHtml(
    [article.html, disclaimer, article.referencesHtml].filter(Boolean).join('\n'),
    pageUrl,
  );
}

function modified(article: Article): Date {
  return new Date(isoTimestamp(article.updated ?? article.date));
}

/** A feed of the given articles (newest first), by default the FEED_ITEMS newest published. */
export function buildFeed(
  articles: readonly Article[] = getPublishedArticles().slice(0, FEED_ITEMS),
): Feed {
  const home = absoluteUrl(routes.home());
  const feed = new Feed({
    id: home,
    title: site.name,
    description: site.description,
    link: home,
    language: site.locale,
    image: absoluteUrl(siteOgImagePath()),
    favicon: absoluteUrl('/icon.svg'),
    copyright: `© ${site.name}`,
    // The newest change, not the build time: an unchanged site gives byte-identical feeds.
    updated: articles.map(modified).sort((a, b) => b.getTime() - a.getTime())[0] ?? new Date(0),
    generator: false,
    feedLinks: {
      rss: absoluteUrl(routes.rssFeed()),
      atom: absoluteUrl(routes.atomFeed()),
      json: absoluteUrl(routes.jsonFeed()),
    },
  });
  for (const article of articles) {
    const url = absoluteUrl(routes.article(article.slug));
    const author = getAuthor(article.author);
    feed.addItem({
      id: url,
      guid: url,
      link: url,
      title: article.title,
      description: article.description,
      content: feedContentHtml(article),
      date: modified(article),
      published: new Date(isoTimestamp(article.date)),
      author: author ? [{ name: author.name, link: absoluteUrl(routes.author(author.slug)) }] : [],
      category: article.tags.map((tag) => ({ name: tag })),
      image: absoluteUrl(articleOgImagePath(article, author)),
    });
  }
  return feed;
}

/**
 * JSON Feed 1.1 from the `feed` package's 1.0 output. The package writes version 1, whose
 * single `author` object 1.1 replaced with an `authors` array and to which 1.1 added
 * `language`; everything else is unchanged between the versions.
 */
export function toJsonFeed11(json1: string, language: string): string {
  const parsed: unknown = JSON.parse(json1);
  if (!isRecord(parsed)) throw new Error('feed.json1() did not return an object');
  const { author, items, ...rest } = parsed;
  const upgraded: Record<string, unknown> = {
    ...rest,
    version: 'https://jsonfeed.org/version/1.1',
    language,
    ...(isRecord(author) ? { authors: [author] } : {}),
    items: Array.isArray(items)
      ? items.map((item: unknown) => {
          if (!isRecord(item)) return item;
          const { author: itemAuthor, ...itemRest } = item;
          return isRecord(itemAuthor) ? { ...itemRest, authors: [itemAuthor] } : itemRest;
        })
      : [],
  };
  return JSON.stringify(upgraded, null, 2);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rssFeed(): string {
  return buildFeed().rss2();
}

export function atomFeed(): string {
  return buildFeed().atom1();
}

export function jsonFeed(): string {
  return toJsonFeed11(buildFeed().json1(), site.locale);
}
