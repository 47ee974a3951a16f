/**
 * `npm run build:static`: the whole site as plain files in out/, with the same URLs.
 *
 * Next writes an export's build artefacts to `.next` whatever `distDir` says (a custom distDir
 * only renames the export folder), so this moves the server build aside for the length of the
 * export and puts it back afterwards: `npm start` keeps serving what `npm run build` made. The
 * export's own `.next` is kept under node_modules/.cache so the next export builds incrementally.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dotNext = path.join(root, '.next');
const cache = path.join(root, 'node_modules/.cache/cornerstone');
const serverBuild = path.join(cache, 'server-build');
const exportBuild = path.join(cache, 'export-build');

if (existsSync(serverBuild)) {
  throw new Error(
    `${serverBuild} exists: an earlier static build was interrupted. Move it back to .next ` +
      '(or delete it) and run again.',
  );
}
mkdirSync(cache, { recursive: true });

const hadServerBuild = existsSync(dotNext);
if (hadServerBuild) renameSync(dotNext, serverBuild);
if (existsSync(exportBuild)) renameSync(exportBuild, dotNext);

// Ctrl-C reaches `next build` too (same process group). Staying alive until it has exited lets
// the finally block put the server build back; the build runs asynchronously so that this
// process can still answer signals (tsx kills a child that does not).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => {});

let status: number | null = 1;
try {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'build'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, STATIC_EXPORT: '1' } },
  );
  status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
} finally {
  if (existsSync(dotNext)) {
    rmSync(exportBuild, { recursive: true, force: true });
    renameSync(dotNext, exportBuild);
  }
  if (hadServerBuild) renameSync(serverBuild, dotNext);
}
if (status === 0) {
  // The export gets its own search index, built from the exported pages themselves.
  const indexer = spawn(
    process.execPath,
    [path.join(root, 'scripts/build-search-index.mjs'), '--export'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  status = await new Promise<number | null>((resolve) =>
    indexer.once('exit', (code) => resolve(code)),
  );
}
process.exit(status ?? 1);
