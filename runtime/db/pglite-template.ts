/**
 * New PGlite clusters start from a template. initdb (in WebAssembly) takes seconds and the
 * migrations most of one more, and both give the same result every time, so the first process
 * that needs a new cluster builds the template once and saves it in $TMPDIR/ringback-cache:
 *
 *   pglite-<version>/cluster.tar               initdb's cluster with only the `postgres` database
 *   pglite-<version>/migrated-<migrations>.tar  the same with the committed migrations applied
 *
 * A new data directory is written from the migrated template, an in-memory database loads it;
 * either way it starts migrated, and runMigrations then finds nothing to do. The templates drop
 * template0 and template1: Ringback never creates databases in PGlite, and they were two thirds
 * of the files a new data directory had to create. A cache that cannot be read or written only
 * costs a rebuild.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from './client.ts';
import { extractCluster } from './cluster-tar.ts';
import { migrationsFingerprint, runMigrations } from './migrate.ts';

export interface OpenedPglite {
  client: PGlite;
  /** Milliseconds spent reading (or building) the template and writing a new data directory. */
  templateMs: number;
}

export async function openPglite(dataDir: string | undefined): Promise<OpenedPglite> {
  let templateMs = 0;
  let client: PGlite;
  if (dataDir === undefined) {
    client = new PGlite({ loadDataDir: new Blob([await migratedTemplate()]) });
  } else {
    // PG_VERSION marks a directory that holds a cluster already.
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      const started = performance.now();
      extractCluster(await migratedTemplate(), dataDir);
      templateMs = performance.now() - started;
    }
    client = new PGlite(dataDir);
  }
  await client.waitReady;
  return { client, templateMs };
}

function templateFolder(): string {
  let version = 'unknown';
  try {
    // The package's exports hide package.json, so find it beside the resolved entry point.
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const packageJson = join(dirname(entry), '..', 'package.json');
    version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    // an unusual install layout: one shared name is still safe, it only costs rebuilds
  }
  return join(tmpdir(), 'ringback-cache', `pglite-${version}`);
}

function migratedTemplate(): Promise<Uint8Array> {
  return cached(`migrated-${migrationsFingerprint()}.tar`, async () => {
    const client = await clusterWithoutTemplates();
    await runMigrations(drizzle(client) as unknown as Database);
    const tar = await dump(client);
    await client.close();
    forgetOldMigratedTemplates();
    return tar;
  });
}

/** Each set of migrations leaves a template; keep the newest few (other checkouts may use them). */
function forgetOldMigratedTemplates(keep = 3): void {
  try {
    const folder = templateFolder();
    const old = readdirSync(folder)
      .filter((name) => /^migrated-.*\.tar$/.test(name))
      .map((name) => ({ path: join(folder, name), mtimeMs: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs)
      .slice(keep);
    for (const { path } of old) rmSync(path, { force: true });
  } catch {
    // another process tidied first, or nothing to tidy
  }
}

/** initdb's cluster less template0 and template1, from its own cache file once there is one. */
async function clusterWithoutTemplates(): Promise<PGlite> {
  const path = join(templateFolder(), 'cluster.tar');
  const saved = readIfPresent(path);
  if (saved) return PGlite.create({ loadDataDir: new Blob([saved]) });
  const client = await PGlite.create();
  for (const name of ['template0', 'template1']) {
    await client.exec(`alter database ${name} is_template false`);
    await client.exec(`drop database ${name}`);
  }
  save(path, await dump(client));
  return client;
}

async function dump(client: PGlite): Promise<Uint8Array> {
  await client.exec('checkpoint');
  return new Uint8Array(await (await client.dumpDataDir('none')).arrayBuffer());
}

function readIfPresent(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined; // not built yet on this machine
  }
}

/** One build at a time per template in this process; other processes may race, harmlessly. */
const building = new Map<string, Promise<Uint8Array>>();

function cached(name: string, build: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const path = join(templateFolder(), name);
  const saved = readIfPresent(path);
  if (saved) return Promise.resolve(saved);
  let pending = building.get(path);
  if (!pending) {
    pending = build()
      .then((tar) => {
        save(path, tar);
        return tar;
      })
      .finally(() => building.delete(path));
    building.set(path, pending);
  }
  return pending;
}

function save(path: string, tar: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, tar);
    renameSync(partial, path);
  } catch {
    // a read-only or full temporary folder: the next process builds it again
  }
}
