/**
 * Loading the content: where it lives (contentRoot), reading it (through lib/content-files.ts),
 * validating it, cross-checking relations, links and ids (lib/site-links.ts) and deriving what
 * pages need, with the types of what it makes. Every problem in the content is returned as a
 * diagnostic rather than thrown, for `npm run check` and for lib/content.ts, which the pages
 * use: it loads once per process and refuses content with errors.
 */
import 'server-only';
import path from 'node:path';
import {
  bodyJobs,
  bodyListener,
  readContentFiles,
  type ContentFiles,
  type LoadWatch,
  type SourceFile,
} from './content-files';
import type { FoundLink } from './content-checks';
import { compareDiagnostics, type Diagnostic } from './diagnostics';
import type { ParsedFrontmatter } from './frontmatter';
import { listFiles } from './list-files';
import type { RenderedMarkdown, VideoMeta } from './markdown';
import { processBodiesCached, type ProcessedBody } from './render-cache';
import type { ArticleFrontmatter, AuthorFrontmatter, FaqFrontmatter } from './schema';
import { isPublished, publicationStatus } from './publication';
import { faqSetId, listPageCount, routes, tagSlug, templateIds } from './site';
import { checkDuplicateIds, checkLinks, type IdSource, type SiteMap } from './site-links';
import { fieldDiagnostic } from './validate';

/** Words per minute used for reading time; a common figure for screen reading of prose. */
const WORDS_PER_MINUTE = 230;

export type Author = AuthorFrontmatter & {
  slug: string;
  sourcePath: string;
  bioHtml: string;
  /** Videos the bio embeds. */
  videos: VideoMeta[];
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
  /** Videos the answers embed. */
  videos: VideoMeta[];
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

function zip<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.map((a, i) => {
    const b = bs[i];
    if (b === undefined) throw new Error('zip: lists of different lengths');
    return [a, b];
  });
}

export function loadContent(
  root: string = contentRoot(),
  {
    publicDir = defaultPublicDir(),
    watch,
  }: {
    publicDir?: string;
    /**
     * Tells a watchdog as this process starts and ends parsing each body (a cache hit parses
     * nothing), so it can name a file whose Markdown stalls the parser (scripts/check.ts).
     * With it, this process parses every body the cache lacks itself, but for those the
     * watch's helpers are parsing, so that every parse can be timed.
     */
    watch?: LoadWatch;
  } = {},
): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const files = readContentFiles(root, diagnostics);
  const load = startLoad(root, files, diagnostics, watch);
  const authors = loadAuthors(files.authorFiles, load);
  const articles = loadArticles(files.articleFiles, new Set(authors.map((a) => a.slug)), load);
  const faqSets = loadFaqSets(files.faqFiles, new Set(articles.map((a) => a.slug)), load);
  const content = { articles, authors, faqSets };
  checkAcrossSite(content, load, publicDir);
  diagnostics.sort(compareDiagnostics);
  return { content, diagnostics };
}

/** What loading each collection shares: the bodies, the diagnostics, what pages will carry. */
interface Load {
  readonly diagnostics: Diagnostic[];
  /** An error at a frontmatter field, where the editor wrote it. */
  readonly fieldError: (
    file: SourceFile,
    parsed: ParsedFrontmatter,
    path: readonly PropertyKey[],
    message: string,
  ) => void;
  /** A collection's folder as the editor sees it, e.g. "content/authors/". */
  readonly folder: (name: string) => string;
  /**
   * A body checked and rendered for `page`: its problems join the diagnostics, and its links
   * and ids are kept for checkAcrossSite.
   */
  readonly processBody: (
    file: SourceFile,
    parsed: ParsedFrontmatter,
    page: string,
    options?: { withReferences?: boolean },
  ) => Pick<ProcessedBody, 'rendered' | 'sections'>;
  /** Links found in each body, resolved once every page is known. */
  readonly pending: { file: string; page: string; links: FoundLink[] }[];
  /** The ids each page's bodies put on it. */
  readonly idSources: Map<string, IdSource[]>;
}

