/**
 * The checkout's root folder, for the files the runtime reads at run time (migrations, examples,
 * the built editor). This file is runtime/project-root.ts and the bundle `npm start` runs is
 * dist/ringback.mjs: both sit one folder below the root, so one rule serves both.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
