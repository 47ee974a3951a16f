import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The X-Powered-By header only advertises the framework version to scanners.
  poweredByHeader: false,
  reactStrictMode: true,
  // Content is read from disk by lib/ at build time; tracing it keeps `next start` self-contained.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
};

export default nextConfig;
