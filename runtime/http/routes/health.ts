import type { Hono } from 'hono';
import { migrationsPending } from '../../db/migrate.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';
import { defineRoute } from '../route-spec.ts';

export function healthRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    { method: 'get', path: '/healthz', summary: 'The process is up', tag: 'Health', roles: 'public' },
    (c) => {
      const { config } = c.get('runtime');
      return c.json({ status: 'ok', nodeId: config.nodeId, region: config.region });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/readyz',
      summary: 'The database is reachable and migrated',
      tag: 'Health',
      roles: 'public',
    },
    async (c) => {
      const runtime = c.get('runtime');
      const pending = await migrationsPending(runtime.db).catch(() => -1);
      if (pending !== 0)
        throw new ApiError(
          'NOT_READY',
          pending < 0 ? 'The database is unreachable' : 'Migrations are pending',
        );
      return c.json({
        status: 'ready',
        database: runtime.dbKind,
        clock: runtime.clock.kind,
        now: new Date(runtime.clock.now()).toISOString(),
      });
    },
  );
}
