/**
 * Applies the committed drizzle-kit migrations. Several processes may start at once against one
 * PostgreSQL, so the whole run holds a transaction-scoped advisory lock: the first applies, the
 * others wait and then find nothing left to do.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator';
import { projectRoot } from '../project-root.ts';
import type { Database } from './client.ts';

const migrationsFolder = join(projectRoot, 'runtime', 'db', 'migrations');
/** An arbitrary constant naming Ringback's migration lock. */
const migrationLockKey = 7_312_004_551;

/** The committed migrations, read once: they do not change while a process runs. */
let committed: MigrationMeta[] | undefined;
function committedMigrations(): MigrationMeta[] {
  committed ??= readMigrationFiles({ migrationsFolder });
  return committed;
}

/** Names the set of committed migrations (it changes when one is added or edited). */
export function migrationsFingerprint(): string {
  const names = committedMigrations().map((m) => `${m.folderMillis}:${m.hash}`);
  return createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 16);
}

export async function runMigrations(db: Database): Promise<number> {
  const migrations = committedMigrations();
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
  const migrations = committedMigrations();
  const applied = await db.execute(sql`select hash from ringback_migrations`);
  const done = new Set(rows<{ hash: string }>(applied).map((r) => r.hash));
  return migrations.filter((m) => !done.has(m.hash)).length;
}

/** postgres.js returns an array of rows; PGlite returns { rows }. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
