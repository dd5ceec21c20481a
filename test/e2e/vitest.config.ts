import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: one real Chromium against a runtime started per file.
// Every `expect.poll` waits for the state it needs up to 30 s (vitest's default is 1 s, which a
// loaded 2-core machine overran: a poll fails only when the state never comes, not when it is late).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    expect: { poll: { timeout: 30_000, interval: 100 } },
    globalSetup: ['test/e2e/support/build-editor.ts'],
  },
});
