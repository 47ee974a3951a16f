import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser suite: real Chromium (Debian's, via playwright-core) against a production build. */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./tests/support/server-only.ts', import.meta.url)),
    },
  },
  test: {
    name: 'browser',
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // One Chromium at a time: the machine has two cores and the server needs one.
    fileParallelism: false,
  },
});