/**
 * Checks and renders every body at once (through the render cache, or by parsing), then hands
 * out each one's result to the collection that asks for it.
 */
function startLoad(
  root: string,
  files: ContentFiles,
  diagnostics: Diagnostic[],
  watch: LoadWatch | undefined,
): Load {
  // Every body is checked and rendered in one batch, so that build workers loading the content
  // at the same time can share the work (see processBodiesCached).
  const jobs = bodyJobs(files);
  const processed = new Map(
    zip(
      [...jobs.keys()],
      // Only a caller that watches gets a watch: with one, this process parses every body
      // itself instead of sharing the work with the build's other workers.
      processBodiesCached(
        [...jobs.values()],
        undefined,
        watch && { ...watch, onParse: bodyListener(watch.onParse) },
      ),
    ),
  );
  const pending: Load['pending'] = [];
  const idSources: Load['idSources'] = new Map();
  return {
    diagnostics,
    fieldError: (file, parsed, path, message) =>
      diagnostics.push(fieldDiagnostic(parsed, file.path, path, message)),
    folder: (name) => `${path.relative(process.cwd(), path.join(root, name))}/`,
    processBody: (file, parsed, page, { withReferences = true } = {}) => {
      const result = processed.get(file);
      if (!result) throw new Error(`${file.path} was not processed`);
      const { rendered, report, sections } = result;
      diagnostics.push(...report.diagnostics);
      pending.push({ file: file.path, page, links: report.links });
      const onPage = idSources.get(page) ?? [];
      // A page that leaves the References out does not carry their ids either.
      const ids = withReferences
        ? rendered.ids
        : rendered.ids.filter(({ id }) => rendered.html.includes(`id="${id}"`));
      onPage.push({ file: file.path, bodyStartLine: parsed.bodyStartLine, ids });
      idSources.set(page, onPage);
      return { rendered, sections };
    },
    pending,
    idSources,
  };
}

function loadAuthors(authorFiles: ContentFiles['authorFiles'], load: Load): Author[] {
  return authorFiles.map(({ file, parsed, data }) => {
    // A bio is shown without its References (the content check refuses footnotes in bios).
    const { rendered } = load.processBody(file, parsed, routes.author(file.slug), {
      withReferences: false,
    });
    return {
      ...data,
      slug: file.slug,
      sourcePath: file.path,
      bioHtml: rendered.html,
      videos: rendered.videos,
    };
  });
}

