import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { migrationsPending, rows } from './migrate.ts';

describe('new PGlite databases', () => {
  it('start migrated from the template, on disk and in memory', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ringback-template-')), 'data');
    try {
      for (const url of [undefined, 'memory:']) {
        const handle = await openDatabase({ url, dataDir });
        expect(await migrationsPending(handle.db)).toBe(0);
        const databases = rows<{ datname: string }>(
          await handle.db.execute(sql`select datname from pg_database`),
        );
        expect(databases.map((d) => d.datname)).toEqual(['postgres']);
        await handle.close();
      }
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  });

  it('keep what was written when the data directory is opened again', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ringback-template-')), 'data');
    try {
      const first = await openDatabase({ url: undefined, dataDir });
      expect(first.timings.templateMs).toBeGreaterThan(0);
      await first.db.execute(sql`insert into tenants (id, name) values ('kept', 'Kept')`);
      await first.close();
      const second = await openDatabase({ url: undefined, dataDir });
      expect(second.timings.templateMs).toBe(0);
      const kept = rows<{ name: string }>(
        await second.db.execute(sql`select name from tenants where id = 'kept'`),
      );
      expect(kept).toEqual([{ name: 'Kept' }]);
      await second.close();
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  });
});
