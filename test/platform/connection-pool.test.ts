/**
 * A runtime on PostgreSQL opens its whole connection pool as it starts, with no work asked of it:
 * the first burst of due callbacks must not wait for new connections (a backend start each),
 * which made the first dials of a busy queue a few hundred milliseconds late.
 * (PGlite has no connections, so this runs on PostgreSQL only.)
 */
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/spawn-runtime.ts';

let node: SpawnedRuntime | undefined;
let database: Awaited<ReturnType<typeof freshDatabaseUrl>> | undefined;
afterAll(async () => {
  await node?.kill('SIGKILL');
  await database?.drop();
});

it.skipIf(testDatabaseKind !== 'postgres')(
  'opens every pooled connection at start, before any burst of work',
  async () => {
    database = await freshDatabaseUrl('postgres');
    node = await spawnRuntime('pool', {
      DATABASE_URL: database.url,
      RINGBACK_ENGINE: 'off',
      RINGBACK_SEED_EXAMPLES: 'false',
      LOG_LEVEL: 'warn',
    });
    const name = new URL(database.url).pathname.slice(1);
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const open = async () =>
        (
          await sql`select count(*)::int as n from pg_stat_activity
            where datname = ${name} and pid <> pg_backend_pid() and backend_type = 'client backend'`
        )[0]!.n as number;
      await expect.poll(open, { timeout: 15_000 }).toBe(10);
    } finally {
      await sql.end();
    }
  },
  120_000,
);
