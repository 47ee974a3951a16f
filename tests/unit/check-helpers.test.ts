import { describe, expect, it } from 'vitest';
import {
  HELPER_PART,
  helperArguments,
  helperCount,
  helpersDue,
  internalFlagIn,
  isHelperOf,
  MAX_HELPERS,
} from '../../scripts/check-helpers';

describe('helperCount: how many processes share the check', () => {
  it('starts one helper per core beyond the first, up to the maximum', () => {
    expect(helperCount(1, {})).toEqual({ count: 0 });
    expect(helperCount(2, {})).toEqual({ count: 1 });
    expect(helperCount(64, {})).toEqual({ count: MAX_HELPERS });
  });

  it('starts none when the render cache is off: their work would have nowhere to go', () => {
    expect(helperCount(8, { MARKDOWN_CACHE: 'off', CHECK_HELPERS: '2' })).toEqual({ count: 0 });
    // Tests keep the cache off unless they give it a folder of their own.
    expect(helperCount(8, { NODE_ENV: 'test' })).toEqual({ count: 0 });
    // A wrong number is refused all the same.
    expect(helperCount(8, { NODE_ENV: 'test', CHECK_HELPERS: 'two' })).toHaveProperty('error');
    expect(helperCount(2, { NODE_ENV: 'test', MARKDOWN_CACHE_DIR: '/tmp/cache' })).toEqual({
      count: 1,
    });
  });

  it('takes CHECK_HELPERS instead of the core count', () => {
    expect(helperCount(1, { CHECK_HELPERS: '2' })).toEqual({ count: 2 });
    expect(helperCount(8, { CHECK_HELPERS: '0' })).toEqual({ count: 0 });
  });

  it.each(['', 'two', '-1', '1.5', String(MAX_HELPERS + 1)])(
    'refuses CHECK_HELPERS=%j with the range it takes',
    (value) => {
      expect(helperCount(2, { CHECK_HELPERS: value })).toEqual({
        error: `CHECK_HELPERS must be a whole number from 0 to ${MAX_HELPERS}, not "${value}"`,
      });
    },
  );
});

describe('helperArguments: what the watching parent passed', () => {
  it('reads a helper part', () => {
    expect(helperArguments([HELPER_PART, '2/3'])).toEqual({
      role: 'helper',
      part: { part: 2, parts: 3 },
    });
  });

  it('refuses a part outside 1 to parts - 1 (part 0 is the check itself)', () => {
    expect(() => helperArguments([HELPER_PART, '0/2'])).toThrow(/from 1 to parts - 1/);
    expect(() => helperArguments([HELPER_PART, '2/2'])).toThrow(/from 1 to parts - 1/);
    expect(() => helperArguments([HELPER_PART, 'half'])).toThrow();
  });

  it('reads the check’s own flag', () => {
    expect(helperArguments(['--allow-warnings'])).toEqual({ role: 'check', allowWarnings: true });
    expect(helperArguments([])).toEqual({ role: 'check', allowWarnings: false });
  });
});

describe('helpersDue: when the helpers start', () => {
  it('starts them once, at the third parse: not for a warm cache, nor for an edit or two', () => {
    expect([0, 1, 2, 3, 4, 100].map(helpersDue)).toEqual([false, false, false, true, false, false]);
  });
});

describe('isHelperOf: whose claims the check waits for', () => {
  it('waits for claims made with its own tag, and for no other', () => {
    const isHelper = isHelperOf('run-1');
    expect(isHelper({ pid: 501, tag: 'run-1' })).toBe(true);
    // An earlier run's helper, whose pid another process may have now.
    expect(isHelper({ pid: 502, tag: 'run-0' })).toBe(false);
    // A build worker, or a `next dev` rendering the same body.
    expect(isHelper({ pid: 503, tag: undefined })).toBe(false);
  });

  it('waits for no one without a tag of its own', () => {
    expect(isHelperOf(undefined)({ pid: 504, tag: undefined })).toBe(false);
  });
});

describe('internalFlagIn: flags a user may not pass to the check', () => {
  it('finds the helper flags among the arguments, and nothing else', () => {
    expect(internalFlagIn(['--allow-warnings'])).toBeUndefined();
    expect(internalFlagIn(['--allow-warnings', HELPER_PART, '1/2'])).toBe(HELPER_PART);
  });
});
