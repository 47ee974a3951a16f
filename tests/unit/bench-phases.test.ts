import { describe, expect, it } from 'vitest';
import type { AppKind, BuildMeasurement } from '../../bench/build';
import { NEXT_BUILD_PHASES, phaseTimes, phaseWatcher, type Phase } from '../../bench/phases';
import { report } from '../../bench/report';
import { phaseMedians, type Results } from '../../bench/results';
import { runMeasured } from '../../bench/util';
import { TEST_ENVIRONMENT } from '../support/bench-results';

/** What `next build` 16.4 printed for the minimal app (type check on, one worker). */
const MINIMAL_LOG = `▲ Next.js 16.4.6 (Turbopack)
  Creating an optimized production build ...
✓ Compiled successfully in 5.6s
  Running TypeScript ...
  Finished TypeScript in 3.0s ...
  Collecting page data using 1 worker ...
  Generating static pages using 1 worker (0/1002) ...
  Generating static pages using 1 worker (250/1002)
✓ Generating static pages using 1 worker (1002/1002) in 20.6s
  Finalizing page optimization ...
`;

/** …and for Cornerstone (type check in `npm run typecheck`, two workers). */
const CORNERSTONE_LOG = `▲ Next.js 16.4.6 (Turbopack)
  Creating an optimized production build ...
✓ Compiled successfully in 10.2s
  Skipping validation of types
  Collecting page data using 2 workers ...
  Generating static pages using 2 workers (0/2619) ...
  Generating static pages using 2 workers (654/2619)
✓ Generating static pages using 2 workers (2619/2619) in 39.1s
  Finalizing page optimization ...
`;

const NAMES = NEXT_BUILD_PHASES.map((mark) => mark.name);

/** The phases the watcher reaches when `log` arrives in chunks of `size` characters. */
function reachedIn(log: string, size: number): string[] {
  const reached: string[] = [];
  const watch = phaseWatcher(NEXT_BUILD_PHASES, (name) => reached.push(name));
  for (let end = size; end < log.length + size; end += size) watch(log.slice(0, end));
  return reached;
}

describe('bench build phases', () => {
  it("finds every phase of both apps' `next build` output, once each, in order", () => {
    for (const log of [MINIMAL_LOG, CORNERSTONE_LOG]) {
      expect(reachedIn(log, log.length)).toEqual(NAMES.slice(1));
      // Output arrives in chunks that can split a line anywhere.
      expect(reachedIn(log, 7)).toEqual(NAMES.slice(1));
    }
    // Coloured output (a terminal, or FORCE_COLOR) has codes between the tick and the words.
    const coloured = CORNERSTONE_LOG.replace('✓ Generating', '\u001b[32m✓\u001b[39m Generating');
    expect(reachedIn(coloured, 11)).toEqual(NAMES.slice(1));
    // The first phase starts with the command, never again on a line of its own.
    const reached: string[] = [];
    const watch = phaseWatcher(
      [
        { name: 'a', startsAt: /x/ },
        { name: 'b', startsAt: /y/ },
      ],
      (name) => reached.push(name),
    );
    watch('x y');
    expect(reached).toEqual(['b']);
    // The progress lines after the first do not start prerendering again.
    expect(reachedIn(CORNERSTONE_LOG.replace('(0/2619) ...', '(654/2619)'), 50)).not.toContain(
      'prerendering',
    );
  });

  it('splits a run at the phase starts, folding a phase that never started into the one before', () => {
    const phases = phaseTimes(
      'compiling',
      [
        // Listed out of order: the phases follow the clock.
        { name: 'prerendering', ms: 30_000, cpuSeconds: 40 },
        { name: 'collecting page data', ms: 10_000, cpuSeconds: 15 },
        { name: 'finishing', ms: 50_000, cpuSeconds: 79.9 },
      ],
      { ms: 51_000, cpuSeconds: 81 },
    );
    expect(phases.map((phase) => [phase.name, phase.wallMs])).toEqual([
      ['compiling', 10_000],
      ['collecting page data', 20_000],
      ['prerendering', 20_000],
      ['finishing', 1_000],
    ]);
    const cpu = phases.map((phase) => phase.cpuSeconds);
    [15, 25, 39.9, 1.1].forEach((expected, index) => expect(cpu[index]).toBeCloseTo(expected));
    const sum = phases.reduce((total, phase) => total + phase.wallMs, 0);
    expect(sum).toBe(51_000);
  });

  it('times the phases of a real command by the lines it prints', async () => {
    // Spins for the CPU time given (not clock time, which a busy machine stretches), then prints.
    const script = `
      const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
      const spin = (ms) => { const end = cpu() + ms; while (cpu() < end); };
      spin(300); console.log('Collecting page data using 1 worker ...');
      spin(600); console.log('Generating static pages using 1 worker (0/3) ...');
      spin(100);`;
    const result = await runMeasured(process.execPath, ['-e', script], {
      label: 'phases',
      sampleMs: 50,
      phases: NEXT_BUILD_PHASES,
    });
    expect(result.phases?.map((phase) => phase.name)).toEqual([
      'compiling',
      'collecting page data',
      'prerendering',
    ]);
    const [compiling, collecting, prerendering] = result.phases ?? [];
    // Node's own start-up counts in the first phase; /proc counts in hundredths of a second.
    expect(compiling?.cpuSeconds).toBeGreaterThanOrEqual(0.25);
    expect(collecting?.cpuSeconds).toBeGreaterThanOrEqual(0.5);
    expect(collecting?.cpuSeconds).toBeLessThan(0.8);
    // Wall time is the CPU's plus whatever delays each line: only a floor holds on a busy machine.
    expect(collecting?.wallMs).toBeGreaterThanOrEqual(300);
    expect(prerendering?.cpuSeconds).toBeLessThan(0.4);
  });
});

