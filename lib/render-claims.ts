/**
 * Claims on render-cache entries, shared between processes: before rendering a missing entry a
 * process creates `<entry>.claim` holding its pid and its parent's, so that other processes building the same
 * content at the same time (Next's build workers, the content check and its helpers) leave that
 * document to it instead of rendering it too. A claim whose process has gone, or that is older
 * than CLAIM_STALE_MS, is taken over. lib/render-cache.ts decides what to do with a claim.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How often a process waiting for another's render looks for the entry. */
export const CLAIM_POLL_MS = 5;
/** A claim older than this is abandoned even if its process still runs (a hung worker). */
const CLAIM_STALE_MS = 120_000;

function claimPath(entry: string): string {
  return `${entry}.claim`;
}

/** The live process holding a claim, and the process that started it. */
export interface ClaimHolder {
  pid: number;
  /**
   * Its parent when it claimed (undefined in a claim written without one). The content check
   * knows its helpers by this: they are its siblings, started by scripts/check.ts after it.
   */
  parent: number | undefined;
}

/** Claims the entry for this process; false when another process holds the claim. */
export function claim(entry: string): boolean {
  const file = claimPath(entry);
  // Written aside, then linked into place: a claim appears with its pid already in it. Created
  // empty and then written, it could be read empty in between, taken for a dead process's, and
  // claimed a second time.
  const draft = `${file}.${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(draft, `${process.pid} ${process.ppid}`);
    linkSync(draft, file);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) {
      if (claimHolder(entry) !== undefined) return false;
      // Left by a process that is gone: remove it and race for a fresh claim.
      rmSync(file, { force: true });
      return claim(entry);
    }
    // A cache that cannot be written only costs speed: render without a claim.
    return true;
  } finally {
    remove(draft);
  }
}

export function release(entry: string): void {
  remove(claimPath(entry));
}

/** Removes a file that may not be there, or whose folder cannot be (a blocked cache). */
function remove(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing to remove.
  }
}

/** The process holding a claim on the entry, if there is a claim and that process still runs. */
export function claimHolder(entry: string): ClaimHolder | undefined {
  let text: string;
  let age: number;
  try {
    const file = claimPath(entry);
    text = readFileSync(file, 'utf8');
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const [pid = Number.NaN, parent] = text.trim().split(/\s+/).map(Number);
  if (!Number.isInteger(pid) || pid <= 0 || age > CLAIM_STALE_MS) return undefined;
  // Loading is synchronous, so this process never waits on a claim of its own: one bearing
  // its pid was left by an earlier process that had the same pid.
  if (pid === process.pid) return undefined;
  const holder = { pid, parent: Number.isInteger(parent) ? parent : undefined };
  try {
    process.kill(pid, 0);
    return holder;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrorCode(error, 'EPERM') ? holder : undefined;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread: the content loader is synchronous, and so is the wait for a claim. */
export function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
