#!/usr/bin/env node
// The `ringback` command. Runs the runtime bundle (dist/ringback.mjs, see scripts/build-runtime.mjs)
// when it is fresh, and otherwise the TypeScript sources through tsx's loader.
import { bundleIsFresh } from '../scripts/build-runtime.mjs';

if (bundleIsFresh()) {
  await import('../dist/ringback.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../runtime/cli/main.ts');
}