function build(app: AppKind, seconds: number, phases: Phase[]): BuildMeasurement {
  return {
    app,
    articles: 1000,
    kind: 'cold',
    wallMs: seconds * 1000,
    peakRssBytes: 1e9,
    peakSingleRssBytes: 1e9,
    phases,
    routes: [],
    articleOutputs: {},
  };
}

const phases = (compile: number, collect: number, prerender: number): Phase[] => [
  { name: 'compiling', wallMs: compile * 1000, cpuSeconds: compile * 1.6 },
  { name: 'collecting page data', wallMs: collect * 1000, cpuSeconds: collect * 2 },
  { name: 'prerendering', wallMs: prerender * 1000, cpuSeconds: prerender * 1.9 },
];

function results(builds: BuildMeasurement[]): Results {
  return {
    environment: TEST_ENVIRONMENT,
    options: {
      sizes: [1000],
      sections: ['build'],
      lighthouseRuns: 3,
      durationSeconds: 10,
      connections: 10,
      buildRuns: 3,
    },
    builds,
    checks: [],
    errors: [],
  };
}

describe('bench report: build phases', () => {
  it('takes each phase’s median over the runs on its own', () => {
    const run = results([
      build('project', 50, phases(10, 18, 22)),
      build('project', 70, phases(9, 20, 41)),
      build('project', 60, phases(12, 19, 29)),
    ]);
    expect(phaseMedians(run, 'project', 1000)).toEqual([
      { name: 'compiling', wallMs: 10_000, cpuSeconds: 16 },
      { name: 'collecting page data', wallMs: 19_000, cpuSeconds: 38 },
      { name: 'prerendering', wallMs: 29_000, cpuSeconds: 29 * 1.9 },
    ]);
    expect(phaseMedians(run, 'minimal', 1000)).toEqual([]);
  });

  it('prints where each app’s build time went, beside the minimal app', () => {
    const text = report(
      results([
        build('minimal', 30, phases(6, 0.05, 21)),
        build('minimal-cards', 41, phases(6, 0.05, 31)),
        build('project-no-cards', 48, phases(9, 18, 21)),
        build('project', 70, phases(11, 19.5, 39)),
      ]),
    );
    expect(text).toContain(
      '| Cold build, 1,000 articles, collecting page data (median per phase) | 19.5 s, 39.0 CPU-s; without its share cards: 18.0 s, 36.0 CPU-s | 0.1 s, 0.1 CPU-s; with share cards: 0.1 s, 0.1 CPU-s |  |',
    );
    expect(text).toContain(
      '| Cold build, 1,000 articles, prerendering (median per phase) | 39.0 s, 74.1 CPU-s; without its share cards: 21.0 s, 39.9 CPU-s | 21.0 s, 39.9 CPU-s; with share cards: 31.0 s, 58.9 CPU-s | 1.86× |',
    );
    // A run without phases (stored before they were measured) prints none.
    const old = results([build('minimal', 30, []), build('project', 70, [])]);
    expect(report(old)).not.toContain('median per phase');
  });
});
