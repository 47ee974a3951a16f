/**
 * Claims on render-cache entries, shared between processes: before rendering a missing entry a
 * process creates `<entry>.claim` holding its pid (and its tag, below), so that other processes
 * building the same content at the same time (Next's build workers, the content check and its
 * helpers) leave that document to it instead of rendering it too. A claim whose process has
 * gone, or that is older than CLAIM_STALE_MS, is taken over. lib/render-cache.ts decides what to
 * do with a claim.
 *
 * Versions before the tag wrote the pid alone. Read by this one, such a claim has no tag, which
 * no process waits for on account of its tag; read by one of them, a tagged claim is not a
 * number and is taken over, which costs a second render, never a wait.
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

/**
 * The environment variable a process's claims take their tag from. scripts/check.ts gives the
 * check and its helpers one fresh value per run, by which the check knows its helpers' claims
 * (it cannot be told their pids: it is already running, synchronously, when they start). Next's
 * build workers have no tag.
 */
export const CLAIM_TAG_VARIABLE = 'CORNERSTONE_CLAIM_TAG';

/** A tag is one word: it shares the claim file with the pid. */
const TAG = /^[\w-]+$/;

function ownTag(): string | undefined {
  const tag = process.env[CLAIM_TAG_VARIABLE];
  return tag && TAG.test(tag) ? tag : undefined;
}

/** The live process holding a claim, and the tag it claimed with, if any. */
export interface ClaimHolder {
  pid: number;
  tag: string | undefined;
}

/** Claims the entry for this process; false when another process holds the claim. */
export function claim(entry: string): boolean {
  // Held already, the usual answer for a build worker going down the same list as another: say
  // so without creating a draft. Each draft is a file created and deleted, and on ext4 without a
  // journal (this VM's disk) every file created afterwards steps over the inodes freed in the
  // last few seconds one by one. In a cold 1,000-article build that stepping was about 8 % of
  // the CPU while the workers rendered (perf, 2026-11-27), and half of the drafts were these.
  if (claimHolder(entry) !== undefined) return false;
  const file = claimPath(entry);
  // Written aside, then linked into place: a claim appears with its pid already in it. Created
  // empty and then written, it could be read empty in between, taken for a dead process's, and
  // claimed a second time.
  const draft = `${file}.${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tag = ownTag();
    writeFileSync(draft, tag ? `${process.pid} ${tag}` : String(process.pid));
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
  const [pidText = '', tag] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || age > CLAIM_STALE_MS) return undefined;
  // Loading is synchronous, so this process never waits on a claim of its own: one bearing
  // its pid was left by an earlier process that had the same pid.
  if (pid === process.pid) return undefined;
  const holder = { pid, tag: tag && TAG.test(tag) ? tag : undefined };
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