/** Articles, newest first, each checked against the authors and its own dates and tags. */
function loadArticles(
  articleFiles: ContentFiles['articleFiles'],
  authorSlugs: ReadonlySet<string>,
  { fieldError, folder, processBody }: Load,
): Article[] {
  const articles: Article[] = [];
  for (const { file, parsed, data } of articleFiles) {
    if (!authorSlugs.has(data.author)) {
      fieldError(
        file,
        parsed,
        ['author'],
        `author: no author "${data.author}" in ${folder('authors')} (known: ${[...authorSlugs].join(', ') || 'none'})`,
      );
    }
    // Two spellings of one tag ("Trust", "trust") show as two chips on the article and repeat
    // in its keywords, article:tag and feed categories.
    const tagsBySlug = new Map<string, string>();
    data.tags.forEach((tag, index) => {
      const slug = tagSlug(tag);
      const same = tagsBySlug.get(slug);
      if (same === undefined) {
        tagsBySlug.set(slug, tag);
        return;
      }
      fieldError(
        file,
        parsed,
        ['tags', index],
        same === tag
          ? `tags: "${tag}" is listed twice (${routes.tag(tag)}); list it once`
          : `tags: "${tag}" is the same tag as "${same}" (${routes.tag(tag)}); list it once`,
      );
    });
    if (data.updated !== undefined && data.updated < data.date) {
      fieldError(
        file,
        parsed,
        ['updated'],
        `updated: ${data.updated} is before the publication date ${data.date}; an update comes after publishing (fix the date, or remove "updated")`,
      );
    }
    const { rendered } = processBody(file, parsed, routes.article(file.slug));
    articles.push({
      ...data,
      slug: file.slug,
      sourcePath: file.path,
      ...rendered,
      readingMinutes: Math.max(1, Math.round(rendered.wordCount / WORDS_PER_MINUTE)),
    });
  }
  return articles.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

/** FAQ sets split into their questions, one set per article at most. */
function loadFaqSets(
  faqFiles: ContentFiles['faqFiles'],
  articleSlugs: ReadonlySet<string>,
  { diagnostics, fieldError, folder, processBody }: Load,
): FaqSet[] {
  const faqSets: FaqSet[] = [];
  // The article page links to one FAQ set; a second one for the same article would be on the
  // FAQ page but never linked from it.
  const faqSetOf = new Map<string, string>();
  for (const { file, parsed, data } of faqFiles) {
    const other = faqSetOf.get(data.article);
    if (other !== undefined) {
      fieldError(
        file,
        parsed,
        ['article'],
        `article: "${data.article}" already has its FAQ set in ${other}; move these questions there (an article links to one set)`,
      );
    } else faqSetOf.set(data.article, file.path);
    if (!articleSlugs.has(data.article)) {
      fieldError(
        file,
        parsed,
        ['article'],
        `article: no article "${data.article}" in ${folder('articles')}`,
      );
    }
    // Split into questions from the same parse as the checks (see processBodiesCached). No
    // sections means the body was too deeply nested to read, which processing reported.
    const {
      rendered: { videos },
      sections: split,
    } = processBody(file, parsed, routes.faq());
    const sections = split ?? [];
    const unreadable = split === undefined;
    const entries = sections.map((section) => ({
      id: section.id,
      question: section.heading,
      answerHtml: section.html,
      answerText: section.text,
    }));
    if (entries.length === 0 && !unreadable) {
      // A file that ends at its closing "---" has no body line: point at the last line there is.
      const lastLine = file.source.replace(/\n$/, '').split('\n').length;
      diagnostics.push({
        file: file.path,
        line: Math.min(parsed.bodyStartLine, lastLine),
        column: 1,
        severity: 'error',
        message: 'a FAQ set needs at least one "## Question?" heading followed by its answer',
      });
    }
    faqSets.push({ ...data, slug: file.slug, sourcePath: file.path, entries, videos });
  }
  return faqSets;
}

/** The links and ids the bodies put on each page, checked against the whole site. */
function checkAcrossSite(
  content: ContentIndex,
  { diagnostics, pending, idSources }: Load,
  publicDir: string,
): void {
  const { articles, faqSets } = content;
  const publishedArticles = articles.filter((article) => isPublished(article));
  const site = siteMap(content, publishedArticles, listPublicFiles(publicDir));
  // Every id in a body (article, bio, FAQ answer) is an anchor on the page it renders on.
  for (const [page, sources] of idSources) {
    for (const source of sources) for (const { id } of source.ids) site.get(page)?.ids.add(id);
  }
  const published = new Set(publishedArticles.map((a) => a.sourcePath));
  for (const { file, page, links } of pending) {
    const fromPublished = !page.startsWith('/articles/') || published.has(file);
    diagnostics.push(...checkLinks(links, file, page, fromPublished, site));
  }
  // An article page also shows its author's bio (the author card), so their ids meet there.
  const authorOf = new Map(articles.map((a) => [routes.article(a.slug), a.author]));
  for (const [page, sources] of idSources) {
    const kind = page.startsWith('/articles/') ? 'article' : page === '/faq' ? 'faq' : 'author';
    const author = authorOf.get(page);
    const bio = author === undefined ? [] : (idSources.get(routes.author(author)) ?? []);
    // The FAQ page gives each set an id of its own, which a question's id must not take.
    const setIds = kind === 'faq' ? faqSets.map((set) => faqSetId(set.slug)) : [];
    diagnostics.push(
      ...checkDuplicateIds(
        page,
        [...sources, ...bio],
        [...templateIds.all, ...templateIds[kind], ...setIds],
      ),
    );
  }
}

/** The folder Next serves as it is, at the site's root. */
export function defaultPublicDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'public');
}

