import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Editor unit tests (store, document operations) run in node: they need no DOM.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['editor/src/**/*.test.ts'],
    environment: 'node',
  },
});
