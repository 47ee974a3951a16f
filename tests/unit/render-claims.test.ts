import { spawn } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { CLAIM_TAG_VARIABLE, claim, claimHolder, release } from '@/lib/render-claims';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cornerstone-claims-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** A process that stays alive until the test ends, to hold claims. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  onTestFinished(() => {
    child.kill();
  });
  if (child.pid === undefined) throw new Error('no process started');
  return child.pid;
}

describe('claims on render-cache entries', () => {
  it('records the claimant’s pid, and its tag when the environment gives one', () => {
    const entry = path.join(dir, 'a.json');
    expect(claim(entry)).toBe(true);
    expect(readFileSync(`${entry}.claim`, 'utf8')).toBe(String(process.pid));
    // Its own claim holds nothing up for this process.
    expect(claimHolder(entry)).toBeUndefined();
    release(entry);
    vi.stubEnv(CLAIM_TAG_VARIABLE, 'run-7');
    expect(claim(entry)).toBe(true);
    expect(readFileSync(`${entry}.claim`, 'utf8')).toBe(`${process.pid} run-7`);
    release(entry);
    // A tag that could not share the line with the pid is left out.
    vi.stubEnv(CLAIM_TAG_VARIABLE, 'two words');
    expect(claim(entry)).toBe(true);
    expect(readFileSync(`${entry}.claim`, 'utf8')).toBe(String(process.pid));
    release(entry);
  });

  it('names the live process holding a claim, with its tag', () => {
    const pid = liveProcess();
    const entry = path.join(dir, 'b.json');
    writeFileSync(`${entry}.claim`, `${pid} run-7`);
    expect(claimHolder(entry)).toEqual({ pid, tag: 'run-7' });
    // Answered without creating a draft beside it: the folder is untouched. Its time is set in
    // the past first, so that a draft created and deleted within one tick of a coarse clock
    // would still show.
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(dir, past, past);
    expect(claim(entry)).toBe(false);
    expect(statSync(dir).mtimeMs).toBe(past.getTime());
    expect(readdirSync(dir)).toEqual(['b.json.claim']);
    // A claim without a tag: a build worker's, or one from before tags.
    writeFileSync(`${entry}.claim`, String(pid));
    expect(claimHolder(entry)).toEqual({ pid, tag: undefined });
  });

  it('takes over a claim whose process has gone, or that is unreadable', () => {
    const entry = path.join(dir, 'c.json');
    // Pids are below 2^22 on Linux: this one cannot be running.
    writeFileSync(`${entry}.claim`, '2147483000 run-7');
    expect(claimHolder(entry)).toBeUndefined();
    expect(claim(entry)).toBe(true);
    writeFileSync(`${entry}.claim`, 'not a pid');
    expect(claimHolder(entry)).toBeUndefined();
  });
});
