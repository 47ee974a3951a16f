/**
 * What the on-disk caches (rendered Markdown, share images) share: the fingerprint of the code
 * that produces their entries, and deleting the entries of versions that can no longer be hit.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/**
 * Whether the environment turns the Markdown render cache off: MARKDOWN_CACHE=off, or a test
 * run (tests render fixtures and must not depend on what an earlier build left on disk) that
 * names no cache directory of its own. The content check asks too: it starts no helpers when
 * their renders would have nowhere to go (scripts/check-helpers.ts).
 */
export function markdownCacheOff(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.MARKDOWN_CACHE === 'off' || (env.NODE_ENV === 'test' && !env.MARKDOWN_CACHE_DIR);
}

/**
 * A version for a cache: SHA-256 of the given files under `root` (by relative path) and of the
 * lockfile (library versions). It is read from disk rather than declared, because a
 * hand-bumped version is the one that gets forgotten. Undefined when a file is missing (a
 * deployed server without sources): the cache is then off rather than possibly stale.
 */
export function sourceFingerprint(root: string, files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  const hash = createHash('sha256');
  for (const file of files) {
    try {
      hash.update(file).update(readFileSync(path.join(root, file)));
    } catch {
      return undefined;
    }
  }
  const lockfile = findUp('package-lock.json', root);
  if (lockfile) hash.update(readFileSync(lockfile));
  return hash.digest('hex').slice(0, 16);
}

/** The nearest `name` in `from` or a parent directory. */
function findUp(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Entries live in one directory per pipeline version. A new version can never hit an old
 * entry, so the old directories are deleted instead of growing the cache with every edit to
 * lib/ or every upgrade. Best effort: a directory another process is still writing to only
 * costs that process its writes.
 */
export function pruneOtherVersions(base: string, keep: string): void {
  let entries;
  try {
    entries = readdirSync(base, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    try {
      rmSync(path.join(base, entry.name), { recursive: true, force: true });
    } catch {
      // Left for the next build to try again.
    }
  }
}

/**
 * Writes a cache entry so that readers in other processes see either no entry or a whole
 * one: to a temporary file, then renamed into place. Two processes writing the same entry
 * write the same bytes. A cache that cannot be written (read-only or full disk) only costs
 * speed, so failures are swallowed.
 */
export function writeEntryAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was created.
    }
  }
}
