import { describe, expect, it } from 'vitest';
import type { AppKind, BuildMeasurement } from '../../bench/build';
import { CONTENT_ROUTES, evaluate, isCdnCacheable } from '../../bench/budgets';
import type { LighthouseScores } from '../../bench/lighthouse';
import { report } from '../../bench/report';
import {
  DISTURBED_CORES,
  DISTURBED_MIN_CPU_SECONDS,
  isDisturbed,
  type Results,
} from '../../bench/results';
import type { LoadResult } from '../../bench/serve';
import { TEST_ENVIRONMENT } from '../support/bench-results';

const GB = 1024 ** 3;

function coldBuild(app: AppKind, articles: number, seconds: number, rssGb = 1): BuildMeasurement {
  return {
    app,
    articles,
    kind: 'cold',
    wallMs: seconds * 1000,
    peakRssBytes: rssGb * GB,
    peakSingleRssBytes: rssGb * GB,
    // What the bench reads from the build's route table: every page route prerendered.
    routes: CONTENT_ROUTES.map((route) => ({ route, symbol: route.includes('[') ? '●' : '○' })),
    articleOutputs: {},
  };
}

function load(requestsPerSecond: number, errors = 0): LoadResult {
  return {
    url: 'http://127.0.0.1:1/articles/x',
    durationSeconds: 10,
    connections: 10,
    requests: requestsPerSecond * 10,
    requestsPerSecond,
    p50Ms: 10,
    p99Ms: 30,
    errors,
  };
}

const scores = (performance: number): LighthouseScores => ({
  performance,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcpMs: 2300,
  tbtMs: 120,
  cls: 0.002,
});

/** A whole run; `builds` are listed in the order the bench runs them. */
function run(overrides: Partial<Results> = {}): Results {
  return {
    environment: TEST_ENVIRONMENT,
    options: {
      sizes: [1000],
      sections: ['build', 'weight', 'lighthouse', 'serve'],
      lighthouseRuns: 3,
      durationSeconds: 10,
      connections: 10,
      buildRuns: 3,
    },
    builds: [
      coldBuild('minimal', 1000, 30),
      coldBuild('minimal-cards', 1000, 48),
      coldBuild('project', 1000, 40, 1.5),
      coldBuild('minimal', 1000, 34),
      coldBuild('minimal-cards', 1000, 50),
      coldBuild('project', 1000, 80, 2.5),
      coldBuild('minimal', 1000, 31),
      coldBuild('minimal-cards', 1000, 46),
      coldBuild('project', 1000, 45, 1.8),
    ],
    weight: {
      project: {
        url: 'http://127.0.0.1:1/articles/x',
        htmlBytes: 80_000,
        htmlGzip: 18 * 1024,
        cssGzip: 5 * 1024,
        jsGzip: 176 * 1024,
        stylesheets: ['/a.css'],
        scripts: ['/a.js', '/b.js'],
      },
      bare: {
        url: 'http://127.0.0.1:2/posts/x',
        htmlBytes: 20_000,
        htmlGzip: 6 * 1024,
        cssGzip: 0,
        jsGzip: 170 * 1024,
        stylesheets: [],
        scripts: ['/a.js'],
      },
      ownJsGzip: 6 * 1024,
    },
    cacheability: [
      {
        url: 'http://127.0.0.1:1/',
        status: 200,
        cacheControl: 's-maxage=31536000',
        cacheable: true,
      },
    ],
    lighthouse: {
      version: '12.8.2',
      runs: [scores(98), scores(94), scores(95)],
      median: scores(95),
      failedAudits: [],
      retries: 0,
    },
    serving: { next: load(700), guarded: load(680), nginx: load(4300), sameBytes: true },
    rebuild: {
      articles: 1000,
      editedSlug: 'x',
      project: { ...coldBuild('project', 1000, 44), kind: 'rebuild' },
      minimal: { ...coldBuild('minimal', 1000, 29), kind: 'rebuild' },
      renders: 1,
      renderedDocuments: ['content/articles/x.md'],
      cacheHits: 2005,
      coldBuildRenders: 1002,
      coldBuildDocuments: 1002,
    },
    checks: [],
    errors: [],
    ...overrides,
  };
}

const byName = (results: Results) => new Map(evaluate(results).map((c) => [c.name, c]));

