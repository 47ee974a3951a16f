/**
 * Content files as the loader first takes them: listed, read, decoded and their frontmatter
 * validated, and each body made into the job that the checks and the renderer share
 * (lib/render-cache.ts). lib/content-load.ts builds the site from them; the content check's
 * helpers (scripts/check.ts) use them to fill the render cache beside the check, with the same
 * jobs so that the two meet in the cache.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { BodyContext } from './content-checks';
import type { Diagnostic } from './diagnostics';
import { FrontmatterSyntaxError, parseFrontmatter, type ParsedFrontmatter } from './frontmatter';
import { listFiles } from './list-files';
import type { RenderOptions } from './markdown';
import { prerenderBodies, type BodyJob, type ParseWatch } from './render-cache';
import {
  articleFrontmatterSchema,
  authorFrontmatterSchema,
  faqFrontmatterSchema,
  slugSchema,
} from './schema';
import { routes } from './site';
import { slugify } from './slug';
import { decodeSource, forbiddenCharacters } from './source-text';
import { validateFrontmatter } from './validate';

export interface SourceFile {
  /** Path relative to the working directory, as editors see it in their repo. */
  path: string;
  slug: string;
  source: string;
}

/**
 * Extensions an editor may mean as Markdown, any run of them at the end of a name ("post.md.txt",
 * as Notepad and TextEdit save it). The loader reads `*.md` only and refuses the others.
 */
const MARKDOWN_LOOKALIKE = /(?:\.(?:md|markdown|mdown|mkdn|mkd|mdx|txt))+$/i;

/** Every file the loader reads or refuses by name: the one listing it and `next dev` share. */
export function listMarkdownFiles(dir: string): string[] {
  return listFiles(dir, (name) => MARKDOWN_LOOKALIKE.test(name));
}

function readSources(dir: string, diagnostics: Diagnostic[]): SourceFile[] {
  const seen = new Map<string, string>();
  const files: SourceFile[] = [];
  for (const absolute of listMarkdownFiles(dir)) {
    const relative = path.relative(process.cwd(), absolute) || absolute;
    if (!absolute.endsWith('.md')) {
      // A file the site would silently leave out is an error: the editor expects it published.
      const stem = path.basename(absolute).replace(MARKDOWN_LOOKALIKE, '');
      diagnostics.push({
        file: relative,
        line: 1,
        column: 1,
        severity: 'error',
        message: `only files ending in ".md" are read, so this one would not be published; rename it to "${stem}.md"`,
      });
      continue;
    }
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
    const decoded = decodeSource(readFileSync(absolute), relative);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    diagnostics.push(...forbiddenCharacters(decoded.text, relative));
    files.push({ path: relative, slug, source: decoded.text });
  }
  return files;
}

interface Parsed<T> {
  file: SourceFile;
  parsed: ParsedFrontmatter;
  data: T;
}

/** Frontmatter fields of prose, where a `#hashtag` is more likely text than a comment. */
const FREE_TEXT_FIELDS = new Set(['title', 'description', 'disclaimer', 'name', 'role']);

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
    for (const { field, kept, lost, position } of parsed.cutByComment) {
      // In a date or a slug a comment is plainly a note; in prose the text was meant.
      if (!FREE_TEXT_FIELDS.has(field)) continue;
      diagnostics.push({
        file: file.path,
        ...position,
        severity: 'warning',
        message: `${field}: YAML reads " ${lost}" as a comment, so the value is only "${kept}"; put the whole value in quotes to keep it: ${field}: ${JSON.stringify(`${kept} ${lost}`)}`,
      });
    }
    const result = validateFrontmatter(schema, parsed, file.path, knownKeys);
    if (result.ok) out.push({ file, parsed, data: result.value });
    else diagnostics.push(...result.diagnostics);
  }
  return out;
}

/** Every content file, by collection, read and its frontmatter validated. */
export type ContentFiles = ReturnType<typeof readContentFiles>;

/** Every content file, read and its frontmatter validated (problems go to `diagnostics`). */
export function readContentFiles(root: string, diagnostics: Diagnostic[]) {
  const read = <S extends z.ZodObject>(folder: string, schema: S) =>
    parseAll(readSources(path.join(root, folder), diagnostics), schema, diagnostics);
  return {
    authorFiles: read('authors', authorFrontmatterSchema),
    articleFiles: read('articles', articleFrontmatterSchema),
    faqFiles: read('faq', faqFrontmatterSchema),
  };
}

/**
 * Each content file's body as the checks and the renderer take it. loadContent and the
 * check's helpers (prerenderContent) build the same jobs, so they meet in the render cache.
 */
export function bodyJobs({
  authorFiles,
  articleFiles,
  faqFiles,
}: ContentFiles): Map<SourceFile, BodyJob> {
  const jobs = new Map<SourceFile, BodyJob>();
  const addJob = (
    { file, parsed }: { file: SourceFile; parsed: ParsedFrontmatter },
    kind: BodyContext['kind'],
    page: string,
    options: RenderOptions = {},
  ) =>
    jobs.set(file, {
      markdown: parsed.body,
      options: { ...options, path: file.path },
      context: { file: file.path, bodyStartLine: parsed.bodyStartLine, kind, page },
    });
  for (const author of authorFiles) addJob(author, 'bio', routes.author(author.file.slug));
  for (const article of articleFiles) {
    addJob(article, 'article', routes.article(article.file.slug), { video: article.data.video });
  }
  for (const faq of faqFiles) addJob(faq, 'faq', routes.faq());
  return jobs;
}

/** How a watched load hears of its parses: see ParseWatch (lib/render-cache.ts). */
export type LoadWatch = Omit<ParseWatch, 'onParse'> & {
  onParse: (body: { file: string; line: number }, phase: 'start' | 'end') => void;
};

/** The render cache's listener for a load's: a body is named by its file and first line. */
export function bodyListener(onParse: LoadWatch['onParse']): ParseWatch['onParse'] {
  return (body, phase) => onParse({ file: body.file, line: body.bodyStartLine }, phase);
}

/**
 * For the content check's helpers (scripts/check.ts): renders into the render cache the
 * bodies that no process has rendered or claimed yet, as loadContent would, going round the
 * list from `part / parts` of the way through it, so that the check (which starts at the top)
 * and each helper start apart and meet. Returns how many bodies this process rendered.
 */
export function prerenderContent(
  root: string,
  { part, parts, onParse }: { part: number; parts: number; onParse: LoadWatch['onParse'] },
): number {
  const jobs = [...bodyJobs(readContentFiles(root, [])).values()];
  const start = Math.floor((jobs.length * part) / parts);
  const order = [...jobs.slice(start), ...jobs.slice(0, start)];
  return prerenderBodies(order, undefined, bodyListener(onParse));
}
