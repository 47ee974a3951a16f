/**
 * The content layer: reads content/, validates it, cross-checks relations and derives what
 * pages need. It is the only module that touches the file system.
 *
 * Everything is loaded once per process and shared by generateStaticParams, generateMetadata
 * and the pages. Under `next dev` the cache is keyed by the files' modification times, so an
 * edited Markdown file shows up on reload.
 */
import 'server-only';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, type Diagnostic } from './diagnostics';
import { FrontmatterSyntaxError, parseFrontmatter, type ParsedFrontmatter } from './frontmatter';
import type { RenderedMarkdown } from './markdown';
import { renderMarkdownCached, renderSectionsCached } from './render-cache';
import {
  articleFrontmatterSchema,
  authorFrontmatterSchema,
  faqFrontmatterSchema,
  slugSchema,
  type ArticleFrontmatter,
  type AuthorFrontmatter,
  type FaqFrontmatter,
} from './schema';
import { validateFrontmatter } from './validate';

/** Words per minute used for reading time; a common figure for screen reading of prose. */
const WORDS_PER_MINUTE = 230;

export type Author = AuthorFrontmatter & {
  slug: string;
  sourcePath: string;
  bioHtml: string;
};

export type Article = ArticleFrontmatter &
  RenderedMarkdown & {
    slug: string;
    sourcePath: string;
    readingMinutes: number;
  };

export interface FaqEntry {
  id: string;
  question: string;
  answerHtml: string;
  answerText: string;
}

export type FaqSet = FaqFrontmatter & {
  slug: string;
  sourcePath: string;
  entries: FaqEntry[];
};

export interface ContentIndex {
  /** Newest first; includes drafts and scheduled posts (see isPublished). */
  articles: Article[];
  authors: Author[];
  faqSets: FaqSet[];
}

export interface LoadResult {
  content: ContentIndex;
  diagnostics: Diagnostic[];
}

export function contentRoot(): string {
  // Content is traced explicitly (next.config.ts outputFileTracingIncludes), not by this call.
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'),
  );
}

interface SourceFile {
  /** Path relative to the working directory, as editors see it in their repo. */
  path: string;
  slug: string;
  source: string;
}

function listMarkdownFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listMarkdownFiles(full);
      return entry.isFile() && entry.name.endsWith('.md') ? [full] : [];
    })
    .sort();
}

