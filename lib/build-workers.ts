/**
 * Node options for the worker processes `next build` forks to collect page data and prerender.
 *
 * Those workers allocate quickly and briefly: Markdown trees, React's payloads, each page's HTML.
 * With V8's default 16 MB semi-spaces, a 1,000-article build spent about 13 CPU-seconds of its
 * workers' 100 in garbage collection, mostly in young-generation scavenges. 64 MB semi-spaces
 * halved that (about 6 s) for about 100 MB more memory per worker; 32 MB saved less, and 128 MB
 * little more. Measured with a GC observer in each worker: bench/results/2026-11-26-measurements.md,
 * "Ninth session".
 *
 * Next.js reads NODE_OPTIONS when it creates the workers, after it has loaded next.config.ts,
 * so next.config.ts sets it for the build phase. A semi-space size the person building set
 * themselves is kept.
 */
export const BUILD_WORKER_SEMI_SPACE_MB = 64;

/** `nodeOptions` with the build workers' semi-space size added, unless it already sets one. */
export function buildWorkerNodeOptions(nodeOptions: string | undefined): string {
  const current = nodeOptions?.trim() ?? '';
  if (/(^|\s)--max[-_]semi[-_]space[-_]size\b/.test(current)) return current;
  return [current, `--max-semi-space-size=${BUILD_WORKER_SEMI_SPACE_MB}`].filter(Boolean).join(' ');
}
