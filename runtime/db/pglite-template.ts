/**
 * PGlite runs initdb (in WebAssembly) for every new cluster, which takes seconds. A freshly
 * initialised cluster is the same every time, so the first one is dumped to a cache file and
 * later new clusters (a fresh data directory, every in-memory test database) are loaded from it.
 * The cache is keyed by the PGlite version; a corrupt or missing file just means a normal initdb.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const require = createRequire(import.meta.url);

function templatePath(): string {
  let version = 'unknown';
  try {
    version = (require('@electric-sql/pglite/package.json') as { version: string }).version;
  } catch {
    // an unusual install layout: one shared name is still safe, it only costs a re-init
  }
  return join(tmpdir(), 'ringback-cache', `pglite-${version}-initdb.tar.gz`);
}

/** True when the directory already holds a cluster (PGlite then ignores any template). */
function holdsCluster(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

export async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const path = templatePath();
  const fresh = dataDir === undefined || !holdsCluster(dataDir);
  if (fresh && existsSync(path)) {
    try {
      const template = new Blob([readFileSync(path)]);
      const client = dataDir
        ? new PGlite(dataDir, { loadDataDir: template })
        : new PGlite({ loadDataDir: template });
      await client.waitReady;
      return client;
    } catch {
      // fall through to a normal initdb
    }
  }
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  if (fresh && !existsSync(path)) await saveTemplate(client, path).catch(() => undefined);
  return client;
}

async function saveTemplate(client: PGlite, path: string): Promise<void> {
  const dump = await client.dumpDataDir('gzip');
  mkdirSync(dirname(path), { recursive: true });
  // Write then rename, so a concurrent reader never sees half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, path);
}
