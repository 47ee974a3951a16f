/**
 * Lists derived from the published articles: tags, pages of the home list, related articles
 * and the previous/next neighbours of an article. The pure functions take the articles as an
 * argument so they can be tested directly; the `get…` wrappers use getPublishedArticles(), so
 * drafts and scheduled posts never reach a list in production.
 */
import 'server-only';
import { getPublishedArticles, type Article } from './content';
import { ARTICLES_PER_PAGE, tagSlug } from './site';

export interface Tag {
  /** As written in frontmatter, e.g. "emotional intimacy". */
  name: string;
  /** URL segment, e.g. "emotional-intimacy". */
  slug: string;
  /** Articles carrying the tag, newest first. */
  articles: Article[];
}

/** Every tag with its articles, most used first, then alphabetically. */
export function tagsOf(articles: readonly Article[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const article of articles) {
    for (const name of article.tags) {
      const slug = tagSlug(name);
      const tag = bySlug.get(slug) ?? { name, slug, articles: [] };
      if (!tag.articles.includes(article)) tag.articles.push(article);
      bySlug.set(slug, tag);
    }
  }
  return [...bySlug.values()].sort(
    (a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name),
  );
}

export interface ArticlePage {
  /** 1-based. */
  page: number;
  pageCount: number;
  articles: Article[];
}

/** Page `page` of the list, or undefined when it is out of range (page 1 always exists). */
export function paginate(
  articles: readonly Article[],
  page: number,
  perPage: number = ARTICLES_PER_PAGE,
): ArticlePage | undefined {
  const pageCount = Math.max(1, Math.ceil(articles.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { page, pageCount, articles: articles.slice((page - 1) * perPage, page * perPage) };
}

/**
 * Articles to read next: those sharing the most tags first, then the most recent. Articles
 * sharing no tag fill the remaining places, newest first, so every article ends with a choice.
 */
export function relatedTo(article: Article, articles: readonly Article[], limit = 3): Article[] {
  const tags = new Set(article.tags.map(tagSlug));
  return articles
    .filter((other) => other.slug !== article.slug)
    .map((other) => ({
      other,
      shared: other.tags.filter((tag) => tags.has(tagSlug(tag))).length,
    }))
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        b.other.date.localeCompare(a.other.date) ||
        a.other.title.localeCompare(b.other.title),
    )
    .slice(0, limit)
    .map(({ other }) => other);
}

/** The next older (`previous`) and next newer (`next`) article in publication order. */
export function neighboursOf(
  article: Article,
  articles: readonly Article[],
): { previous: Article | undefined; next: Article | undefined } {
  // `articles` is newest first.
  const index = articles.findIndex((other) => other.slug === article.slug);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: articles[index + 1], next: index > 0 ? articles[index - 1] : undefined };
}

export function getTags(): Tag[] {
  return tagsOf(getPublishedArticles());
}

export function getTag(slug: string): Tag | undefined {
  return getTags().find((tag) => tag.slug === slug);
}

export function getArticlePage(page: number): ArticlePage | undefined {
  return paginate(getPublishedArticles(), page);
}

export function getRelatedArticles(article: Article): Article[] {
  return relatedTo(article, getPublishedArticles());
}

export function getNeighbours(article: Article) {
  return neighboursOf(article, getPublishedArticles());
}
