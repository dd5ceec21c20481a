import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; test/ holds integration and golden-flow tests.
// Browser tests (test/e2e) run in their own pass: see scripts/test.sh.
export default defineConfig({
  test: {
    include: ['{schemas,blocks,runtime,test,scripts}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', 'editor/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
