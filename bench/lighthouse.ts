/**
 * Lighthouse with its mobile defaults (simulated slow 4G and a 4× slower CPU) against a local
 * server, in Debian's Chromium, median of several runs, with the browser tests' offline flags.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { OFFLINE_CHROMIUM_FLAGS } from '../scripts/chromium-flags';
import { progress } from './util';

export const chromePath =
  process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROME_FLAGS = ['--headless=new', ...OFFLINE_CHROMIUM_FLAGS];

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

export interface LighthouseResult {
  version: string;
  runs: LighthouseScores[];
  median: LighthouseScores;
  /** Audits scoring below 0.9 in any run, for a reader chasing a low score. */
  failedAudits: string[];
  /** Recordings Lighthouse failed (NO_NAVSTART) and that were made again, over all runs. */
  retries: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** A run Lighthouse itself could not complete (e.g. NO_NAVSTART: its trace missed the load). */
class LighthouseRuntimeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`Lighthouse: ${code} ${message}`);
  }
}

/**
 * Runtime errors that mean Lighthouse failed to record the load, which says nothing about the
 * page, so the run is recorded again. Any other error (no paint, a failed document request…)
 * is about the page and fails the section.
 */
const RECORDING_ERRORS = new Set(['NO_NAVSTART']);
const ATTEMPTS = 3;

async function runOnceWithRetry(
  url: string,
): Promise<Awaited<ReturnType<typeof runOnce>> & { retries: number }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { ...(await runOnce(url)), retries: attempt - 1 };
    } catch (error) {
      const again =
        error instanceof LighthouseRuntimeError &&
        RECORDING_ERRORS.has(error.code) &&
        attempt < ATTEMPTS;
      if (!again) throw error;
      progress(
        `  ${error.message.split('\n')[0] ?? ''}; recording again (${attempt + 1}/${ATTEMPTS})`,
      );
    }
  }
}

async function runOnce(
  url: string,
): Promise<{ scores: LighthouseScores; version: string; failed: string[] }> {
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new LighthouseRuntimeError(runtimeError.code, runtimeError.message);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    const failed = Object.values(audits)
      .filter(
        (audit) =>
          audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative',
      )
      .map((audit) => audit.id)
      .sort();
    return {
      version: result.lhr.lighthouseVersion,
      failed,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: numeric('largest-contentful-paint'),
        tbtMs: numeric('total-blocking-time'),
        cls: numeric('cumulative-layout-shift'),
      },
    };
  } finally {
    chrome.kill();
  }
}

export async function runLighthouse(url: string, runs: number): Promise<LighthouseResult> {
  const results = [];
  for (let index = 0; index < runs; index += 1) {
    progress(`Lighthouse run ${index + 1}/${runs} on ${url} …`);
    const run = await runOnceWithRetry(url);
    progress(
      `  performance ${run.scores.performance}, accessibility ${run.scores.accessibility}, ` +
        `best practices ${run.scores.bestPractices}, SEO ${run.scores.seo}`,
    );
    results.push(run);
  }
  const runsScores = results.map((run) => run.scores);
  const pick = (key: keyof LighthouseScores) => median(runsScores.map((scores) => scores[key]));
  const medianPerformance = pick('performance');
  return {
    version: results[0]?.version ?? 'unknown',
    runs: runsScores,
    median: {
      performance: medianPerformance,
      accessibility: pick('accessibility'),
      bestPractices: pick('bestPractices'),
      seo: pick('seo'),
      lcpMs: pick('lcpMs'),
      tbtMs: pick('tbtMs'),
      cls: pick('cls'),
    },
    failedAudits: [...new Set(results.flatMap((run) => run.failed))].sort(),
    retries: results.reduce((sum, run) => sum + run.retries, 0),
  };
}
