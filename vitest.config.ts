import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': fileURLToPath(new URL('./', import.meta.url)),
  // lib/ guards its server modules with `server-only`; under vitest there is no client bundle to protect.
  'server-only': fileURLToPath(new URL('./tests/support/server-only.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 },
      },
      // The static export in out/, served by nginx with deploy/nginx.conf: the same page, feed
      // and sitemap checks as against `next start`. Listed first so its build (which moves
      // .next aside for a while) is done before the `next start` below is running.
      {
        resolve: { alias },
        test: {
          name: 'static',
          // What a static host serves: pages, feeds, structured data, headers. The server's own
          // behaviour (shutdown, fixture builds) is tested against `next start` only.
          include: [
            'tests/integration/pages.test.ts',
            'tests/integration/seo.test.ts',
            'tests/integration/security.test.ts',
          ],
          globalSetup: ['tests/integration/global-setup-static.ts'],
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
