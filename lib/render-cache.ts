/**
 * A disk cache for rendered Markdown, so a rebuild re-renders only the files that changed.
 *
 * An entry's key is a SHA-256 of the Markdown source, the render options and the pipeline
 * version: our lib/ sources plus the installed package versions (package-lock.json). Editing a
 * plugin, upgrading unified or changing a file's text therefore misses, and nothing needs to be
 * bumped by hand. Entries are JSON, validated on read; an unreadable or malformed entry is a
 * miss and is overwritten.
 *
 * Next.js prerenders in several worker processes that load the same content at once. Entries
 * are written to a temporary file and renamed into place, so a reader sees either no entry or
 * a whole one, and two workers rendering the same file simply write the same bytes twice.
 *
 * Settings: MARKDOWN_CACHE=off disables it; MARKDOWN_CACHE_DIR moves it (default
 * `.next/cache/cornerstone-markdown`, which Next.js keeps between builds and CI caches restore;
 * entries go in a subdirectory per pipeline version, and older versions are deleted);
 * MARKDOWN_CACHE_STATS names a file to which every hit and miss is appended, one line each,
 * which the benchmark reads to count renders across worker processes.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { bodyReportSchema, lintParsedBody, type BodyContext } from './content-checks';
import {
  markdownSectionSchema,
  parseMarkdown,
  renderedMarkdownSchema,
  renderMarkdown,
  renderParsedMarkdown,
  renderParsedMarkdownSections,
  type RenderedMarkdown,
  type RenderOptions,
} from './markdown';
import {
  markdownCacheOff,
  pruneOtherVersions,
  sourceFingerprint,
  writeEntryAtomically,
} from './cache-dir';
import { findParserHazard } from './parser-hazards';
import {
  claim,
  claimHolder,
  CLAIM_POLL_MS,
  release,
  sleep,
  type ClaimHolder,
} from './render-claims';
import { listFiles } from './list-files';

/** Bump when the layout of an entry changes in a way the value schemas below cannot catch. */
export const ENTRY_FORMAT = 2;

export type CacheEvent = 'hit' | 'miss';

export interface RenderCacheOptions {
  /** Directory holding the entries. */
  dir: string;
  /** Anything that changes what the pipeline outputs for the same source. */
  pipelineVersion: string;
  /** File to which every hit and miss is appended (see MARKDOWN_CACHE_STATS). */
  statsFile?: string | undefined;
}

export class RenderCache {
  readonly dir: string;
  readonly pipelineVersion: string;
  readonly statsFile: string | undefined;
  hits = 0;
  misses = 0;

  constructor(options: RenderCacheOptions) {
    this.dir = options.dir;
    this.pipelineVersion = options.pipelineVersion;
    this.statsFile = options.statsFile;
  }

  keyFor(kind: string, source: string, options: unknown): string {
    return createHash('sha256')
      .update(JSON.stringify([ENTRY_FORMAT, this.pipelineVersion, kind, options]))
      .update('\0')
      .update(source)
      .digest('hex');
  }

