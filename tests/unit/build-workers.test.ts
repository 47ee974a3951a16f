import { describe, expect, it } from 'vitest';
import { BUILD_WORKER_SEMI_SPACE_MB, buildWorkerNodeOptions } from '@/lib/build-workers';

describe('buildWorkerNodeOptions', () => {
  const flag = `--max-semi-space-size=${BUILD_WORKER_SEMI_SPACE_MB}`;

  it('adds the semi-space size when NODE_OPTIONS is unset or blank', () => {
    expect(buildWorkerNodeOptions(undefined)).toBe(flag);
    expect(buildWorkerNodeOptions('  ')).toBe(flag);
  });

  it('keeps what the person building set, and adds to it', () => {
    expect(buildWorkerNodeOptions('--max-old-space-size=8192')).toBe(
      `--max-old-space-size=8192 ${flag}`,
    );
  });

  it('keeps a semi-space size set by hand, in either spelling', () => {
    expect(buildWorkerNodeOptions('--max-semi-space-size=16')).toBe('--max-semi-space-size=16');
    expect(buildWorkerNodeOptions('--inspect --max_semi_space_size=8')).toBe(
      '--inspect --max_semi_space_size=8',
    );
  });

  it('is idempotent: next.config.ts is loaded again inside each worker', () => {
    const once = buildWorkerNodeOptions('--enable-source-maps');
    expect(buildWorkerNodeOptions(once)).toBe(once);
  });
});
