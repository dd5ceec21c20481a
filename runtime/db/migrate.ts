/**
 * Applies the committed drizzle-kit migrations. Several processes may start at once against one
 * PostgreSQL, so the whole run holds a transaction-scoped advisory lock: the first applies, the
 * others wait and then find nothing left to do.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './client.ts';

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** An arbitrary constant naming Ringback's migration lock. */
const migrationLockKey = 7_312_004_551;

export async function runMigrations(db: Database): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${migrationLockKey})`);
    await tx.execute(
      sql`create table if not exists ringback_migrations (hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`,
    );
    const applied = await tx.execute(sql`select hash from ringback_migrations`);
    const done = new Set(rows<{ hash: string }>(applied).map((r) => r.hash));
    let count = 0;
    for (const migration of migrations) {
      if (done.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into ringback_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      count++;
    }
    return count;
  });
}

export async function migrationsPending(db: Database): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const applied = await db.execute(sql`select hash from ringback_migrations`);
  const done = new Set(rows<{ hash: string }>(applied).map((r) => r.hash));
  return migrations.filter((m) => !done.has(m.hash)).length;
}

/** postgres.js returns an array of rows; PGlite returns { rows }. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