  entryPath(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /**
   * Returns the cached value for (kind, source, options), or renders, stores and returns it.
   * `label` names the document in the stats file.
   */
  getOrRender<T>(
    kind: string,
    source: string,
    options: unknown,
    schema: z.ZodType<T>,
    render: () => T,
    label = '',
  ): T {
    const [value] = this.getOrRenderAll([{ kind, source, options, render, label }], schema);
    if (value === undefined) throw new Error('getOrRenderAll returned no value');
    return value;
  }

  /**
   * getOrRender for many documents, sharing the renders with other processes doing the same.
   *
   * `next build` loads the content in several worker processes at once. On a cold cache each
   * of them would render every document; instead a process claims a missing entry (a claim
   * file created exclusively) before rendering it, skips the entries other processes have
   * claimed, and afterwards waits for those to appear. Workers thus split a cold render
   * between them. A claim whose process has exited (a killed build) is taken over.
   *
   * `waitFor` says whose claims are worth waiting for; an entry claimed by any other process is
   * rendered here at once instead, and written like any other. The content check needs this:
   * it times every parse to stop on a body that stalls the parser, so it waits only for the
   * helpers it times as well (scripts/check.ts), never for a parse it cannot time (a running
   * `next dev` stuck on that very body would hold its claim for minutes).
   */
  getOrRenderAll<T>(
    jobs: readonly RenderJob<T>[],
    schema: z.ZodType<T>,
    { waitFor = () => true }: { waitFor?: (holder: ClaimHolder) => boolean } = {},
  ): T[] {
    const results: T[] = [];
    const elsewhere: { index: number; file: string; job: RenderJob<T> }[] = [];
    jobs.forEach((job, index) => {
      const file = this.entryPath(this.keyFor(job.kind, job.source, job.options));
      const cached = readEntry(file, schema);
      if (cached.found) {
        this.record('hit', job.label);
        results[index] = cached.value;
      } else if (claim(file)) {
        results[index] = this.renderClaimed(file, job, schema);
      } else {
        elsewhere.push({ index, file, job });
      }
    });
    for (const { index, file, job } of elsewhere) {
      for (;;) {
        const cached = readEntry(file, schema);
        if (cached.found) {
          this.record('hit', job.label);
          results[index] = cached.value;
          break;
        }
        const holder = claimHolder(file);
        // The claimant finished without writing (unwritable disk) or stopped: render here.
        if (holder === undefined && claim(file)) {
          results[index] = this.renderClaimed(file, job, schema);
          break;
        }
        if (holder !== undefined && !waitFor(holder)) {
          results[index] = this.render(file, job);
          break;
        }
        sleep(CLAIM_POLL_MS);
      }
    }
    return results;
  }

  /**
   * Renders and stores, in the order given, every job that has no entry and that no other
   * process has claimed, skipping the rest without waiting; returns how many it rendered.
   * The content check's helpers use it to fill the cache alongside the check, each starting at
   * its own point of the list (see prerenderContent in lib/content-files.ts).
   */
  prerender(jobs: readonly RenderJob<unknown>[]): number {
    let rendered = 0;
    for (const job of jobs) {
      const file = this.entryPath(this.keyFor(job.kind, job.source, job.options));
      if (existsSync(file) || !claim(file)) continue;
      try {
        // Written and released by another process between the look and the claim.
        if (existsSync(file)) continue;
        this.render(file, job);
        rendered += 1;
        // A cache that cannot be written keeps nothing: rendering on would only repeat, for
        // no one, what the check renders for itself.
        if (!existsSync(file)) break;
      } finally {
        release(file);
      }
    }
    return rendered;
  }

  private renderClaimed<T>(file: string, job: RenderJob<T>, schema: z.ZodType<T>): T {
    try {
      // Another process may have written the entry and released its claim between this one's
      // look for the entry and its claim: then the work is done.
      const cached = readEntry(file, schema);
      if (cached.found) {
        this.record('hit', job.label);
        return cached.value;
      }
      return this.render(file, job);
    } finally {
      release(file);
    }
  }

  private render<T>(file: string, job: RenderJob<T>): T {
    const value = job.render();
    this.record('miss', job.label);
    writeEntry(file, value);
    return value;
  }

  private record(event: CacheEvent, label = ''): void {
    if (event === 'hit') this.hits += 1;
    else this.misses += 1;
    if (this.statsFile) appendFileSync(this.statsFile, `${event}\t${process.pid}\t${label}\n`);
  }
}

/** One document for RenderCache.getOrRenderAll. */
export interface RenderJob<T> {
  kind: string;
  source: string;
  /** Everything besides `source` that changes the output; part of the key. */
  options: unknown;
  render: () => T;
  /** Names the document in the stats file. */
  label?: string | undefined;
}

function readEntry<T>(
  file: string,
  schema: z.ZodType<T>,
): { found: true; value: T } | { found: false } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { found: false };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { found: false };
  }
  const entry = z.object({ format: z.literal(ENTRY_FORMAT), value: schema }).safeParse(json);
  return entry.success ? { found: true, value: entry.data.value } : { found: false };
}