describe('bench budgets', () => {
  it('judges the build by the median of the interleaved cold runs, not by one slow run', () => {
    const build = byName(run()).get('Build time at 1,000 articles');
    // Medians: Cornerstone 45 s, minimal 31 s, minimal with cards 48 s.
    expect(build).toMatchObject({
      measured: '1.45× (the minimal app with only share cards added: 1.55×)',
      pass: true,
      aimMet: false,
    });
  });

  it('names what Cornerstone builds in without its share cards, where the run measured it', () => {
    const base = run();
    const results = run({
      builds: [
        ...base.builds,
        coldBuild('project-no-cards', 1000, 44),
        coldBuild('project-no-cards', 1000, 47),
        coldBuild('project-no-cards', 1000, 90),
      ],
    });
    // Medians: minimal 31 s, without the cards 47 s.
    expect(byName(results).get('Build time at 1,000 articles')?.measured).toBe(
      '1.45× (the minimal app with only share cards added: 1.55×; Cornerstone without its share cards: 1.52×)',
    );
    expect(report(results)).toContain(
      '| Cold build, 1,000 articles, Cornerstone without its share-image route | 47.0 s (median of 44.0, 47.0, 90.0 s) | 31.0 s (median of 30.0, 31.0, 34.0 s) | 1.52× |',
    );
    // A run without those builds prints no such row.
    expect(report(base)).not.toContain('without its share-image route');
  });

  it('fails a budget over its limit and names the figure', () => {
    const results = run({
      builds: [coldBuild('minimal', 1000, 30), coldBuild('project', 1000, 69, 4.2)],
    });
    const checks = byName(results);
    expect(checks.get('Build time at 1,000 articles')).toMatchObject({
      measured: '2.30×',
      pass: false,
    });
    expect(checks.get('Peak RSS at 1,000 articles')).toMatchObject({
      measured: '4.20 GB',
      pass: false,
    });
  });

  it('fails a cold build whose workers rendered a document twice', () => {
    const shared = run();
    expect(
      byName(shared).get('Cold build renders each document once (workers share)'),
    ).toMatchObject({ measured: '1002 render(s) of 1002 document(s)', pass: true });
    const rebuild = shared.rebuild && { ...shared.rebuild, coldBuildRenders: 1842 };
    expect(
      byName(run({ rebuild })).get('Cold build renders each document once (workers share)'),
    ).toMatchObject({ measured: '1842 render(s) of 1002 document(s)', pass: false });
  });

  it('takes the worst peak memory of the runs, since memory is a limit', () => {
    expect(byName(run()).get('Peak RSS at 1,000 articles')).toMatchObject({
      measured: '2.50 GB',
      pass: true,
      aimMet: false,
    });
  });

  it('checks Lighthouse on the median run and page weight against their bars', () => {
    const checks = byName(run());
    expect(checks.get('Lighthouse performance')).toMatchObject({ measured: '95', pass: true });
    expect(checks.get('Own client JS over bare Next')).toMatchObject({
      measured: '6.0 KB',
      pass: true,
      aimMet: false,
    });
    const slow = run({
      lighthouse: {
        version: '12.8.2',
        runs: [scores(94)],
        median: scores(94),
        failedAudits: [],
        retries: 0,
      },
    });
    expect(byName(slow).get('Lighthouse performance')).toMatchObject({ pass: false });
  });

  it('refuses throughput with errors even when it is fast enough', () => {
    const results = run({
      serving: { next: load(700, 3), guarded: load(680), nginx: load(4300), sameBytes: true },
    });
    expect(byName(results).get('`next start` throughput')).toMatchObject({
      measured: '0.163×, 3 errors',
      pass: false,
    });
  });

  it('fails the prerendering check when a build lists a page route as dynamic or not at all', () => {
    const dynamic = coldBuild('project', 1000, 40);
    dynamic.routes = dynamic.routes.map((r) =>
      r.route === '/faq' ? { ...r, symbol: 'ƒ' } : r.route === '/tags' ? { ...r, symbol: '' } : r,
    );
    const check = byName(run({ builds: [coldBuild('minimal', 1000, 30), dynamic] })).get(
      'Content pages prerendered (no ƒ routes)',
    );
    expect(check?.pass).toBe(false);
    expect(check?.measured).toContain('dynamic: /faq');
    expect(check?.measured).toContain('not listed as prerendered in 1000 articles (cold): /faq');
  });

  it('reads "not measured", never a pass, for the sections a run skipped', () => {
    const checks = evaluate(
      run({
        builds: [],
        weight: undefined,
        cacheability: undefined,
        lighthouse: undefined,
        serving: undefined,
        rebuild: undefined,
      }),
    );
    expect(checks.length).toBeGreaterThan(10);
    for (const check of checks) {
      expect(check).toMatchObject({ measured: 'not measured', pass: undefined });
    }
  });

  it('pins every budget of a run that meets them all, and which aims it misses', () => {
    const table = evaluate(run()).map(
      (c) => `${c.name} | ${c.required} | ${c.measured} | ${String(c.pass)} | ${String(c.aimMet)}`,
    );
    expect(table).toMatchInlineSnapshot(`
      [
        "Build time at 1,000 articles | ≤ 1.5× minimal | 1.45× (the minimal app with only share cards added: 1.55×) | true | false",
        "Peak RSS at 1,000 articles | ≤ 4 GB | 2.50 GB | true | false",
        "Own client JS over bare Next | ≤ 10 KB gzip | 6.0 KB | true | false",
        "Article HTML, gzip | ≤ 40 KB | 18.0 KB | true | true",
        "Article CSS, gzip | ≤ 15 KB | 5.0 KB | true | true",
        "Lighthouse performance | ≥ 95 | 95 | true | false",
        "Lighthouse accessibility | 100 | 100 | true | true",
        "Lighthouse SEO | 100 | 100 | true | true",
        "Lighthouse best practices | ≥ 95 | 100 | true | true",
        "\`next start\` throughput | ≥ 0.06× nginx, 0 errors | 0.163×, 0 errors | true | true",
        "\`npm start\` throughput (guard + Next) | ≥ 0.06× nginx, 0 errors | 0.158×, 0 errors | true | true",
        "Rebuild after editing 1 of 1,000 re-renders only it | 1 document | 1 document(s), 1 render(s) | true | true",
        "Cold build renders each document once (workers share) | each once | 1002 render(s) of 1002 document(s) | true | true",
        "Content pages prerendered (no ƒ routes) | none dynamic; the 10 page routes ○/● | none dynamic; all 10 page routes ○/● in every build | true | true",
        "Content pages CDN-cacheable | public caching allowed | /: s-maxage=31536000 | true | true",
      ]
    `);
  });

  it('holds each bar at its limit and refuses the step past it', () => {
    const weight = (html: number, css: number) => {
      const base = run().weight;
      if (!base) throw new Error('the fixture run has page weight');
      return run({
        weight: { ...base, project: { ...base.project, htmlGzip: html, cssGzip: css } },
      });
    };
    const pass = (results: Results, name: string) => byName(results).get(name)?.pass;
    expect(pass(weight(40 * 1024, 15 * 1024), 'Article HTML, gzip')).toBe(true);
    expect(pass(weight(40 * 1024, 15 * 1024), 'Article CSS, gzip')).toBe(true);
    expect(pass(weight(40 * 1024 + 1, 15 * 1024 + 1), 'Article HTML, gzip')).toBe(false);
    expect(pass(weight(40 * 1024 + 1, 15 * 1024 + 1), 'Article CSS, gzip')).toBe(false);
    const serving = (next: number) =>
      run({
        serving: { next: load(next), guarded: load(next), nginx: load(1000), sameBytes: true },
      });
    expect(pass(serving(60), '`next start` throughput')).toBe(true);
    expect(pass(serving(59), '`next start` throughput')).toBe(false);
    expect(pass(serving(59), '`npm start` throughput (guard + Next)')).toBe(false);
    const builds = (project: number) =>
      run({ builds: [coldBuild('minimal', 1000, 40), coldBuild('project', 1000, project)] });
    expect(pass(builds(60), 'Build time at 1,000 articles')).toBe(true);
    expect(pass(builds(60.1), 'Build time at 1,000 articles')).toBe(false);
    const lighthouse = (seo: number, bestPractices: number) =>
      run({
        lighthouse: {
          version: '12.8.2',
          runs: [],
          median: { ...scores(95), seo, bestPractices },
          failedAudits: [],
          retries: 0,
        },
      });
    expect(pass(lighthouse(99, 95), 'Lighthouse SEO')).toBe(false);
    expect(pass(lighthouse(100, 95), 'Lighthouse best practices')).toBe(true);
    expect(pass(lighthouse(100, 94), 'Lighthouse best practices')).toBe(false);
    const rebuilt = run();
    if (rebuilt.rebuild) rebuilt.rebuild.renderedDocuments.push('content/articles/y.md');
    expect(pass(rebuilt, 'Rebuild after editing 1 of 1,000 re-renders only it')).toBe(false);
  });

  it('counts only responses a shared cache may store as CDN-cacheable', () => {
    expect(isCdnCacheable(200, 'public, s-maxage=31536000')).toBe(true);
    expect(isCdnCacheable(200, 'private, no-cache, no-store, max-age=0, must-revalidate')).toBe(
      false,
    );
    expect(isCdnCacheable(200, 'max-age=0')).toBe(false);
    expect(isCdnCacheable(404, 's-maxage=31536000')).toBe(false);
  });
});

