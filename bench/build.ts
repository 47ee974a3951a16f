/**
 * Builds the project and the minimal reference app over the same content, each in its own
 * directory under bench/.work, so the developer's `.next` is never touched.
 *
 * The project is copied (the files git tracks or would track, but for tests, bench and content)
 * at the start of each run, so the bench measures the site as it is on disk today. Both apps
 * get a node_modules symlink to the repository's own, so they build with the same packages.
 * The symlink stays inside the repository, which Turbopack takes as its root (it holds the
 * lockfile), so Turbopack accepts it.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseRoutes, type RouteKind } from './routes';
import { NEXT_BUILD_PHASES, type Phase, type PhaseMark } from './phases';
import {
  nextBin,
  progress,
  repoRoot,
  runMeasured,
  workDir,
  formatBytes,
  type RunResult,
} from './util';

/**
 * project: Cornerstone as it is on disk. project-no-cards: the same without its per-article
 * share-image route (SHARE_CARD_ROUTE), which shows what the cards cost Cornerstone itself.
 * minimal: the blog-starter-style reference the budgets are set against. minimal-cards: the
 * minimal app plus the one next/og share card per article that issue 4 requires
 * (bench/minimal-app/cards), which shows what those cards alone cost.
 */
export type AppKind = 'project' | 'project-no-cards' | 'minimal' | 'minimal-cards';

/** Cornerstone's per-article share images (issue 4), left out of project-no-cards. */
const SHARE_CARD_ROUTE = 'app/og/articles/';

/** Whether the app is Cornerstone, with its routes, rather than the minimal app. */
export function isCornerstone(app: AppKind): boolean {
  return app === 'project' || app === 'project-no-cards';
}

/** Whether the app draws a share image per article. */
function drawsCards(app: AppKind): boolean {
  return app === 'project' || app === 'minimal-cards';
}

/**
 * Top-level entries git lists that are not part of the site being built. Build output and
 * node_modules are ignored by git, so siteFiles never lists them.
 */
const NOT_THE_SITE = new Set(['bench', 'tests', 'content', 'package-lock.json', '.ci', 'coverage']);

/**
 * The site's files as they are on disk: those git tracks or would track (so uncommitted edits
 * count), less NOT_THE_SITE. Ignored files stay behind: a test build's `.next-fixture` (86 MB),
 * the search index written into `public/pagefind`, TypeScript's build info.
 */
function siteFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return listed
    .split('\0')
    .filter(
      (file) =>
        file &&
        !NOT_THE_SITE.has(file.split('/')[0] ?? '') &&
        existsSync(path.join(repoRoot, file)),
    );
}

export function appDir(kind: AppKind): string {
  const dirs: Record<AppKind, string> = {
    project: 'site',
    'project-no-cards': 'site-no-cards',
    minimal: 'minimal',
    'minimal-cards': 'minimal-cards',
  };
  return path.join(workDir, dirs[kind]);
}

export function prepareApps(): void {
  for (const kind of ['project', 'project-no-cards', 'minimal', 'minimal-cards'] as const) {
    const target = appDir(kind);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    if (isCornerstone(kind)) {
      for (const file of siteFiles()) {
        if (kind === 'project-no-cards' && file.startsWith(SHARE_CARD_ROUTE)) continue;
        cpSync(path.join(repoRoot, file), path.join(target, file));
      }
    } else {
      // cards/ holds the share-card route, outside app/ so that only minimal-cards has it.
      const source = path.join(repoRoot, 'bench/minimal-app');
      const cards = path.join(source, 'cards');
      const outsideCards = (from: string) => {
        const relative = path.relative(cards, from);
        return relative.startsWith('..') || path.isAbsolute(relative);
      };
      cpSync(source, target, { recursive: true, filter: outsideCards });
      if (kind === 'minimal-cards') {
        cpSync(path.join(cards, 'og'), path.join(target, 'app/og'), { recursive: true });
      }
    }
    symlinkSync(
      path.relative(target, path.join(repoRoot, 'node_modules')),
      path.join(target, 'node_modules'),
    );
  }
}

export interface BuildMeasurement {
  app: AppKind;
  articles: number;
  kind: 'cold' | 'rebuild';
  wallMs: number;
  peakRssBytes: number;
  peakSingleRssBytes: number;
  /** CPU time of the build and all its workers, and of everything else meanwhile (RunResult). */
  cpuSeconds?: number;
  otherCpuSeconds?: number;
  /** Where the build's time went: compiling, collecting page data, prerendering… */
  phases?: Phase[];
  routes: RouteKind[];
  /** Files prerendered per article route (HTML, RSC payloads, images…), by extension. */
  articleOutputs: Record<string, { files: number; bytes: number }>;
  /** Files prerendered for the per-article share images (Cornerstone and minimal-cards). */
  ogOutputs?: Record<string, { files: number; bytes: number }>;
}

function countOutputs(dir: string): Record<string, { files: number; bytes: number }> {
  const out: Record<string, { files: number; bytes: number }> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    if (!stat.isFile()) continue;
    const extension = path.extname(entry) || '(none)';
    const bucket = out[extension] ?? { files: 0, bytes: 0 };
    bucket.files += 1;
    bucket.bytes += stat.size;
    out[extension] = bucket;
  }
  return out;
}

/**
 * Runs one measured step of a build, saying when it starts and what it cost; a step that fails
 * ends the section with the end of its output.
 */