function writeEntry(file: string, value: unknown): void {
  writeEntryAtomically(file, JSON.stringify({ format: ENTRY_FORMAT, value }));
}

const processedBodySchema = z.strictObject({
  rendered: renderedMarkdownSchema,
  report: bodyReportSchema,
  /**
   * A FAQ set's questions and answers, split at its h2 headings: present for every FAQ body
   * that could be read, absent for other kinds and for a body too deeply nested to read.
   */
  sections: z.array(markdownSectionSchema).optional(),
});

export type ProcessedBody = z.infer<typeof processedBodySchema>;

function listSources(dir: string): string[] {
  return listFiles(dir, (name) => /\.(ts|tsx|js|mjs)$/.test(name));
}

/**
 * Fingerprint of the code that renders Markdown: every file under lib/ and the lockfile (see
 * sourceFingerprint). Undefined without the sources, which turns the cache off.
 */
export function pipelineFingerprint(projectRoot: string): string | undefined {
  const sources = listSources(path.join(projectRoot, 'lib'));
  return sourceFingerprint(
    projectRoot,
    sources.map((file) => path.relative(projectRoot, file)),
  );
}

let defaultCache: RenderCache | null | undefined;

function getDefaultCache(): RenderCache | null {
  if (defaultCache !== undefined) return defaultCache;
  defaultCache = null;
  if (markdownCacheOff(process.env)) return defaultCache;
  const root = path.resolve(/*turbopackIgnore: true*/ process.cwd());
  const pipelineVersion = pipelineFingerprint(root);
  if (!pipelineVersion) return defaultCache;
  const base =
    process.env.MARKDOWN_CACHE_DIR ?? path.join(root, '.next/cache/cornerstone-markdown');
  pruneOtherVersions(base, pipelineVersion);
  defaultCache = new RenderCache({
    dir: path.join(base, pipelineVersion),
    pipelineVersion,
    statsFile: process.env.MARKDOWN_CACHE_STATS,
  });
  return defaultCache;
}

/** renderMarkdown through the disk cache. */
export function renderMarkdownCached(
  markdown: string,
  options: RenderOptions = {},
  cache: RenderCache | null = getDefaultCache(),
): RenderedMarkdown {
  const render = () => renderMarkdown(markdown, options);
  if (!cache) return render();
  return cache.getOrRender(
    'markdown',
    markdown,
    options,
    renderedMarkdownSchema,
    render,
    options.path,
  );
}

/** A content file's body, with what its checks and its render need to know. */
export interface BodyJob {
  markdown: string;
  options: RenderOptions;
  context: BodyContext;
}

/**
 * Checks (lib/content-checks) and renders a body from one parse. A FAQ set is also split into
 * its questions, from a copy of the same tree: parsing is most of a render's cost.
 */
function processBody({ markdown, options, context }: BodyJob): ProcessedBody {
  // Text that would hold the parser for minutes is refused unparsed (lib/parser-hazards.ts).
  const hazard = findParserHazard(markdown);
  if (hazard) {
    return { report: unreadable(context, hazard.line, hazard.message), rendered: EMPTY_RENDER };
  }
  try {
    const mdast = parseMarkdown(markdown);
    // The checks only read the tree; rendering consumes it, so it goes second.
    const report = lintParsedBody(mdast, markdown, context);
    const sections =
      context.kind === 'faq'
        ? renderParsedMarkdownSections(structuredClone(mdast), markdown, options)
        : undefined;
    const rendered = renderParsedMarkdown(mdast, markdown, options);
    return sections ? { report, rendered, sections } : { report, rendered };
  } catch (error) {
    // Thousands of nested quotes or lists overflow the stack of the tree walkers: that is one
    // file's problem, reported like any other, instead of ending the check or build with a
    // stack trace. Anything else is a bug in the pipeline and is thrown as it is.
    if (!isStackOverflow(error)) throw error;
    return { report: tooDeeplyNested(markdown, context), rendered: EMPTY_RENDER };
  }
}

