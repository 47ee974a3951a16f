import { describe, expect, it } from 'vitest';
import { isFullRun, parseOptions } from '../../bench/options';

describe('isFullRun: which runs replace the table the READMEs show', () => {
  it.each([
    [[], true],
    [['--check'], true],
    [['--full'], true],
    [['--n', '10000'], true],
    [['--only', 'lighthouse'], false],
    [['--only', 'build,pipeline,weight,lighthouse,serve'], true],
    [['--sizes', '10'], false],
    [['--sizes', '100,1000'], true],
    [['--build-runs', '1'], false],
    [['--lighthouse-runs', '5'], false],
  ])('%j → %s', (argv, full) => {
    expect(isFullRun(parseOptions(argv))).toBe(full);
  });
});
