#!/usr/bin/env node
/**
 * Bounded, loopback-only load test against the production server (scripts/serve.mjs).
 * Runs autocannon against the article, the home page and a 404 for several rounds and prints
 * req/s, latency percentiles, errors, timeouts, non-2xx/5xx counts and the server's memory
 * after each round. Exits 1 on any error, timeout or 5xx, or if memory keeps growing.
 *
 * Usage: npm run build && npm run test:load [-- --rounds 3 --duration 5 --connections 20]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
  },
});
const rounds = Math.min(Number(values.rounds), 10);
const duration = Math.min(Number(values.duration), 30);
const connections = Math.min(Number(values.connections), 100);
/** Growth allowed between the first and last round: warm-up caches, not a leak. */
const MEMORY_GROWTH_LIMIT = 1.25;

if (!existsSync('.next/BUILD_ID')) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  ['scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const stopServer = () => server.exitCode === null && server.kill('SIGTERM');
process.on('exit', stopServer);
process.on('SIGINT', () => process.exit(130));

for (let i = 0; ; i++) {
  try {
    await fetch(base);
    break;
  } catch {
    if (i > 150) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const targets = [
  { name: 'article', path: '/articles/building-trust-and-emotional-intimacy', expect: 200 },
  { name: 'home', path: '/', expect: 200 },
  { name: '404', path: '/articles/no-such-article', expect: 404 },
];

const rows = [];
const memory = [];
let failed = false;
for (let round = 1; round <= rounds; round++) {
  for (const target of targets) {
    const result = await autocannon({ url: base + target.path, connections, duration });
    const wrongStatus =
      target.expect === 200
        ? result.non2xx
        : (result['2xx'] ?? 0) + (result['3xx'] ?? 0) + (result['5xx'] ?? 0);
    const row = {
      round,
      target: target.name,
      'req/s': Math.round(result.requests.average),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      '5xx': result['5xx'] ?? 0,
      unexpected: Math.max(0, wrongStatus),
    };
    rows.push(row);
    if (row.errors || row.timeouts || row['5xx'] || row.unexpected) failed = true;
    process.stdout.write(`round ${round}/${rounds} ${target.name}: ${row['req/s']} req/s\n`);
  }
  memory.push({ round, 'server RSS (MB)': Math.round(rssMb(server.pid)) });
  console.log(`round ${round}: server RSS ${memory.at(-1)['server RSS (MB)']} MB`);
}

console.table(rows);
console.table(memory);
const first = memory[0]['server RSS (MB)'];
const last = memory.at(-1)['server RSS (MB)'];
const memoryStable = last <= first * MEMORY_GROWTH_LIMIT;
console.log(
  `memory: ${first} MB after round 1, ${last} MB after round ${rounds} (${memoryStable ? 'stable' : 'GROWING'})`,
);
if (!memoryStable) failed = true;
console.log(failed ? 'load test FAILED' : 'load test passed: 0 errors, 0 timeouts, 0 5xx');
stopServer();
process.exit(failed ? 1 : 0);
