/** The Markdown tables a run prints and writes to bench/results/latest.md. */
import type { AppKind } from './build';
import { NEXT_BUILD_PHASES, type Phase } from './phases';
import {
  buildSizes,
  cpuCell,
  disturbedMark,
  disturbedNotes,
  findBuild,
  kb,
  mbPerSecond,
  medianCell,
  msPerDoc,
  peakRss,
  phaseMedians,
  ratio,
  seconds,
  times,
  type Results,
} from './results';
import type { LoadResult } from './serve';
import { formatBytes } from './util';

/** "the real content" for the one real article, "1,000 articles" for generated ones. */
function sizeLabel(n: number): string {
  return n === 1 ? 'the real content' : `${n.toLocaleString('en')} articles`;
}

function table(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** Cold builds at each size, against the minimal app. */
function buildRows(results: Results): string[][] {
  const rows: string[][] = [];
  const sizes = buildSizes(results);
  for (const n of sizes) {
    const p = findBuild(results, 'project', n);
    const m = findBuild(results, 'minimal', n);
    if (!p || !m) continue;
    const peak = (app: AppKind) => formatBytes(peakRss(results, app, n) ?? 0);
    rows.push([
      `Cold build, ${sizeLabel(n)}`,
      `${medianCell(results, 'project', n)}, peak RSS ${peak('project')}`,
      `${medianCell(results, 'minimal', n)}, peak RSS ${peak('minimal')}`,
      times(p.wallMs, m.wallMs),
    ]);
  }
  return rows;
}

/** The same builds' CPU time. */
function cpuRows(results: Results): string[][] {
  const rows: string[][] = [];
  const sizes = buildSizes(results);
  // CPU time is steadier than wall time where the machine's speed drifts, and shows the work
  // done however it was spread over the cores.
  for (const n of sizes) {
    const p = cpuCell(results, 'project', n);
    const m = cpuCell(results, 'minimal', n);
    if (!p || !m) continue;
    rows.push([
      `CPU time of a cold build, ${sizeLabel(n)} (user + system)`,
      p.cell,
      m.cell,
      times(p.median, m.median),
    ]);
  }
  return rows;
}

/**
 * Cornerstone against the second reference (bench/minimal-app/cards): the minimal app with only
 * issue 4's share cards added, whose own ratio to the minimal app is in its cell; and Cornerstone
 * without its share cards against the minimal app, where the run built it.
 */
function cardRows(results: Results): string[][] {
  const rows: string[][] = [];
  const sizes = buildSizes(results);
  for (const n of sizes) {
    const p = findBuild(results, 'project', n);
    const c = findBuild(results, 'minimal-cards', n);
    const m = findBuild(results, 'minimal', n);
    if (!p || !c || !m) continue;
    rows.push([
      `Cold build, ${n.toLocaleString('en')} articles, against the minimal app plus a next/og share card per article`,
      medianCell(results, 'project', n),
      `${medianCell(results, 'minimal-cards', n)}: ${times(c.wallMs, m.wallMs)} the minimal app`,
      times(p.wallMs, c.wallMs),
    ]);
    const withoutCards = findBuild(results, 'project-no-cards', n);
    if (withoutCards) {
      rows.push([
        `Cold build, ${n.toLocaleString('en')} articles, Cornerstone without its share-image route`,
        medianCell(results, 'project-no-cards', n),
        medianCell(results, 'minimal', n),
        times(withoutCards.wallMs, m.wallMs),
      ]);
    }
  }
  return rows;
}

/**
 * Where the cold builds at the budget's size spent their time, phase by phase (bench/phases.ts):
 * Cornerstone, and without its share cards, against the minimal app, and with cards.
 */
function phaseRows(results: Results): string[][] {
  const n = buildSizes(results).includes(1000) ? 1000 : buildSizes(results).at(-1);
  if (n === undefined) return [];
  const byName = (app: AppKind) => new Map(phaseMedians(results, app, n).map((p) => [p.name, p]));
  const [project, withoutCards, minimal, minimalCards] = (
    ['project', 'project-no-cards', 'minimal', 'minimal-cards'] as const
  ).map(byName);
  if (!project?.size || !minimal?.size) return [];
  const cell = (phase: { wallMs: number; cpuSeconds: number } | undefined) =>
    phase ? `${seconds(phase.wallMs)}, ${phase.cpuSeconds.toFixed(1)} CPU-s` : 'none';
  const order = (name: string) => {
    const index = NEXT_BUILD_PHASES.findIndex((mark) => mark.name === name);
    return index < 0 ? NEXT_BUILD_PHASES.length : index;
  };
  const names = [...new Set([...project.keys(), ...minimal.keys()])];
  return names
    .sort((a, b) => order(a) - order(b))
    .map((name) => {
      const p = project.get(name);
      const m = minimal.get(name);
      const aside = (label: string, phases: Map<string, Phase> | undefined) =>
        phases?.size ? `; ${label}: ${cell(phases.get(name))}` : '';
      return [
        `Cold build, ${n.toLocaleString('en')} articles, ${name} (median per phase)`,
        `${cell(p)}${aside('without its share cards', withoutCards)}`,
        `${cell(m)}${aside('with share cards', minimalCards)}`,
        // A ratio with a phase under half a second (finishing, or the type check Cornerstone
        // leaves out) says nothing.
        p && m && p.wallMs >= 500 && m.wallMs >= 500 ? times(p.wallMs, m.wallMs) : '',
      ];
    });
}

/** What each article beyond 100 adds to a build. */
function perArticleRows(results: Results): string[][] {
  const rows: string[][] = [];
  const sizes = buildSizes(results);
  for (let index = 1; index < sizes.length; index += 1) {
    const from = sizes[index - 1] ?? 0;
    const to = sizes[index] ?? 0;
    if (from < 100) continue;
    const per = (app: 'project' | 'minimal') => {
      const a = findBuild(results, app, from);
      const b = findBuild(results, app, to);
      return a && b ? (b.wallMs - a.wallMs) / (to - from) : Number.NaN;
    };
    const [project, minimal] = [per('project'), per('minimal')];
    rows.push([
      `Build ms per extra article, ${from.toLocaleString('en')}→${to.toLocaleString('en')}`,
      `${project.toFixed(1)} ms`,
      `${minimal.toFixed(1)} ms`,
      times(project, minimal),
    ]);
  }
  return rows;
}

/** A rebuild after one edit. */
function rebuildRows(results: Results): string[][] {
  const rows: string[][] = [];
  const rebuild = results.rebuild;
  if (rebuild) {
    rows.push([
      `Rebuild after editing 1 of ${rebuild.articles.toLocaleString('en')}`,
      `${seconds(rebuild.project.wallMs)}${disturbedMark(rebuild.project)}, ${rebuild.renderedDocuments.length} doc re-rendered (${rebuild.cacheHits} cache hits)`,
      `${seconds(rebuild.minimal.wallMs)}${disturbedMark(rebuild.minimal)} (no cache)`,
      times(rebuild.project.wallMs, rebuild.minimal.wallMs),
    ]);
  }
  return rows;
}

/** `npm run build`, step by step. */
function fullBuildRows(results: Results): string[][] {
  const rows: string[][] = [];
  const full = results.fullBuild;
  const minimalAtFull = full && findBuild(results, 'minimal', full.articles);
  if (full) {
    // Each step by the program it runs: "tsx … scripts/check.ts …" is the content check.
    const stepName = (command: string) =>
      command.includes('check.ts')
        ? 'content check'
        : command.includes('next build')
          ? 'next build'
          : command.includes('search-index')
            ? 'search index'
            : command;
    const steps = full.steps.map(
      (step) => `${stepName(step.command)} ${seconds(step.wallMs)}${disturbedMark(step)}`,
    );
    rows.push([
      `\`npm run build\` from nothing, ${full.articles.toLocaleString('en')} articles (one run)`,
      `${seconds(full.wallMs)}: ${steps.join(', ')}; peak RSS ${formatBytes(full.peakRssBytes)}`,
      minimalAtFull ? `${medianCell(results, 'minimal', full.articles)} (\`next build\`)` : '',
      minimalAtFull ? times(full.wallMs, minimalAtFull.wallMs) : '',
    ]);
  }
  return rows;
}

/** What the 1,000-article build wrote per article, share images included. */
function outputRows(results: Results): string[][] {
  const rows: string[][] = [];
  const big = results.builds.find((b) => b.app === 'project' && b.articles === 1000);
  if (big) {
    // Route-level files (the page's server chunk, source map, manifests) are not per article.
    const perArticle = Object.entries(big.articleOutputs)
      .filter(([, v]) => v.files >= big.articles / 2)
      .map(
        ([ext, v]) =>
          `${ext} ${(v.files / big.articles).toFixed(1)} (${kb(v.bytes / big.articles)})`,
      )
      .join(', ');
    rows.push(['Prerendered files per article (1,000 run)', perArticle || 'none', '', '']);
    // A prerendered route handler's response is stored as <name>.body beside <name>.meta.
    const images = big.ogOutputs?.['.body'];
    const referenceCards = results.builds.find(
      (b) => b.app === 'minimal-cards' && b.articles === big.articles,
    )?.ogOutputs?.['.body'];
    if (images?.files) {
      rows.push([
        'Share images drawn in the 1,000 run (next/og)',
        `${images.files.toLocaleString('en')} PNGs, ${kb(images.bytes / images.files)} each`,
        referenceCards?.files
          ? `none in the minimal app; ${referenceCards.files.toLocaleString('en')} PNGs, ${kb(referenceCards.bytes / referenceCards.files)} each, in the minimal app with cards`
          : 'none (the reference draws no images)',
        '',
      ]);
    }
  }
  return rows;
}

/** The Markdown pipeline against a minimal unified one. */
function pipelineRows(results: Results): string[][] {
  const rows: string[][] = [];
  const pipeline = results.pipeline;
  if (pipeline) {
    const cell = (pass: { ms: number; documents: number; bytes: number } | undefined) =>
      `${msPerDoc(pass).toFixed(2)} ms/article, ${mbPerSecond(pass).toFixed(2)} MB/s`;
    const [libCold, libWarm] = pipeline.lib.passes;
    const [minCold, minWarm] = pipeline.minimal.passes;
    rows.push(
      [
        'Markdown, cold process',
        cell(libCold),
        cell(minCold),
        times(msPerDoc(libCold), msPerDoc(minCold)),
      ],
      [
        'Markdown, warm process',
        cell(libWarm),
        cell(minWarm),
        times(msPerDoc(libWarm), msPerDoc(minWarm)),
      ],
      [
        'Markdown via render cache, empty → filled',
        `${cell(pipeline.cacheCold.passes[0])} → ${cell(pipeline.cacheWarm.passes[0])}`,
        cell(minCold),
        `${times(msPerDoc(pipeline.cacheWarm.passes[0]), msPerDoc(minCold))} (warm cache)`,
      ],
    );
  }
  return rows;
}

/** The article's bytes against a bare Next.js page. */
function weightRows(results: Results): string[][] {
  const rows: string[][] = [];
  const weight = results.weight;
  if (weight) {
    rows.push(
      [
        'Article HTML, gzip',
        kb(weight.project.htmlGzip),
        `${kb(weight.bare.htmlGzip)} (bare page)`,
        '',
      ],
      ['Article CSS, gzip', kb(weight.project.cssGzip), kb(weight.bare.cssGzip), ''],
      [
        'Article JS, gzip',
        `${kb(weight.project.jsGzip)} (${weight.project.scripts.length} files)`,
        `${kb(weight.bare.jsGzip)} (${weight.bare.scripts.length} files)`,
        `+${kb(weight.ownJsGzip)} own JS`,
      ],
    );
  }
  return rows;
}

/** Lighthouse's scores and metrics. */
function lighthouseRows(results: Results): string[][] {
  const rows: string[][] = [];
  const lh = results.lighthouse;
  if (lh) {
    const m = lh.median;
    rows.push(
      [
        `Lighthouse ${lh.version} mobile, median of ${lh.runs.length}`,
        `perf ${m.performance}, a11y ${m.accessibility}, best practices ${m.bestPractices}, SEO ${m.seo}`,
        'budget: ≥95, 100, ≥95, 100',
        '',
      ],
      [
        'LCP / TBT / CLS',
        `${(m.lcpMs / 1000).toFixed(2)} s / ${m.tbtMs.toFixed(0)} ms / ${m.cls.toFixed(3)}`,
        '',
        '',
      ],
    );
  }
  return rows;
}

/** Throughput and latency against nginx. */
function servingRows(results: Results): string[][] {
  const rows: string[][] = [];
  const serving = results.serving;
  if (serving) {
    const cell = (r: LoadResult) =>
      `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors`;
    const row = (measure: string, server: string, load: LoadResult) =>
      rows.push([
        measure,
        `${server}: ${cell(load)}`,
        `nginx: ${cell(serving.nginx)}`,
        `${ratio(load.requestsPerSecond, serving.nginx.requestsPerSecond).toFixed(3)}×`,
      ]);
    row(
      `Serving the article (${serving.next.connections} connections, ${serving.next.durationSeconds} s)`,
      'next start',
      serving.next,
    );
    if (serving.guarded) {
      row(
        'Serving the article through `npm start` (request guard + Next)',
        'npm start',
        serving.guarded,
      );
    }
  }
  return rows;
}

/** The measurement table's rows, section by section, in this order. */
const SECTIONS = [
  buildRows,
  cpuRows,
  cardRows,
  phaseRows,
  perArticleRows,
  rebuildRows,
  fullBuildRows,
  outputRows,
  pipelineRows,
  weightRows,
  lighthouseRows,
  servingRows,
];

export function report(results: Results): string {
  const rows = SECTIONS.flatMap((section) => section(results));
  const measurements = table(['Measure', 'Cornerstone', 'Reference (same run)', 'Ratio'], rows);
  const budgets = table(
    ['Budget', 'Required', 'Aim', 'Measured', 'Result'],
    results.checks.map((c) => [
      c.name,
      c.required,
      c.aim,
      c.measured,
      c.pass === undefined
        ? 'not measured'
        : !c.pass
          ? '**FAIL**'
          : c.aim && !c.aimMet
            ? 'pass (aim missed)'
            : 'pass',
    ]),
  );
  const errors = results.errors.length
    ? `\n${table(
        ['Section that failed', 'Error'],
        results.errors.map((e) => [e.section, e.message.split('\n')[0] ?? '']),
      )}\n`
    : '';
  const notes = disturbedNotes(results);
  const disturbed = notes.length ? `\n\n${notes.join('\n\n')}` : '';
  return `${measurements}${disturbed}\n\n${budgets}\n${errors}`;
}
