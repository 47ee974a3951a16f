import { availableParallelism } from 'node:os';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { securityHeaders, strictTransportSecurity } from './lib/security-headers';
import { siteUrlWarning } from './lib/site';

const development = process.env.NODE_ENV === 'development';

// `npm run build:static` sets this to write the whole site to out/ as plain files.
const staticExport = process.env.STATIC_EXPORT === '1';

// One reading of the clock for the whole build: Next.js loads this file before it starts its
// build workers, which inherit the environment, so they all agree on which scheduled posts are
// out (lib/publication.ts, publicationClock). Set it yourself to build the site as of another
// time.
// (Not under `next dev`, which shows drafts and scheduled posts and should see the day change.)
if (!development) process.env.CORNERSTONE_BUILD_TIME ??= new Date().toISOString();

const nextConfig: NextConfig = {
  // The X-Powered-By header only advertises the framework version to scanners.
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` is the type check (CI runs it, as do editors); a second full pass
  // inside every `next build` cost about 7 s and found nothing the first had not.
  typescript: { ignoreBuildErrors: true },
  // lib/'s libraries run only on the server, at build time: Node loads them from node_modules
  // instead of Turbopack bundling them. Compiling took about 3 s less, and a build worker's two
  // module graphs (pages and route handlers) share one loaded copy.
  serverExternalPackages: [
    'feed',
    'fontkit',
    'github-slugger',
    'gray-matter',
    'hast-util-from-html',
    'hast-util-heading-rank',
    'hast-util-is-element',
    'hast-util-to-html',
    'hast-util-to-string',
    'hastscript',
    'mdast-util-to-string',
    'property-information',
    'rehype-raw',
    'rehype-sanitize',
    'rehype-slug',
    'rehype-stringify',
    'remark-gfm',
    'remark-parse',
    'remark-rehype',
    'unified',
    'unist-util-visit',
    'vfile',
    'yaml',
    'zod',
  ],
  experimental: {
    // Next prerenders on one worker fewer than the machine has cores: one worker on a 2-core
    // machine. Prerendering is most of a large build, and the workers share the content
    // through the render cache (lib/render-cache.ts), so every core gets a worker.
    cpus: availableParallelism(),
    // Internal links are plain <a> elements, prefetched by speculation rules
    // (lib/speculation-rules.ts), so Next's client router never prefetches. Sizing its
    // prefetches at build time decoded each page's payload again and gzipped every segment:
    // about 2 CPU-s per worker at 1,000 articles, for hints only next/link would use.
    prefetchInlining: false,
  },
  // Tests build fixture content trees into their own folder so the main build stays intact.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Content is read from disk by lib/ at build time; tracing it keeps `next start` self-contained.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
  // A static export has no server to send headers: `headers()` is defined only outside it
  // (the host sends them instead; see README, "Deploying the static export").
  ...(staticExport
    ? { output: 'export' as const }
    : {
        async headers() {
          return [
            { source: '/:path*', headers: securityHeaders({ development }) },
            {
              source: '/:path*',
              has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
              headers: [strictTransportSecurity],
            },
          ];
        },
      }),
};

export default function config(phase: string): NextConfig {
  // A build loads this file more than once (its workers too, which inherit the environment);
  // the variable keeps the warning to one line per build.
  const warning = phase === PHASE_PRODUCTION_BUILD ? siteUrlWarning(process.env) : undefined;
  if (warning && !process.env.CORNERSTONE_SITE_URL_WARNED) {
    console.warn(`⚠ ${warning}`);
    process.env.CORNERSTONE_SITE_URL_WARNED = '1';
  }
  return nextConfig;
}
