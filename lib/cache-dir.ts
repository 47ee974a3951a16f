/**
 * What the on-disk caches (rendered Markdown, share images) share: finding the lockfile that
 * versions them, and deleting the entries of versions that can no longer be hit.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The nearest `name` in `from` or a parent directory. */
export function findUp(name: string, from: string): string | undefined {
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
