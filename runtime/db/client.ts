/**
 * Opens the database: PostgreSQL through postgres.js when a postgres:// URL is given, embedded
 * PGlite otherwise (on disk in the data directory, or in memory for 'memory:'). Both speak the
 * same SQL, so the rest of the runtime sees one drizzle PgDatabase.
 */
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { runMigrations } from './migrate.ts';
import { openPglite } from './pglite-template.ts';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Where opening took its time, for the start-up log (milliseconds). */
  timings: { templateMs: number; openMs: number; migrateMs: number };
  /**
   * Runs `work` while no other process on this database runs its own (first-start seeding):
   * a PostgreSQL session advisory lock on a connection of its own. PGlite belongs to one process.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Connections each process keeps to PostgreSQL. */
const POOL_SIZE = 10;

/** An arbitrary constant naming Ringback's first-start lock (migrations use another). */
const startLockKey = 7_312_004_552;

export async function openDatabase(options: {
  url: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  const { url, dataDir } = options;
  const started = performance.now();
  let handle: Omit<DatabaseHandle, 'timings'>;
  let templateMs = 0;
  if (url?.startsWith('postgres')) {
    // Several runtime processes share one PostgreSQL; keep each one's pool modest.
    const client = postgres(url, { max: POOL_SIZE, onnotice: () => {} });
    // Every connection is opened now, beside the start, rather than in the first burst of work: a
    // new PostgreSQL connection costs a backend start, and a due callback's claim that waited for
    // one was dialled a few hundred milliseconds late (bench/callbacks.ts, due time → dial).
    void Promise.all(Array.from({ length: POOL_SIZE }, () => client`select 1`)).catch(() => undefined);
    handle = {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      kind: 'postgres',
      async exclusively(work) {
        const connection = await client.reserve();
        try {
          await connection`select pg_advisory_lock(${startLockKey})`;
          try {
            return await work();
          } finally {
            await connection`select pg_advisory_unlock(${startLockKey})`;
          }
        } finally {
          connection.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  } else {
    if (url !== 'memory:') mkdirSync(dataDir, { recursive: true });
    const opened = await openPglite(url === 'memory:' ? undefined : dataDir);
    templateMs = opened.templateMs;
    handle = {
      db: drizzlePglite(opened.client, { schema }) as unknown as Database,
      kind: 'pglite',
      exclusively: (work) => work(),
      close: () => opened.client.close(),
    };
  }
  const migrating = performance.now();
  await runMigrations(handle.db);
  const migrateMs = performance.now() - migrating;
  return {
    ...handle,
    timings: { templateMs, openMs: migrating - started - templateMs, migrateMs },
  };
}
