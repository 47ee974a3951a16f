/**
 * The sitemap's entries, from content alone: each page's `lastmod` is the newest updated or
 * published date among the articles it shows, so the sitemap changes only when content does.
 */
import type { MetadataRoute } from 'next';
import type { Article, Author, FaqSet } from './content';
import { pageNumbers, paginate, tagsOf } from './listings';
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

/** Every page of a paginated list, each dated by the articles it shows. */
function listPages(
  articles: readonly Article[],
  path: (page: number) => string,
): MetadataRoute.Sitemap {
  return pageNumbers(articles).flatMap((n) => {
    const page = paginate(articles, n);
    return page ? [entry(path(n), page.articles)] : [];
  });
}

export function sitemapEntries(
  articles: readonly Article[],
  authors: readonly Author[],
  faqSets: readonly Pick<FaqSet, 'article'>[],
): MetadataRoute.Sitemap {
  const faqArticles = articles.filter((article) =>
    faqSets.some((set) => set.article === article.slug),
  );
  const tags = tagsOf(articles);
  return [
    ...listPages(articles, routes.page),
    ...articles.map((article) => entry(routes.article(article.slug), [article])),
    ...(tags.length ? [entry(routes.tags(), articles)] : []),
    ...tags.flatMap((tag) => listPages(tag.articles, (page) => routes.tagPage(tag.name, page))),
    ...authors.flatMap((author) =>
      listPages(
        articles.filter((article) => article.author === author.slug),
        (page) => routes.authorPage(author.slug, page),
      ),
    ),
    ...(faqSets.length ? [entry(routes.faq(), faqArticles)] : []),
  ];
}
