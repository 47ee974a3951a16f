/**
 * Lists derived from the published articles: tags, pages of the home list, related articles
 * and the previous/next neighbours of an article. The pure functions take the articles as an
 * argument so they can be tested directly; the `get…` wrappers use getPublishedArticles(), so
 * drafts and scheduled posts never reach a list in production.
 */
import 'server-only';
import { getPublishedArticles, type Article } from './content';
import { ARTICLES_PER_PAGE, listPageCount, tagSlug } from './site';

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
      if (tag.articles.at(-1) !== article) tag.articles.push(article);
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
  const pageCount = listPageCount(articles.length, perPage);
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { page, pageCount, articles: articles.slice((page - 1) * perPage, page * perPage) };
}

/** Every page number of a list of `articles`: 1 to pageCount (1 even for an empty list). */
export function pageNumbers(articles: readonly Article[]): number[] {
  return Array.from({ length: listPageCount(articles.length) }, (_, i) => i + 1);
}

/**
 * The page number in a `/…/page/N` URL, when it names a later page (N ≥ 2, written without
 * leading zeros). Page 1 has its own URL, so `1` is not one; nor is `02` or `x`.
 */
export function laterPageNumber(param: string): number | undefined {
  return /^[1-9]\d*$/.test(param) && param !== '1' ? Number(param) : undefined;
}

/**
 * The page numbers to show: the first and last pages, and `radius` either side of the current
 * one; `gap` stands for the numbers left out (never for a single page, which is shown instead).
 * A list of 100 pages thus shows about nine links rather than 100.
 */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | 'gap')[] {
  const near = (n: number) => n === 1 || n === pageCount || Math.abs(n - page) <= radius;
  const out: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    // A lone page between two shown ones is shown: "1 2 3 4 5", not "1 … 3 4 5".
    if (near(n) || (near(n - 1) && near(n + 1))) out.push(n);
    else if (out.at(-1) !== 'gap') out.push('gap');
  }
  return out;
}

/**
 * Articles to read next: those sharing the most tags first, then the most recent. Articles
 * sharing no tag fill the remaining places, newest first, so every article ends with a choice.
 *
 * `articles` is newest first, like every list here.
 */
export function relatedTo(article: Article, articles: readonly Article[], limit = 3): Article[] {
  const own = tagSlugsOf(article);
  // One pass in list order, into a bucket per number of shared tags: each bucket is then in
  // list order, with no sorting and no string comparisons (which cost over a second of a
  // 1,000-article build when every candidate was sorted for every article).
  const buckets: Article[][] = Array.from({ length: own.size + 1 }, () => []);
  const best = buckets[own.size] ?? [];
  for (const other of articles) {
    if (other.slug === article.slug) continue;
    let shared = 0;
    for (const slug of tagSlugsOf(other)) if (own.has(slug)) shared += 1;
    const bucket = buckets[shared];
    if (bucket && bucket.length < limit) bucket.push(other);
    // Nothing further down the list can displace a full top bucket: it is older and shares
    // no more tags. On a site whose articles share their tags this ends the pass at once,
    // where counting shared tags over every tag's articles first made each call O(articles).
    if (best.length === limit) break;
  }
  return buckets.reverse().flat().slice(0, limit);
}

const tagSlugSets = new WeakMap<Article, ReadonlySet<string>>();

/** An article's tags as URL slugs ("Emotional Intimacy" → "emotional-intimacy"), once each. */
function tagSlugsOf(article: Article): ReadonlySet<string> {
  let slugs = tagSlugSets.get(article);
  if (!slugs) {
    slugs = new Set(article.tags.map(tagSlug));
    tagSlugSets.set(article, slugs);
  }
  return slugs;
}

/** The next older (`previous`) and next newer (`next`) article in publication order. */
export function neighboursOf(
  article: Article,
  articles: readonly Article[],
  index: number = articles.findIndex((other) => other.slug === article.slug),
): { previous: Article | undefined; next: Article | undefined } {
  // `articles` is newest first.
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: articles[index + 1], next: index > 0 ? articles[index - 1] : undefined };
}

/** Derived once per list of published articles (one per content load), like lib/content's. */
interface ListIndex {
  tags: Tag[];
  tagBySlug: Map<string, Tag>;
  position: Map<string, number>;
}

const indexes = new WeakMap<readonly Article[], ListIndex>();

function listIndex(): { articles: readonly Article[]; index: ListIndex } {
  const articles = getPublishedArticles();
  let index = indexes.get(articles);
  if (!index) {
    const tags = tagsOf(articles);
    index = {
      tags,
      tagBySlug: new Map(tags.map((tag) => [tag.slug, tag])),
      position: new Map(articles.map((article, i) => [article.slug, i])),
    };
    indexes.set(articles, index);
  }
  return { articles, index };
}

export function getTags(): readonly Tag[] {
  return listIndex().index.tags;
}

export function getTag(slug: string): Tag | undefined {
  return listIndex().index.tagBySlug.get(slug);
}

export function getArticlePage(page: number): ArticlePage | undefined {
  return paginate(getPublishedArticles(), page);
}

export function getRelatedArticles(article: Article): Article[] {
  return relatedTo(article, getPublishedArticles());
}

export function getNeighbours(article: Article) {
  const { articles, index } = listIndex();
  return neighboursOf(article, articles, index.position.get(article.slug) ?? -1);
}
