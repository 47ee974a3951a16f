/**
 * Serving: `next start` and nginx side by side, one worker each, loopback only, bounded loads.
 * nginx serves the very bytes `next start` returns for the article (its prerendered HTML), so
 * the comparison is about the server, not the page.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  collectOutput,
  freePort,
  nextBin,
  progress,
  start,
  stop,
  waitForHttp,
  workDir,
} from './util';

export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function serve(child: ChildProcess, url: string, probe: string): Promise<Server> {
  const output = collectOutput(child);
  try {
    await waitForHttp(probe, 60_000);
  } catch (error) {
    await stop(child);
    throw new Error(`${String(error)}\n${output().slice(-2000)}`);
  }
  return { url, child, stop: () => stop(child) };
}

/**
 * A Node script serving `appDir` in production on a free loopback port, ready once `probePath`
 * answers. `script` is the script and its leading arguments; the port and host are added.
 */
async function startNodeServer(
  appDir: string,
  probePath: string,
  script: string[],
): Promise<Server> {
  const port = await freePort(3700, 3779);
  const child = start(process.execPath, [...script, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env: { NODE_ENV: 'production' },
  });
  const url = `http://127.0.0.1:${port}`;
  return serve(child, url, url + probePath);
}

/** `next start` is run with node directly, not through npx, so a signal reaches the server. */
export function startNext(appDir: string, probePath: string): Promise<Server> {
  return startNodeServer(appDir, probePath, [nextBin, 'start']);
}

/**
 * What `npm start` runs: scripts/serve.mjs, Next's request handler behind the request guard.
 * Measured beside plain `next start` so the guard's cost shows.
 */
export function startGuarded(appDir: string, probePath: string): Promise<Server> {
  return startNodeServer(appDir, probePath, [path.join(appDir, 'scripts/serve.mjs')]);
}

/** nginx in the foreground with one worker, serving `body` at `route` and nothing else. */
export async function startNginx(route: string, body: Buffer): Promise<Server> {
  const port = await freePort(3780, 3789);
  const prefix = path.join(workDir, 'nginx');
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(path.join(prefix, 'html'), { recursive: true });
  writeFileSync(path.join(prefix, 'html/page.html'), body);
  const config = `
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/html;
    location = ${route} {
      default_type text/html;
      try_files /page.html =404;
    }
  }
}
`;
  const configFile = path.join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  const child = start(nginxPath, ['-p', prefix, '-e', `${prefix}/error.log`, '-c', configFile]);
  const url = `http://127.0.0.1:${port}`;
  return serve(child, url, url + route);
}

export interface LoadResult {
  url: string;
  durationSeconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx responses. */
  errors: number;
}

export async function loadTest(
  url: string,
  durationSeconds: number,
  connections: number,
): Promise<LoadResult> {
  // A short warm-up so the first JIT and file-cache misses are not in the figures.
  await autocannon({ url, connections, duration: 2 });
  progress(`load ${url} for ${durationSeconds} s with ${connections} connections …`);
  const result = await autocannon({ url, connections, duration: durationSeconds });
  const summary = {
    url,
    durationSeconds: result.duration,
    connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
  progress(
    `  ${summary.requestsPerSecond.toFixed(0)} req/s, p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms, ${summary.errors} errors`,
  );
  return summary;
}