describe('bench report', () => {
  it('prints the measurements beside their references and the budget table with results', () => {
    const results = run();
    results.checks = evaluate(results);
    const text = report(results);
    expect(text).toContain(
      '| Cold build, 1,000 articles | 45.0 s (median of 40.0, 45.0, 80.0 s), peak RSS 2.50 GB | 31.0 s (median of 30.0, 31.0, 34.0 s), peak RSS 1.00 GB | 1.45× |',
    );
    expect(text).toContain(
      '| Serving the article (10 connections, 10 s) | next start: 700 req/s, p50 10 ms, p99 30 ms, 0 errors | nginx: 4300 req/s, p50 10 ms, p99 30 ms, 0 errors | 0.163× |',
    );
    expect(text).toContain(
      '| Build time at 1,000 articles | ≤ 1.5× minimal | ≤ 1.0× | 1.45× (the minimal app with only share cards added: 1.55×) | pass (aim missed) |',
    );
    expect(text).toContain('| Lighthouse accessibility | 100 |  | 100 | pass |');
  });
});

describe('bench report: CPU time and disturbed runs', () => {
  const withCpu = (build: BuildMeasurement, cpuSeconds: number, otherCpuSeconds = 0.4) => ({
    ...build,
    cpuSeconds,
    otherCpuSeconds,
  });

  it('prints the median CPU time of the cold builds beside the reference', () => {
    const results = run();
    results.builds = results.builds.map((build) =>
      build.app === 'project'
        ? withCpu(build, build.wallMs / 500)
        : withCpu(build, build.wallMs / 1000),
    );
    const text = report(results);
    expect(text).toContain(
      '| CPU time of a cold build, 1,000 articles (user + system) | 90 CPU-s (median of 80, 90, 160) | 31 CPU-s (median of 30, 31, 34) | 2.90× |',
    );
    expect(text).not.toContain('†');
  });

  it('marks a disturbed step of `npm run build` too', () => {
    const results = run();
    results.fullBuild = {
      articles: 1000,
      wallMs: 70_000,
      peakRssBytes: GB,
      steps: [
        { command: 'tsx scripts/check.ts', wallMs: 15_000, peakRssBytes: GB, otherCpuSeconds: 0.2 },
        { command: 'next build', wallMs: 50_000, peakRssBytes: GB, otherCpuSeconds: 20 },
        { command: 'node scripts/build-search-index.mjs', wallMs: 5_000, peakRssBytes: GB },
      ],
    };
    const text = report(results);
    expect(text).toContain('content check 15.0 s, next build 50.0 s†, search index 5.0 s;');
    expect(text).toContain(
      '† npm run build, 1,000 articles: next build, 50.0 s: other processes used 20.0 CPU-s meanwhile',
    );
  });

  it('marks a build that shared the machine with other work, and says how much', () => {
    const results = run();
    results.builds = results.builds.map((build) =>
      build.app === 'project' && build.articles === 1000 && build.wallMs === 80_000
        ? withCpu(build, 130, 31.24)
        : build,
    );
    const text = report(results);
    expect(text).toContain('45.0 s (median of 40.0, 45.0, 80.0† s)');
    expect(text).toContain(
      '† project, 1,000 articles, 80.0 s: other processes used 31.2 CPU-s meanwhile',
    );
    // A rate: the same CPU disturbs a short build and not a long one.
    expect(isDisturbed({ wallMs: 10_000, otherCpuSeconds: 10 * DISTURBED_CORES })).toBe(true);
    expect(isDisturbed({ wallMs: 80_000, otherCpuSeconds: 10 * DISTURBED_CORES })).toBe(false);
    // A quiet machine's background during a long build, as measured, is not a disturbance.
    expect(isDisturbed({ wallMs: 76_600, otherCpuSeconds: 1.5 })).toBe(false);
    expect(isDisturbed({ wallMs: 10_000 })).toBe(false);
    // Nor is a tick or two of background during a step under a second long.
    expect(isDisturbed({ wallMs: 800, otherCpuSeconds: 0.1 })).toBe(false);
    expect(isDisturbed({ wallMs: 800, otherCpuSeconds: DISTURBED_MIN_CPU_SECONDS })).toBe(true);
  });
});
