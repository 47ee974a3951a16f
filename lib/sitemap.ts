/**
 * The sitemap's entries, from content alone: each page's `lastmod` is the newest updated or
 * published date among the articles it shows, so the sitemap changes only when content does.
 */
import type { MetadataRoute } from 'next';
import type { Article, Author, FaqSet } from './content';
import { paginate, tagsOf } from './listings';
import { absoluteUrl, routes } from './site';
import { isoTimestamp } from './structured-data';

function lastModified(articles: readonly Article[]): string | undefined {
  const newest = articles
    .map((article) => article.updated ?? article.date)
    .sort()
    .at(-1);
  return newest ? isoTimestamp(newest) : undefined;
}

function entry(path: string, articles: readonly Article[]): MetadataRoute.Sitemap[number] {
  const lastmod = lastModified(articles);
  return { url: absoluteUrl(path), ...(lastmod ? { lastModified: lastmod } : {}) };
}

export function sitemapEntries(
  articles: readonly Article[],
  authors: readonly Author[],
  faqSets: readonly Pick<FaqSet, 'article'>[],
): MetadataRoute.Sitemap {
  const faqArticles = articles.filter((article) =>
    faqSets.some((set) => set.article === article.slug),
  );
  const pageCount = paginate(articles, 1)?.pageCount ?? 1;
  const laterPages = Array.from({ length: pageCount - 1 }, (_, i) => paginate(articles, i + 2));
  const tags = tagsOf(articles);
  return [
    entry(routes.home(), articles),
    ...laterPages.flatMap((page) => (page ? [entry(routes.page(page.page), page.articles)] : [])),
    ...articles.map((article) => entry(routes.article(article.slug), [article])),
    ...(tags.length ? [entry(routes.tags(), articles)] : []),
    ...tags.map((tag) => entry(routes.tag(tag.name), tag.articles)),
    ...authors.map((author) =>
      entry(
        routes.author(author.slug),
        articles.filter((article) => article.author === author.slug),
      ),
    ),
    ...(faqSets.length ? [entry(routes.faq(), faqArticles)] : []),
  ];
}
