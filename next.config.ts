import type { NextConfig } from 'next';
import { securityHeaders, strictTransportSecurity } from './lib/security-headers';

const development = process.env.NODE_ENV === 'development';

const nextConfig: NextConfig = {
  // The X-Powered-By header only advertises the framework version to scanners.
  poweredByHeader: false,
  reactStrictMode: true,
  // Tests build fixture content trees into their own folder so the main build stays intact.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Content is read from disk by lib/ at build time; tracing it keeps `next start` self-contained.
  outputFileTracingIncludes: { '/**': ['./content/**/*'] },
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
};

export default nextConfig;
