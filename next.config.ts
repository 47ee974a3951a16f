import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The X-Powered-By header only advertises the framework version to scanners.
  poweredByHeader: false,
  reactStrictMode: true,
  // Tests build fixture content trees into their own folder so the main build stays intact.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Content is read from disk by lib/ at build time; tracing it keeps `next start` self-contained.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
};

export default nextConfig;
