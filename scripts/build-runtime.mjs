// The runtime bundle: runtime/cli/main.ts and everything it imports, compiled by esbuild into one
// file, dist/ringback.mjs, so a start loads plain JavaScript instead of compiling TypeScript with
// tsx (about 0.4 s less). PGlite stays outside: it finds its WebAssembly files beside itself.
// dist/ringback.meta.json lists the bundled sources; the bundle is fresh while none is newer.
//
//   node scripts/build-runtime.mjs          build when missing or stale (`npm start` does this)
//   node scripts/build-runtime.mjs --force  build anyway
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundlePath = join(root, 'dist', 'ringback.mjs');
const metaPath = join(root, 'dist', 'ringback.meta.json');
// npm rewrites this on every install, so it stands for all of node_modules.
const installedPackages = 'node_modules/.package-lock.json';

/** True when the bundle exists and no source it was built from changed since. */
export function bundleIsFresh() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(metaPath, 'utf8'));
    return existsSync(bundlePath) && inputs.every((input) => statSync(join(root, input)).mtimeMs < builtAt);
  } catch {
    return false; // no bundle yet, or a source was deleted
  }
}

export async function buildRuntimeBundle() {
  // esbuild as tsx uses it: tsx depends on it, so it is there whenever the runtime can run.
  const { build } = createRequire(createRequire(import.meta.url).resolve('tsx'))('esbuild');
  const builtAt = Date.now();
  const partial = `${bundlePath}.${process.pid}.partial`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['runtime/cli/main.ts'],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@electric-sql/pglite', '@electric-sql/pglite/*'],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __ringbackRequire } from 'node:module';\nconst require = __ringbackRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  });
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  const inputs = [
    ...sources,
    'package.json',
    ...(existsSync(join(root, installedPackages)) ? [installedPackages] : []),
  ];
  mkdirSync(join(root, 'dist'), { recursive: true });
  // The bundle first, then the list that vouches for it; each renamed into place whole.
  renameSync(partial, bundlePath);
  writeFileSync(`${metaPath}.${process.pid}.partial`, JSON.stringify({ builtAt, inputs }, null, 1));
  renameSync(`${metaPath}.${process.pid}.partial`, metaPath);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--force') || !bundleIsFresh()) {
    const started = performance.now();
    await buildRuntimeBundle();
    console.log(`Built dist/ringback.mjs in ${Math.round(performance.now() - started)} ms`);
  }
}