const EMPTY_RENDER: RenderedMarkdown = {
  html: '',
  referencesHtml: '',
  outline: [],
  footnotes: [],
  wordCount: 0,
  ids: [],
  videos: [],
};

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Nesting no reader can follow: a line quoted or indented this deep is where to look. */
const DEEP_PREFIX = /^(?:\s*[>*+-]|\s*\d+[.)]|\s{4}|\s*<[a-z][^>]*>){50}/i;

/**
 * The diagnostic for a body too deeply nested to process, on the first line that nests 50
 * levels or more (or the body's first line when the nesting is spread over many lines).
 */
function tooDeeplyNested(
  markdown: string,
  context: Pick<BodyContext, 'file' | 'bodyStartLine'>,
): ProcessedBody['report'] {
  const index = markdown.split('\n').findIndex((line) => DEEP_PREFIX.test(line));
  return unreadable(
    context,
    Math.max(0, index) + 1,
    'the text nests quotes, lists or HTML elements too deeply to be read (thousands of levels); flatten the nesting',
  );
}

/** The report of a body that could not be read: one error, at `line` of the body. */
function unreadable(
  { file, bodyStartLine }: Pick<BodyContext, 'file' | 'bodyStartLine'>,
  line: number,
  message: string,
): ProcessedBody['report'] {
  return {
    diagnostics: [{ file, line: bodyStartLine + line - 1, column: 1, severity: 'error', message }],
    links: [],
  };
}

/**
 * How a process that times its own parses (the content check, scripts/check.ts) takes part.
 * onParse hears when this process starts and ends parsing a body; a cache hit parses nothing.
 */
export interface ParseWatch {
  onParse: (context: BodyContext, phase: 'start' | 'end') => void;
  /**
   * Whether a claimant's parses are timed by the same watcher (it is one of the check's
   * helpers): this process waits for the bodies such a process has claimed. Every other claimed
   * body it parses itself, so that every parse is timed by someone. Without it, none is waited
   * for.
   */
  isHelper?: (holder: ClaimHolder) => boolean;
}

function cacheJobs(jobs: readonly BodyJob[], onParse?: ParseWatch['onParse']) {
  const parse = (job: BodyJob) => {
    onParse?.(job.context, 'start');
    try {
      return processBody(job);
    } finally {
      onParse?.(job.context, 'end');
    }
  };
  return jobs.map((job) => ({
    kind: 'body',
    source: job.markdown,
    options: { options: job.options, context: job.context },
    render: () => parse(job),
    label: job.options.path,
  }));
}

/**
 * Content files' bodies, checked and rendered, through the disk cache. Both results are cached
 * together: on a warm build neither the checks nor the renderer parse anything, and on a cold
 * one the build's workers share the renders (RenderCache.getOrRenderAll).
 */
export function processBodiesCached(
  jobs: readonly BodyJob[],
  cache: RenderCache | null = getDefaultCache(),
  watch?: ParseWatch,
): ProcessedBody[] {
  const cacheable = cacheJobs(jobs, watch?.onParse);
  if (!cache) return cacheable.map((job) => job.render());
  const isHelper = watch?.isHelper ?? (() => false);
  return cache.getOrRenderAll(cacheable, processedBodySchema, {
    waitFor: watch ? isHelper : () => true,
  });
}

/**
 * Fills the cache with the bodies no process has rendered or claimed yet, in the order given,
 * without waiting for any; returns how many this process rendered (none without a cache).
 */
export function prerenderBodies(
  jobs: readonly BodyJob[],
  cache: RenderCache | null = getDefaultCache(),
  onParse?: ParseWatch['onParse'],
): number {
  return cache ? cache.prerender(cacheJobs(jobs, onParse)) : 0;
}

/** processBodiesCached for one body. */
export function processBodyCached(
  markdown: string,
  options: RenderOptions,
  context: BodyContext,
  cache: RenderCache | null = getDefaultCache(),
): ProcessedBody {
  const [processed] = processBodiesCached([{ markdown, options, context }], cache);
  if (!processed) throw new Error('processBodiesCached returned no value');
  return processed;
}
