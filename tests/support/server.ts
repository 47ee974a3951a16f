/**
 * Starts the production server for tests: scripts/serve.mjs (what `npm start` runs), run with
 * node directly so SIGTERM reaches the server itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const nextBin = path.join(repoRoot, 'node_modules/next/dist/bin/next');
export const serveScript = path.join(repoRoot, 'scripts/serve.mjs');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startNext(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [serveScript, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url);
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Builds the site unless TEST_SKIP_BUILD=1 says a fresh build is already there: the same two
 * steps as `npm run build`, the Next.js build and then the search index over its pages.
 */
export async function buildOnce(env: Record<string, string> = {}): Promise<void> {
  if (process.env.TEST_SKIP_BUILD === '1') return;
  await run(process.execPath, [nextBin, 'build'], env);
  await run(process.execPath, [path.join(repoRoot, 'scripts/build-search-index.mjs')], env);
}

/**
 * Global setup shared by the integration and browser suites: one production build and one
 * server for the whole run, or the server named by TEST_BASE_URL. Provides `baseUrl`.
 */
export async function provideProductionServer(
  provide: (baseUrl: string) => void,
): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.TEST_BASE_URL;
  if (external) {
    provide(external.replace(/\/$/, ''));
    return undefined;
  }
  await buildOnce();
  const server = await startNext();
  provide(server.url);
  return () => server.stop();
}
