import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { claim, claimHolder, release } from '@/lib/render-claims';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cornerstone-claims-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
  it("records the claimant's pid and its parent's", () => {
    const entry = path.join(dir, 'a.json');
    expect(claim(entry)).toBe(true);
    expect(readFileSync(`${entry}.claim`, 'utf8')).toBe(`${process.pid} ${process.ppid}`);
    // Its own claim holds nothing up for this process.
    expect(claimHolder(entry)).toBeUndefined();
    release(entry);
  });

  it('names the live process holding a claim, with its parent when the claim says it', () => {
    const pid = liveProcess();
    const entry = path.join(dir, 'b.json');
    writeFileSync(`${entry}.claim`, `${pid} 4242`);
    expect(claimHolder(entry)).toEqual({ pid, parent: 4242 });
    expect(claim(entry)).toBe(false);
    // A claim from before parents were recorded.
    writeFileSync(`${entry}.claim`, String(pid));
    expect(claimHolder(entry)).toEqual({ pid, parent: undefined });
  });

  it('takes over a claim whose process has gone, or that is unreadable', () => {
    const entry = path.join(dir, 'c.json');
    // Pids are below 2^22 on Linux: this one cannot be running.
    writeFileSync(`${entry}.claim`, '2147483000 1');
    expect(claimHolder(entry)).toBeUndefined();
    expect(claim(entry)).toBe(true);
    writeFileSync(`${entry}.claim`, 'not a pid');
    expect(claimHolder(entry)).toBeUndefined();
  });
});
