/**
 * Process, timing and HTTP helpers shared by the benchmark sections. Every child the bench
 * starts runs in its own process group and is tracked here, so Ctrl-C or a failure kills the
 * builds, servers and browsers it started, and nothing else on this shared machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const workDir = path.join(repoRoot, 'bench/.work');
export const nextBin = path.join(repoRoot, 'node_modules/next/dist/bin/next');

const started = Date.now();
const children = new Set<ChildProcess>();

function stamp(): string {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Progress goes to stderr so stdout carries only the results table. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${stamp()}] ${message}\n`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function killAllChildren(): void {
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
}

let handlersInstalled = false;
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      progress(`${signal}: stopping the processes the bench started`);
      killAllChildren();
      process.exit(130);
    });
  }
}

export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Where the child's output goes; by default it is collected and returned. */
  inherit?: boolean;
}

/** Starts a tracked child in its own process group (so its whole tree can be stopped). */
export function start(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  installHandlers();
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', options.inherit ? 'inherit' : 'pipe', options.inherit ? 'inherit' : 'pipe'],
    detached: true,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export interface RunResult {
  code: number | null;
  output: string;
  wallMs: number;
  peakRssBytes: number;
  peakSingleRssBytes: number;
}

/**
 * Everything a child writes to stdout and stderr, as it arrives. The streams decode it, not each
 * chunk on its own: a chunk can end inside a multi-byte character such as the route table's ├.
 */
export function collectOutput(child: ChildProcess): () => string {
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => (output += text));
  }
  return () => output;
}

/**
 * Runs a command to completion, sampling the summed RSS of its whole process tree from /proc
 * (Next.js builds in worker processes, so the parent's own peak would undercount).
 */
export async function runMeasured(
  command: string,
  args: string[],
  options: SpawnOptions & { label: string; sampleMs?: number },
): Promise<RunResult> {
  const begin = performance.now();
  const child = start(command, args, options);
  const output = collectOutput(child);
  let peak = 0;
  let peakSingle = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const usage = treeRss(child.pid);
    peak = Math.max(peak, usage.total);
    peakSingle = Math.max(peakSingle, usage.largest);
  };
  const sampler = setInterval(sample, options.sampleMs ?? 250);
  let lastReport = Date.now();
  const ticker = setInterval(() => {
    if (Date.now() - lastReport < 15_000) return;
    lastReport = Date.now();
    const seconds = Math.round((performance.now() - begin) / 1000);
    progress(`  … ${options.label}: ${seconds} s, peak RSS so far ${formatBytes(peak)}`);
  }, 1000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    // 'close', not 'exit': it waits for the output streams to end, and the route table the
    // prerendering check reads is among the last lines a build prints.
    child.once('close', (exitCode) => resolve(exitCode));
  });
  clearInterval(sampler);
  clearInterval(ticker);
  return {
    code,
    output: output(),
    wallMs: performance.now() - begin,
    peakRssBytes: peak,
    peakSingleRssBytes: peakSingle,
  };
}

/** Summed and largest VmRSS over a process and all its descendants. */
export function treeRss(rootPid: number): { total: number; largest: number } {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses; fields resume after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process exited while we looked.
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  let largest = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const bytes = match ? Number(match[1]) * 1024 : 0;
      total += bytes;
      largest = Math.max(largest, bytes);
    } catch {
      // Exited.
    }
  }
  return { total, largest };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** First free loopback port in [from, to]; the bench owns a fixed range on shared machines. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port += 1) if (await canListen(port)) return port;
  throw new Error(`no free port in ${from}-${to}`);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET without Accept-Encoding, so the body is the bytes before any transfer compression. */
export function getRaw(url: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout fetching ${url}`)));
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await getRaw(url);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms: ${String(lastError)}`);
}
