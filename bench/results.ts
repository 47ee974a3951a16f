/**
 * What one bench run records (the JSON in bench/results/) and the figures read from it, shared
 * by the budget checks (budgets.ts) and the tables (report.ts).
 */
import type { AppKind, BuildMeasurement, FullBuildMeasurement } from './build';
import type { LighthouseResult } from './lighthouse';
import type { Section } from './options';
import type { PageWeight } from './page-weight';
import type { PipelineRun } from './pipeline';
import type { LoadResult } from './serve';

/** The machine and versions a run measured on. */
export interface Environment {
  date: string;
  commit: string;
  dirty: boolean;
  node: string;
  next: string;
  lighthouse: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

export interface Results {
  environment: Environment;
  options: {
    sizes: number[];
    sections: Section[];
    lighthouseRuns: number;
    durationSeconds: number;
    connections: number;
    buildRuns: number;
  };
  /** Every build, cold runs and rebuilds; several cold runs per app and size with --build-runs. */
  builds: BuildMeasurement[];
  rebuild?: {
    articles: number;
    editedSlug: string;
    project: BuildMeasurement;
    minimal: BuildMeasurement;
    renders: number;
    renderedDocuments: string[];
    cacheHits: number;
    coldBuildRenders: number;
    /** Distinct documents the cold build rendered: each once when its workers share. */
    coldBuildDocuments: number;
  };
  /** The project's whole `npm run build` (check, next build, search index), cold, once. */
  fullBuild?: FullBuildMeasurement;
  pipeline?: {
    articles: number;
    lib: PipelineRun;
    minimal: PipelineRun;
    cacheCold: PipelineRun;
    cacheWarm: PipelineRun;
  };
  weight?: { project: PageWeight; bare: PageWeight; ownJsGzip: number };
  cacheability?: { url: string; status: number; cacheControl: string; cacheable: boolean }[];
  lighthouse?: LighthouseResult;
  serving?: {
    next: LoadResult;
    /** `npm start`: scripts/serve.mjs, the request guard in front of Next's handler. */
    guarded?: LoadResult;
    nginx: LoadResult;
    sameBytes: boolean;
  };
  checks: Check[];
  /** Sections that threw; their budgets then read "not measured". */
  errors: { section: string; message: string }[];
}

export interface Check {
  name: string;
  required: string;
  aim: string;
  measured: string;
  /** undefined when the section was not run. */
  pass: boolean | undefined;
  aimMet: boolean | undefined;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const msPerDoc = (pass: { ms: number; documents: number } | undefined) =>
  pass ? pass.ms / pass.documents : Number.NaN;
export const mbPerSecond = (pass: { ms: number; bytes: number } | undefined) =>
  pass ? pass.bytes / 1024 / 1024 / (pass.ms / 1000) : Number.NaN;

/** The article counts built in a run, smallest first. */
export function buildSizes(results: Results): number[] {
  return [...new Set(results.builds.map((b) => b.articles))].sort((a, b) => a - b);
}

function coldRuns(results: Results, app: AppKind, articles: number) {
  return results.builds
    .filter((b) => b.app === app && b.articles === articles && b.kind === 'cold')
    .sort((a, b) => a.wallMs - b.wallMs);
}

/** The highest peak RSS over an app's cold runs: memory is a limit, so the worst run counts. */
export function peakRss(results: Results, app: AppKind, articles: number): number | undefined {
  const runs = coldRuns(results, app, articles);
  return runs.length ? Math.max(...runs.map((run) => run.peakRssBytes)) : undefined;
}

/**
 * The median cold build of an app at a size (the lower middle one of an even count). Builds on
 * this machine vary by 10–30 % between identical runs, so one run per side can decide a budget
 * by chance; the median of interleaved runs cannot be moved by a single slow one.
 */
export function findBuild(results: Results, app: AppKind, articles: number) {
  return middle(coldRuns(results, app, articles));
}

/** The middle of runs sorted by time, the lower one of an even count. */
function middle<T>(runs: readonly T[]): T | undefined {
  return runs[Math.floor((runs.length - 1) / 2)];
}

/** "52.9 s" for one run, "52.9 s (median of 50.1, 52.9, 58.0 s)" for several. */
export function medianCell(results: Results, app: AppKind, articles: number): string {
  const runs = coldRuns(results, app, articles);
  const median = middle(runs);
  if (!median) return 'not measured';
  if (runs.length === 1) return seconds(median.wallMs);
  const all = runs.map((run) => (run.wallMs / 1000).toFixed(1)).join(', ');
  return `${seconds(median.wallMs)} (median of ${all} s)`;
}
