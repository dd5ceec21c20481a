/**
 * Two `ringback serve` processes started at the same moment on an empty PostgreSQL database:
 * both migrate, seed and serve; the administrator, the demo API key and every example exist once.
 * (PGlite is one process's database, so this runs on PostgreSQL only.)
 */
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { exampleApplications } from '../../runtime/seed/examples.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/spawn-runtime.ts';

const nodes: SpawnedRuntime[] = [];
let database: Awaited<ReturnType<typeof freshDatabaseUrl>> | undefined;
afterAll(async () => {
  await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
  await database?.drop();
});

it.skipIf(testDatabaseKind !== 'postgres')(
  'two processes starting together on an empty database both become ready and seed once',
  async () => {
    database = await freshDatabaseUrl('postgres');
    // No configured password or key: each process would generate its own if both seeded them.
    const env = { DATABASE_URL: database.url, RINGBACK_ENGINE: 'off', LOG_LEVEL: 'info' };
    const starts = await Promise.allSettled([spawnRuntime('start-a', env), spawnRuntime('start-b', env)]);
    for (const start of starts) if (start.status === 'fulfilled') nodes.push(start.value);
    expect(starts.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ready'))).toEqual([
      'ready',
      'ready',
    ]);
    for (const node of nodes) expect((await fetch(`${node.baseUrl}/readyz`)).status).toBe(200);

    // Exactly one of them generated (and printed) the password and the key.
    const printed = nodes.map((n) => /admin password \(shown once\)/.test(n.output()));
    expect(printed.filter(Boolean)).toHaveLength(1);

    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const [admins] = await sql`select count(*)::int as n from users where username = 'admin'`;
      const [keys] = await sql`select count(*)::int as n from api_keys`;
      expect(admins!.n).toBe(1);
      expect(keys!.n).toBe(1);
      const versions = await sql`select id, latest_version from applications order by id`;
      const examples = exampleApplications()
        .map((e) => e.document.id)
        .sort();
      expect(versions.map((v) => v.id)).toEqual(expect.arrayContaining(examples));
      // Published once each: a second publish would have made version 2.
      expect(versions.every((v) => v.latest_version === 1)).toBe(true);
      const [settings] =
        await sql`select count(*)::int as n, count(distinct virtual_queue)::int as d from callback_settings`;
      expect(settings!.n).toBe(settings!.d);
    } finally {
      await sql.end();
    }
  },
  180_000,
);
