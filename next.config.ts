import type { NextConfig } from 'next';

// `npm run build:static` sets this to write the whole site to out/ as plain files.
const staticExport = process.env.STATIC_EXPORT === '1';

const nextConfig: NextConfig = {
  // The X-Powered-By header only advertises the framework version to scanners.
  poweredByHeader: false,
  reactStrictMode: true,
  // Content is read from disk by lib/ at build time; tracing it keeps `next start` self-contained.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
  // A static export has no server to send headers: define `headers()` only outside it (the
  // host sends them instead; see README, "Deploying the static export").
  ...(staticExport ? { output: 'export' as const } : {}),
};

export default nextConfig;
