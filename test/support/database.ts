/**
 * A database for one test: on PostgreSQL (RINGBACK_TEST_DB=postgres, server from DATABASE_URL)
 * a freshly created database dropped afterwards; otherwise an in-memory PGlite.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const testDatabaseKind: 'postgres' | 'pglite' =
  process.env.RINGBACK_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export async function freshDatabaseUrl(
  kind: 'postgres' | 'pglite' = testDatabaseKind,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'pglite') return { url: 'memory:', drop: async () => {} };
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('RINGBACK_TEST_DB=postgres needs DATABASE_URL');
  const name = `ringback_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(server, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
