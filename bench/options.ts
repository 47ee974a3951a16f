/** `npm run bench`'s command line; every flag is described in bench/README.md. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './util';

const SECTIONS = ['build', 'pipeline', 'weight', 'lighthouse', 'serve'] as const;
export type Section = (typeof SECTIONS)[number];

interface Options {
  check: boolean;
  sizes: number[];
  sections: Set<Section>;
  lighthouseRuns: number;
  durationSeconds: number;
  connections: number;
  /** Cold builds per app and synthetic size; the tables and budgets use the median. */
  buildRuns: number;
}

function isSection(name: string): name is Section {
  return SECTIONS.some((section) => section === name);
}

/**
 * Whether a run measured everything the READMEs' table shows, the way the issue asks: every
 * section, the 100- and 1,000-article builds, three builds per app and three Lighthouse runs.
 */
export function isFullRun(options: Options): boolean {
  return (
    SECTIONS.every((name) => options.sections.has(name)) &&
    [100, 1000].every((size) => options.sizes.includes(size)) &&
    options.buildRuns >= 3 &&
    options.lighthouseRuns === 3
  );
}

export function parseOptions(argv: string[]): Options {
  const options: Options = {
    check: false,
    sizes: [100, 1000],
    sections: new Set(SECTIONS),
    lighthouseRuns: 3,
    durationSeconds: 10,
    connections: 10,
    buildRuns: 3,
  };
  const value = (index: number, flag: string) => {
    const next = argv[index + 1];
    if (next === undefined) throw new Error(`${flag} needs a value`);
    return next;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--check') options.check = true;
    else if (arg === '--full') options.sizes.push(10_000);
    else if (arg === '--sizes') {
      options.sizes = value(index, arg).split(',').map(Number);
      index += 1;
    } else if (arg === '--n') {
      options.sizes.push(...value(index, arg).split(',').map(Number));
      index += 1;
    } else if (arg === '--only') {
      const names = value(index, arg).split(',');
      const unknown = names.filter((name) => !isSection(name));
      if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}`);
      options.sections = new Set(names.filter(isSection));
      index += 1;
    } else if (arg === '--lighthouse-runs') {
      options.lighthouseRuns = Number(value(index, arg));
      index += 1;
    } else if (arg === '--build-runs') {
      options.buildRuns = Number(value(index, arg));
      index += 1;
    } else if (arg === '--duration') {
      options.durationSeconds = Number(value(index, arg));
      index += 1;
    } else if (arg === '--connections') {
      options.connections = Number(value(index, arg));
      index += 1;
    } else if (arg === '--help') {
      process.stdout.write(readFileSync(path.join(repoRoot, 'bench/README.md'), 'utf8'));
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see bench/README.md)`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    throw new Error('--n takes article counts of 2 or more');
  }
  if (!Number.isInteger(options.buildRuns) || options.buildRuns < 1) {
    throw new Error('--build-runs takes a whole number of 1 or more');
  }
  options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  return options;
}
