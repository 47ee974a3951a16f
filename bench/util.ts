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
import { phaseTimes, phaseWatcher, type Phase, type PhaseMark, type PhaseStart } from './phases';

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
  /** Opens a fourth descriptor (fd 3) as a pipe from the child (see runMeasured). */
  reportPipe?: boolean;
}

/** Starts a tracked child in its own process group (so its whole tree can be stopped). */
export function start(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  installHandlers();
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: [
      'ignore',
      options.inherit ? 'inherit' : 'pipe',
      options.inherit ? 'inherit' : 'pipe',
      ...(options.reportPipe ? (['pipe'] as const) : []),
    ],
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
  /** CPU time (user + system) of the command and every process under it, in seconds. */
  cpuSeconds?: number;
  /**
   * CPU time the rest of the machine used meanwhile: the machine's busy time over the run, from
   * /proc/stat, less the command's own. A build that shared the cores with something else (a
   * type check, a test run) shows it here.
   */
  otherCpuSeconds?: number;
  /** The run split by the lines it printed, when asked for (runMeasured's `phases`). */
  phases?: Phase[];
}

/** The machine's busy CPU time so far, in seconds: /proc/stat, whose unit (USER_HZ) is 1/100 s. */
export function machineBusySeconds(stat = readProcStat()): number | undefined {
  const fields = stat?.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number);
  if (!fields || fields.length < 7 || fields.some((field) => !Number.isFinite(field))) {
    return undefined;
  }
  // user, nice, system, idle, iowait, irq, softirq: idle and waiting for disk are not busy;
  // steal (time the hypervisor gave to other machines) is left out too.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return (user + nice + system + irq + softirq) / 100;
}

function readProcStat(): string | undefined {
  try {
    return readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The CPU time of a shell's children from what its `times` builtin prints: two lines, the
 * shell's own user and system time, then its children's (`1m43.12s 0m16.87s`). Seconds may
 * carry a locale's decimal comma (bash), and old ash prints the total seconds after the
 * minutes (`2m145.07s`): seconds of 60 or more are taken as that total.
 */
export function childrenCpuSeconds(times: string): number | undefined {
  const lines = [...times.matchAll(/(\d+)m([\d.,]+)s\s+(\d+)m([\d.,]+)s/g)];
  const children = lines[1];
  if (!children) return undefined;
  const [, userMin = '0', userSec = '0', sysMin = '0', sysSec = '0'] = children;
  const duration = (minutes: string, seconds: string) => {
    const value = Number(seconds.replace(',', '.'));
    return value >= 60 ? value : Number(minutes) * 60 + value;
  };
  return duration(userMin, userSec) + duration(sysMin, sysSec);
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
  options: SpawnOptions & { label: string; sampleMs?: number; phases?: readonly PhaseMark[] },
): Promise<RunResult> {
  const begin = performance.now();
  const busyAtStart = machineBusySeconds();
  // Through a shell whose `times` reports, on fd 3, the CPU time of the command and of every
  // descendant reaped by its parent (Next's build workers included). The command itself gets no
  // fd 3, so nothing it leaves running can hold the report open.
  const child = start(
    'sh',
    ['-c', '"$@" 3>&-; status=$?; times >&3; exit $status', 'sh', command, ...args],
    { ...options, reportPipe: true },
  );
  const output = collectOutput(child);
  let times = '';
  const report = child.stdio[3];
  if (report && 'setEncoding' in report) {
    report.setEncoding('utf8');
    report.on('data', (text: string) => (times += text));
  }
  let peak = 0;
  let peakSingle = 0;
  const treeTicks = new Map<number, number>();
  const sample = () => {
    if (child.pid === undefined) return;
    const usage = treeUsage(child.pid);
    peak = Math.max(peak, usage.total);
    peakSingle = Math.max(peakSingle, usage.largest);
    for (const [pid, ticks] of usage.cpuTicks) {
      treeTicks.set(pid, Math.max(treeTicks.get(pid) ?? 0, ticks));
    }
  };
  const sampledSeconds = () => [...treeTicks.values()].reduce((sum, ticks) => sum + ticks, 0) / 100;
  // Each phase starts when its line is printed; the tree's CPU is looked at there and then.
  const reached: PhaseStart[] = [];
  let exited = false;
  const watch = phaseWatcher(options.phases ?? [], (name) => {
    if (!exited) sample();
    reached.push({ name, ms: performance.now() - begin, cpuSeconds: sampledSeconds() });
  });
  if (options.phases) {
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', () => watch(output()));
  }
  const sampler = setInterval(sample, options.sampleMs ?? 250);
  // Once the shell has exited its pid may be reused: stop looking at what runs under it.
  child.once('exit', () => {
    exited = true;
    clearInterval(sampler);
  });
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
  const busyAtEnd = machineBusySeconds();
  // Each way undercounts, so the larger is nearer: `times` misses a process its parent never
  // reaped (the minimal app's type check, measured: about 4 CPU-s), the samples miss what a
  // process used after the last look at it. Either alone is still a lower bound.
  const sampled = sampledSeconds();
  const waitedFor = childrenCpuSeconds(times);
  const cpuSeconds =
    waitedFor === undefined && sampled === 0 ? undefined : Math.max(waitedFor ?? 0, sampled);
  const wallMs = performance.now() - begin;
  const [firstPhase] = options.phases ?? [];
  return {
    code,
    output: output(),
    wallMs,
    peakRssBytes: peak,
    peakSingleRssBytes: peakSingle,
    ...(cpuSeconds === undefined ? {} : { cpuSeconds }),
    ...(cpuSeconds === undefined || busyAtStart === undefined || busyAtEnd === undefined
      ? {}
      : { otherCpuSeconds: Math.max(0, busyAtEnd - busyAtStart - cpuSeconds) }),
    // From the samples, like the phases' starts: `cpuSeconds` may also count what the samples
    // missed, which would all land in the last phase.
    ...(firstPhase && {
      phases: phaseTimes(firstPhase.name, reached, { ms: wallMs, cpuSeconds: sampled }),
    }),
  };
}

/**
 * A look at a process and all its descendants: their summed and largest VmRSS, and each one's
 * CPU time so far (user + system, in 1/100 s, by pid). Descendants are found by parent pid, so
 * one in a process group of its own (Next runs `tsc` so) is still counted.
 */
export function treeUsage(rootPid: number): {
  total: number;
  largest: number;
  cpuTicks: Map<number, number>;
} {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses; fields resume after the last ')':
      // state, ppid, …, utime (the 12th), stime (the 13th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
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
  const cpuTicks = new Map<number, number>();
  for (const pid of tree) {
    cpuTicks.set(pid, ticks.get(pid) ?? 0);
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const bytes = match ? Number(match[1]) * 1024 : 0;
      total += bytes;
      largest = Math.max(largest, bytes);
    } catch {
      // Exited.
    }
  }
  return { total, largest, cpuTicks };
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