function readSources(dir: string, diagnostics: Diagnostic[]): SourceFile[] {
  const seen = new Map<string, string>();
  const files: SourceFile[] = [];
  for (const absolute of listMarkdownFiles(dir)) {
    const relative = path.relative(process.cwd(), absolute) || absolute;
    const slug = path.basename(absolute, '.md');
    const slugCheck = slugSchema.safeParse(slug);
    if (!slugCheck.success) {
      diagnostics.push({
        file: relative,
        line: 1,
        column: 1,
        severity: 'error',
        message: `file name "${slug}.md" must be a slug (lowercase words joined by hyphens), e.g. "${slugify(slug)}.md"`,
      });
      continue;
    }
    const previous = seen.get(slug);
    if (previous) {
      diagnostics.push({
        file: relative,
        line: 1,
        column: 1,
        severity: 'error',
        message: `slug "${slug}" is already used by ${previous}; rename one of the files`,
      });
      continue;
    }
    seen.set(slug, relative);
    files.push({ path: relative, slug, source: readFileSync(absolute, 'utf8') });
  }
  return files;
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Parsed<T> {
  file: SourceFile;
  parsed: ParsedFrontmatter;
  data: T;
}

function parseAll<S extends z.ZodObject>(
  files: SourceFile[],
  schema: S,
  diagnostics: Diagnostic[],
): Parsed<z.output<S>>[] {
  const knownKeys = Object.keys(schema.shape);
  const out: Parsed<z.output<S>>[] = [];
  for (const file of files) {
    let parsed: ParsedFrontmatter;
    try {
      parsed = parseFrontmatter(file.source);
    } catch (error) {
      if (!(error instanceof FrontmatterSyntaxError)) throw error;
      diagnostics.push({
        file: file.path,
        ...error.position,
        severity: 'error',
        message: error.message,
      });
      continue;
    }
    const result = validateFrontmatter(schema, parsed, file.path, knownKeys);
    if (result.ok) out.push({ file, parsed, data: result.value });
    else diagnostics.push(...result.diagnostics);
  }
  return out;
}

/** A Date at midnight UTC for a validated `YYYY-MM-DD`. */
export function dateFromIso(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function loadContent(root: string = contentRoot()): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const authorFiles = parseAll(
    readSources(path.join(root, 'authors'), diagnostics),
    authorFrontmatterSchema,
    diagnostics,
  );
  const articleFiles = parseAll(
    readSources(path.join(root, 'articles'), diagnostics),
    articleFrontmatterSchema,
    diagnostics,
  );
  const faqFiles = parseAll(
    readSources(path.join(root, 'faq'), diagnostics),
    faqFrontmatterSchema,
    diagnostics,
  );

  const authors: Author[] = authorFiles.map(({ file, parsed, data }) => ({
    ...data,
    slug: file.slug,
    sourcePath: file.path,
    bioHtml: renderMarkdownCached(parsed.body, { path: file.path }).html,
  }));
  const authorSlugs = new Set(authors.map((author) => author.slug));

  const articles: Article[] = [];
  for (const { file, parsed, data } of articleFiles) {
    if (!authorSlugs.has(data.author)) {
      const { line, column } = parsed.locate(['author']);
      diagnostics.push({
        file: file.path,
        line,
        column,
        severity: 'error',
        message: `author: no author "${data.author}" in content/authors/ (known: ${[...authorSlugs].join(', ') || 'none'})`,
      });
    }
    const rendered = renderMarkdownCached(parsed.body, { path: file.path, video: data.video });
    articles.push({
      ...data,
      slug: file.slug,
      sourcePath: file.path,
      ...rendered,
      readingMinutes: Math.max(1, Math.round(rendered.wordCount / WORDS_PER_MINUTE)),
    });
  }
  articles.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  const articleSlugs = new Set(articles.map((article) => article.slug));

  const faqSets: FaqSet[] = [];
  for (const { file, parsed, data } of faqFiles) {
    if (!articleSlugs.has(data.article)) {
      const { line, column } = parsed.locate(['article']);
      diagnostics.push({
        file: file.path,
        line,
        column,
        severity: 'error',
        message: `article: no article "${data.article}" in content/articles/`,
      });
    }
    const entries = renderSectionsCached(parsed.body, { path: file.path }).map((section) => ({
      id: section.id,
      question: section.heading,
      answerHtml: section.html,
      answerText: section.text,
    }));
    if (entries.length === 0) {
      diagnostics.push({
        file: file.path,
        line: parsed.bodyStartLine,
        column: 1,
        severity: 'error',
        message: 'a FAQ set needs at least one "## Question?" heading followed by its answer',
      });
    }
    faqSets.push({ ...data, slug: file.slug, sourcePath: file.path, entries });
  }

  return { content: { articles, authors, faqSets }, diagnostics };
}

let cached: { key: string; content: ContentIndex } | undefined;

/** Cheap fingerprint of the content tree, used only under `next dev`. */
function fingerprint(root: string): string {
  return listMarkdownFiles(root)
    .map((file) => {
      const stat = statSync(file);
      return `${file}:${stat.mtimeMs}:${stat.size}`;
    })
    .join('|');
}

/** All content, validated. Throws a ContentError listing every problem if any file is bad. */
export function getContent(): ContentIndex {
  const root = contentRoot();
  const key = process.env.NODE_ENV === 'development' ? fingerprint(root) : root;
  if (cached?.key === key) return cached.content;
  const { content, diagnostics } = loadContent(root);
  if (diagnostics.some((d) => d.severity === 'error')) throw new ContentError(diagnostics);
  cached = { key, content };
  return content;
}

/**
 * Whether an article is public. Drafts and posts dated in the future stay out of production
 * builds; `next dev` shows everything so editors can preview.
 */
export function isPublished(article: Article, now: Date = new Date()): boolean {
  if (process.env.NODE_ENV === 'development') return true;
  return !article.draft && dateFromIso(article.date).getTime() <= now.getTime();
}

export function getArticles(): Article[] {
  return getContent().articles.filter((article) => isPublished(article));
}

export function getArticle(slug: string): Article | undefined {
  return getArticles().find((article) => article.slug === slug);
}

export function getAuthors(): Author[] {
  return getContent().authors;
}

export function getAuthor(slug: string): Author | undefined {
  return getAuthors().find((author) => author.slug === slug);
}

export function getArticlesByAuthor(slug: string): Article[] {
  return getArticles().filter((article) => article.author === slug);
}

/** Published FAQ sets, each paired with the article it belongs to. */
export function getFaqSets(): (FaqSet & { articleTitle: string })[] {
  const articles = new Map(getArticles().map((article) => [article.slug, article]));
  return getContent().faqSets.flatMap((set) => {
    const article = articles.get(set.article);
    return article ? [{ ...set, articleTitle: article.title }] : [];
  });
}

export function getFaqForArticle(slug: string): FaqSet | undefined {
  return getFaqSets().find((set) => set.article === slug);
}