/**
 * Site paths of the files in a public/ folder, e.g. `/images/walk.jpg`. The search index in
 * public/pagefind/ is generated after `next build` and is not there on a fresh checkout, so
 * nothing may count on it.
 */
export function listPublicFiles(dir: string): string[] {
  return listFiles(dir, () => true)
    .map((file) => `/${path.relative(dir, file).split(path.sep).join('/')}`)
    .filter((file) => !file.startsWith('/pagefind/'));
}

/** Every page and file the built site will have, with the ids an `#anchor` can point at. */
function siteMap(
  { articles, authors, faqSets }: ContentIndex,
  published: readonly Article[],
  publicFiles: readonly string[],
): SiteMap {
  const site: SiteMap = new Map();
  // Pages and files every build has besides the content's own, which content may link to too.
  for (const fixed of [routes.search(), routes.tags()]) {
    site.set(fixed, { ids: new Set(templateIds.all), anchorKind: 'element' });
  }
  const files = [
    routes.rssFeed(),
    routes.atomFeed(),
    routes.jsonFeed(),
    routes.sitemap(),
    routes.robots(),
    routes.icon(),
    routes.siteOgImage(),
    ...published.map((article) => routes.articleOgImage(article.slug)),
    ...publicFiles,
  ];
  for (const file of files) site.set(file, { ids: new Set(), anchorKind: 'element' });
  const listIds = new Set<string>([...templateIds.all, ...templateIds.list]);
  // Every page of a paginated list: `path(1)` and `path(n)` up to its page count.
  const listPages = (count: number, path: (page: number) => string, ids: Set<string>) => {
    for (let page = 1; page <= listPageCount(count); page++) {
      site.set(path(page), { ids, anchorKind: 'element' });
    }
  };
  listPages(published.length, routes.page, listIds);
  const tagCounts = new Map<string, number>();
  for (const article of published) {
    for (const tag of new Set(article.tags.map(tagSlug))) {
      tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    }
  }
  for (const [tag, count] of tagCounts) {
    listPages(count, (page) => routes.tagPage(tag, page), listIds);
  }
  for (const article of articles) {
    // Under `next dev` every article has a page, so only production builds refuse the link.
    const status = isPublished(article) ? 'published' : publicationStatus(article);
    site.set(routes.article(article.slug), {
      ids: new Set([...templateIds.all, ...templateIds.article]),
      anchorKind: 'heading or footnote',
      ...(status === 'draft'
        ? { unpublished: 'a draft (draft: true)' }
        : status === 'scheduled'
          ? { unpublished: `scheduled for ${article.date}` }
          : {}),
    });
  }
  for (const author of authors) {
    const ids = new Set([...templateIds.all, ...templateIds.author]);
    const count = published.filter((article) => article.author === author.slug).length;
    listPages(count, (page) => routes.authorPage(author.slug, page), ids);
    // Page 1 also shows the biography, whose headings are anchors (see idSources).
    site.set(routes.author(author.slug), { ids: new Set(ids), anchorKind: 'heading' });
  }
  site.set(routes.faq(), {
    ids: new Set([
      ...templateIds.all,
      ...faqSets.flatMap((set) => [faqSetId(set.slug), ...set.entries.map((e) => e.id)]),
    ]),
    anchorKind: 'question',
  });
  return site;
}
