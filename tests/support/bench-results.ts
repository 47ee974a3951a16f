/** The machine a bench run's fixtures claim to have measured on, shared by the bench tests. */
import type { Environment } from '../../bench/results';

export const TEST_ENVIRONMENT: Environment = {
  date: '2026-11-26T12:00:00.000Z',
  commit: 'abc',
  dirty: false,
  node: 'v20',
  next: '16.4.6',
  lighthouse: '12.8.2',
  platform: 'Linux',
  cpus: 2,
  cpuModel: 'test',
  memoryBytes: 24 * 1024 ** 3,
  loadAverageAtStart: [0, 0, 0],
};
