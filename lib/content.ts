/**
 * The content API the pages use: all content, loaded once per process by lib/content-load.ts
 * and refused if it has errors, and the lookups pages ask for. It and the modules it uses are
 * the only code that touches the file system.
 *
 * Everything is loaded once per process and shared by generateStaticParams, generateMetadata
 * and the pages. Under `next dev` the cache is keyed by the files' modification times, so an
 * edited Markdown file shows up on reload.
 */
import 'server-only';
import { statSync } from 'node:fs';
import { listMarkdownFiles } from './content-files';
import {
  contentRoot,
  defaultPublicDir,
  listPublicFiles,
  loadContent,
  type Article,
  type Author,
  type ContentIndex,
  type FaqSet,
} from './content-load';
import { ContentError } from './diagnostics';
import type { VideoMeta } from './markdown';
import { isPublished, publicationClock, publicationStatus } from './publication';
import { videoPosterFile } from './video-poster';

// What pages and scripts import from here, wherever it is defined.
export { contentRoot, isPublished, loadContent, publicationClock, publicationStatus };
export type { Article, Author, ContentIndex, FaqEntry, FaqSet, LoadResult } from './content-load';

interface LoadedContent {
  key: string;
  content: ContentIndex;
}

declare global {
  // `next build` bundles this module once per module graph (pages, route handlers), so a
  // build worker would otherwise load and hold the whole content tree twice. In production
  // the loaded tree is kept on globalThis and shared by every copy in the process.
  var cornerstoneContent: LoadedContent | undefined;
}

/** Under `next dev` the cache stays with the module, so editing lib/ reloads content too. */
let developmentCache: LoadedContent | undefined;

/** Cheap fingerprint of the content tree, used only under `next dev`. */
function fingerprint(root: string): string {
  const sources = listMarkdownFiles(root).map((file) => {
    const stat = statSync(file);
    return `${file}:${stat.mtimeMs}:${stat.size}`;
  });
  // Adding a file to public/ can mend an image or link the check refused.
  return [...sources, ...listPublicFiles(defaultPublicDir())].join('|');
}

/** All content, validated. Throws a ContentError listing every problem if any file is bad. */
export function getContent(): ContentIndex {
  const root = contentRoot();
  const development = process.env.NODE_ENV === 'development';
  const key = development ? fingerprint(root) : root;
  const cached = development ? developmentCache : globalThis.cornerstoneContent;
  if (cached?.key === key) return cached.content;
  const { content, diagnostics } = loadContent(root);
  if (diagnostics.some((d) => d.severity === 'error')) throw new ContentError(diagnostics);
  if (development) developmentCache = { key, content };
  else globalThis.cornerstoneContent = { key, content };
  return content;
}

/**
 * Lookups derived from one loaded ContentIndex, built once per load. Every page of a build
 * asks for "the published articles" or "the article with this slug" several times; with
 * thousands of articles, filtering and scanning the whole list on each call made the build
 * quadratic, so the answers are computed once and shared.
 */
interface Catalog {
  /** Published articles, newest first (see isPublished). */
  published: Article[];
  articleBySlug: Map<string, Article>;
  authorBySlug: Map<string, Author>;
  articlesByAuthor: Map<string, Article[]>;
  faqSets: (FaqSet & { articleTitle: string })[];
  faqByArticle: Map<string, FaqSet & { articleTitle: string }>;
  /** Every video a public page embeds, by poster file name. */
  videos: Map<string, VideoMeta>;
}

const catalogs = new WeakMap<ContentIndex, Catalog>();

function catalog(): Catalog {
  const content = getContent();
  const existing = catalogs.get(content);
  if (existing) return existing;
  // One clock reading per build (see publicationClock): every list agrees on what is published.
  const now = publicationClock();
  const published = content.articles.filter((article) => isPublished(article, now));
  const articlesByAuthor = new Map<string, Article[]>();
  for (const article of published) {
    const list = articlesByAuthor.get(article.author) ?? [];
    list.push(article);
    articlesByAuthor.set(article.author, list);
  }
  const articleBySlug = new Map(published.map((article) => [article.slug, article]));
  const faqSets = content.faqSets.flatMap((set) => {
    const article = articleBySlug.get(set.article);
    return article ? [{ ...set, articleTitle: article.title }] : [];
  });
  // Each embedded video gets a poster drawn from the description the page gave it, under a
  // file name that hashes the poster (see videoPosterFile).
  const videos = new Map<string, VideoMeta>();
  for (const { videos: embedded } of [...published, ...content.authors, ...faqSets]) {
    for (const video of embedded) videos.set(videoPosterFile(video), video);
  }
  const built: Catalog = {
    published,
    videos,
    articleBySlug,
    authorBySlug: new Map(content.authors.map((author) => [author.slug, author])),
    articlesByAuthor,
    faqSets,
    faqByArticle: new Map(faqSets.map((set) => [set.article, set])),
  };
  catalogs.set(content, built);
  return built;
}

/**
 * The articles readers can see, newest first: every list, page, feed and sitemap uses this.
 * In production drafts and scheduled posts are left out; under `next dev` they are included
 * so editors can preview them. The array is shared: callers must not modify it.
 */
export function getPublishedArticles(): readonly Article[] {
  return catalog().published;
}

export function getArticle(slug: string): Article | undefined {
  return catalog().articleBySlug.get(slug);
}

export function getAuthors(): Author[] {
  return getContent().authors;
}

export function getAuthor(slug: string): Author | undefined {
  return catalog().authorBySlug.get(slug);
}

export function getArticlesByAuthor(slug: string): readonly Article[] {
  return catalog().articlesByAuthor.get(slug) ?? [];
}

/** Published FAQ sets, each paired with the article it belongs to. */
export function getFaqSets(): readonly (FaqSet & { articleTitle: string })[] {
  return catalog().faqSets;
}

export function getFaqForArticle(slug: string): FaqSet | undefined {
  return catalog().faqByArticle.get(slug);
}

/**
 * Every video embedded on a public page (articles, author bios, FAQ answers), by the file name
 * of its poster (`<id>-<hash>.svg`).
 */
export function getEmbeddedVideos(): ReadonlyMap<string, VideoMeta> {
  return catalog().videos;
}