async function runStep(
  label: string,
  command: string,
  args: string[],
  options: {
    cwd: string;
    env: Record<string, string | undefined>;
    phases?: readonly PhaseMark[];
  },
): Promise<RunResult> {
  progress(`${label} …`);
  const result = await runMeasured(command, args, { ...options, label });
  if (result.code !== 0) {
    throw new Error(`${label} failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
  }
  const cpu =
    result.cpuSeconds === undefined
      ? ''
      : `, ${result.cpuSeconds.toFixed(1)} CPU-s (other processes ${(result.otherCpuSeconds ?? 0).toFixed(1)})`;
  progress(
    `${label}: ${(result.wallMs / 1000).toFixed(1)} s, peak RSS ${formatBytes(result.peakRssBytes)}${cpu}`,
  );
  return result;
}

export async function build(
  app: AppKind,
  contentRoot: string,
  articles: number,
  kind: 'cold' | 'rebuild',
  env: Record<string, string> = {},
): Promise<BuildMeasurement> {
  const cwd = appDir(app);
  // A cold build starts from nothing, including .next/cache and the Markdown cache in it.
  if (kind === 'cold') rmSync(path.join(cwd, '.next'), { recursive: true, force: true });
  const label = `${kind === 'cold' ? 'cold build' : 'rebuild'}, ${app}, ${articles} article${articles === 1 ? '' : 's'}`;
  const result = await runStep(label, process.execPath, [nextBin, 'build'], {
    cwd,
    env: { CONTENT_DIR: contentRoot, NODE_ENV: 'production', ...env },
    phases: NEXT_BUILD_PHASES,
  });
  const cornerstone = isCornerstone(app);
  const articleDir = path.join(cwd, '.next/server/app', cornerstone ? 'articles' : 'posts');
  return {
    app,
    articles,
    kind,
    wallMs: result.wallMs,
    peakRssBytes: result.peakRssBytes,
    peakSingleRssBytes: result.peakSingleRssBytes,
    ...cpuOf(result),
    ...(result.phases && { phases: result.phases }),
    routes: parseRoutes(result.output),
    articleOutputs: countOutputs(articleDir),
    ...(drawsCards(app) && {
      ogOutputs: countOutputs(path.join(cwd, '.next/server/app/og', cornerstone ? 'articles' : '')),
    }),
  };
}

/** One step of `npm run build` as package.json spells it, and what it cost. */
export interface BuildStep {
  command: string;
  wallMs: number;
  peakRssBytes: number;
  cpuSeconds?: number;
  otherCpuSeconds?: number;
}

/** The CPU figures of a run, where the machine could report them. */
function cpuOf(result: RunResult): { cpuSeconds?: number; otherCpuSeconds?: number } {
  return {
    ...(result.cpuSeconds === undefined ? {} : { cpuSeconds: result.cpuSeconds }),
    ...(result.otherCpuSeconds === undefined ? {} : { otherCpuSeconds: result.otherCpuSeconds }),
  };
}

export interface FullBuildMeasurement {
  articles: number;
  steps: BuildStep[];
  wallMs: number;
  peakRssBytes: number;
}

/**
 * The steps `npm run build` runs in the project, from its package.json: the `prebuild` script
 * (the content check), each command of `build` (`next build`, then the search index), then any
 * `postbuild`. Commands are split at `&&`, which the project's scripts use only between
 * commands (tests/unit/bench-build-steps.test.ts pins them).
 */
export function npmBuildSteps(scripts: Readonly<Record<string, string>>): string[] {
  const build = scripts.build;
  if (!build) throw new Error('package.json has no build script');
  return [scripts.prebuild, build, scripts.postbuild]
    .flatMap((script) => script?.split('&&') ?? [])
    .map((command) => command.trim())
    .filter((command) => command !== '');
}

const packageScriptsSchema = z.object({ scripts: z.record(z.string(), z.string()) });

/**
 * The project's whole `npm run build` from nothing (no `.next`, no search index), step by
 * step, each measured like a build: what an editor waits for, where `build()` times `next
 * build` alone against the minimal app's. The steps run as npm would run them, with
 * node_modules/.bin on the PATH, one after another; npm's own start-up is left out.
 */
export async function fullBuild(
  contentRoot: string,
  articles: number,
): Promise<FullBuildMeasurement> {
  const cwd = appDir('project');
  rmSync(path.join(cwd, '.next'), { recursive: true, force: true });
  rmSync(path.join(cwd, 'public/pagefind'), { recursive: true, force: true });
  const { scripts } = packageScriptsSchema.parse(
    JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')),
  );
  const bin = path.join(cwd, 'node_modules/.bin');
  const steps: BuildStep[] = [];
  for (const command of npmBuildSteps(scripts)) {
    const result = await runStep(
      `npm run build, ${articles} articles: ${command}`,
      'sh',
      ['-c', command],
      {
        cwd,
        env: {
          CONTENT_DIR: contentRoot,
          NODE_ENV: 'production',
          PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        },
      },
    );
    steps.push({
      command,
      wallMs: result.wallMs,
      peakRssBytes: result.peakRssBytes,
      ...cpuOf(result),
    });
  }
  return {
    articles,
    steps,
    wallMs: steps.reduce((sum, step) => sum + step.wallMs, 0),
    peakRssBytes: Math.max(...steps.map((step) => step.peakRssBytes)),
  };
}

/** Reads the hit/miss lines lib/render-cache.ts appends when MARKDOWN_CACHE_STATS is set. */
export function readCacheStats(file: string): {
  hits: number;
  misses: number;
  renderedDocuments: string[];
} {
  if (!existsSync(file)) return { hits: 0, misses: 0, renderedDocuments: [] };
  let hits = 0;
  let misses = 0;
  const rendered = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [event, , label] = line.split('\t');
    if (event === 'hit') hits += 1;
    if (event === 'miss') {
      misses += 1;
      rendered.add(label ?? '');
    }
  }
  return { hits, misses, renderedDocuments: [...rendered].sort() };
}
