/** Recursive directory listing shared by the content loader and the render cache's fingerprint. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` whose name passes `keep`, sorted; a missing folder lists nothing. */
export function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full, keep);
      return entry.isFile() && keep(entry.name) ? [full] : [];
    })
    .sort();
}
