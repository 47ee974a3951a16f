import type { NextConfig } from 'next';
import { securityHeaders, strictTransportSecurity } from './lib/security-headers';

const development = process.env.NODE_ENV === 'development';

// `npm run build:static` sets this to write the whole site to out/ as plain files.
const staticExport = process.env.STATIC_EXPORT === '1';

const nextConfig: NextConfig = {
  // The X-Powered-By header only advertises the framework version to scanners.
  poweredByHeader: false,
  reactStrictMode: true,
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

export default nextConfig;
