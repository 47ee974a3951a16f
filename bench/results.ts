/**
 * What one bench run records (the JSON in bench/results/) and the figures read from it, shared
 * by the budget checks (budgets.ts) and the tables (report.ts).
 */
import type { AppKind, BuildMeasurement, FullBuildMeasurement } from './build';
import type { LighthouseResult } from './lighthouse';
import type { Section } from './options';
import type { Phase } from './phases';
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
/** The ratio as the tables print it: "2.14×". */
export const times = (a: number, b: number) => `${ratio(a, b).toFixed(2)}×`;
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

/**
 * Other processes using this many cores on average during a build (a type check, a test run)
 * mark it as disturbed. A rate, not an amount, so that short and long builds are held alike:
 * a quiet machine's own background, with the bench's sampling and the kernel's work for the
 * build, stayed at 0.01–0.03 of a core (0.1–1.5 CPU-s a build).
 */
export const DISTURBED_CORES = 0.1;
/**
 * …and at least this much CPU in all: over a step of a second or so, /proc/stat's ticks and
 * the background alone reach a tenth of a core (the search index at 100 articles: 0.1 CPU-s
 * in 0.8 s).
 */
export const DISTURBED_MIN_CPU_SECONDS = 1;

export function isDisturbed(run: {
  wallMs: number;
  otherCpuSeconds?: number | undefined;
}): boolean {
  const other = run.otherCpuSeconds ?? 0;
  return (
    run.wallMs > 0 &&
    other >= DISTURBED_MIN_CPU_SECONDS &&
    other / (run.wallMs / 1000) >= DISTURBED_CORES
  );
}

/** † after a figure whose run shared the machine with other work (see disturbedNotes). */
export const disturbedMark = (run: Parameters<typeof isDisturbed>[0]) =>
  isDisturbed(run) ? '†' : '';

/**
 * "52.9 s" for one run, "52.9 s (median of 50.1, 52.9, 58.0 s)" for several; a disturbed run is
 * marked † (see disturbedNotes).
 */
export function medianCell(results: Results, app: AppKind, articles: number): string {
  const runs = coldRuns(results, app, articles);
  const median = middle(runs);
  if (!median) return 'not measured';
  if (runs.length === 1) return `${seconds(median.wallMs)}${disturbedMark(median)}`;
  const all = runs
    .map((run) => `${(run.wallMs / 1000).toFixed(1)}${disturbedMark(run)}`)
    .join(', ');
  return `${seconds(median.wallMs)} (median of ${all} s)`;
}

/**
 * The median CPU time (user + system, every build process) of an app's cold builds at a size,
 * with every run beside it, or undefined when no run recorded it.
 */
export function cpuCell(
  results: Results,
  app: AppKind,
  articles: number,
): { median: number; cell: string } | undefined {
  const runs = coldRuns(results, app, articles)
    .flatMap((run) => (run.cpuSeconds === undefined ? [] : [run.cpuSeconds]))
    .sort((a, b) => a - b);
  const median = middle(runs);
  if (median === undefined) return undefined;
  const all = runs.map((cpu) => cpu.toFixed(0)).join(', ');
  return {
    median,
    cell: `${median.toFixed(0)} CPU-s${runs.length > 1 ? ` (median of ${all})` : ''}`,
  };
}

/**
 * One line per disturbed build (cold runs, rebuilds and the steps of `npm run build`): which,
 * and how much CPU other processes took meanwhile.
 */
export function disturbedNotes(results: Results): string[] {
  const plural = (n: number) => `${n.toLocaleString('en')} article${n === 1 ? '' : 's'}`;
  const runs = [
    ...results.builds.map((run) => ({
      run,
      name: `${run.kind === 'cold' ? '' : 'rebuild, '}${run.app}, ${plural(run.articles)}`,
    })),
    ...(results.fullBuild?.steps ?? []).map((step) => ({
      run: step,
      name: `npm run build, ${plural(results.fullBuild?.articles ?? 0)}: ${step.command}`,
    })),
  ];
  return runs
    .filter(({ run }) => isDisturbed(run))
    .map(
      ({ run, name }) =>
        `† ${name}, ${seconds(run.wallMs)}: other processes used ${(run.otherCpuSeconds ?? 0).toFixed(1)} CPU-s meanwhile`,
    );
}

/**
 * Each `next build` phase's median wall and CPU time over an app's cold runs at a size, taken
 * phase by phase (so the medians need not add up to the median build), in the order of the
 * runs' phases; empty when no run recorded phases.
 */
export function phaseMedians(results: Results, app: AppKind, articles: number): Phase[] {
  const runs = coldRuns(results, app, articles).flatMap((run) => (run.phases ? [run.phases] : []));
  const names = [...new Set(runs.flatMap((phases) => phases.map((phase) => phase.name)))];
  const median = (values: number[]) => middle([...values].sort((a, b) => a - b)) ?? 0;
  return names.map((name) => {
    const phases = runs.flatMap((run) => run.filter((phase) => phase.name === name));
    return {
      name,
      wallMs: median(phases.map((phase) => phase.wallMs)),
      cpuSeconds: median(phases.map((phase) => phase.cpuSeconds)),
    };
  });
}
