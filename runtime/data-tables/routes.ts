import type { Hono } from 'hono';
import type { CallbackSettings } from '../../schemas/callback-settings.generated.ts';
import { readableQueues } from '../access/queue-access.ts';
import { callbackProvisioners, callbackViewers, designReaders } from '../auth/policies.ts';
import type { Role } from '../auth/roles.ts';
import type { AppEnv } from '../http/app-env.ts';
import { defineRoute } from '../http/route-spec.ts';

const readers: Role[] = [...designReaders, ...callbackViewers.filter((r) => r !== 'administrator')];
const editors = callbackProvisioners;
const base = '/api/v1/data-tables/CALLBACK_SETTINGS/rows';
const tag = 'CALLBACK_SETTINGS';

export function dataTableRoutes(app: Hono<AppEnv>) {
  const store = (c: { get(k: 'runtime'): AppEnv['Variables']['runtime'] }) =>
    c.get('runtime').callbacks.settings;
  defineRoute(
    app,
    {
      method: 'get',
      path: base,
      summary: 'Every CALLBACK_SETTINGS row',
      tag,
      roles: readers,
      lineOfBusiness: 'filter',
    },
    async (c) => {
      const rows = await store(c).list(c.get('user')!.tenantId);
      const items = (await readableQueues(c)).filter(rows, (row) => row.virtualQueue);
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: `${base}/:virtualQueue`,
      summary: 'One CALLBACK_SETTINGS row',
      tag,
      roles: readers,
      lineOfBusiness: 'queue',
    },
    async (c) => c.json(await store(c).get(c.get('user')!.tenantId, c.req.param('virtualQueue')!)),
  );
  defineRoute<CallbackSettings>(
    app,
    {
      method: 'put',
      path: `${base}/:virtualQueue`,
      summary: 'Create or replace a CALLBACK_SETTINGS row (defaults applied; references checked)',
      tag,
      roles: editors,
      lineOfBusiness: 'queue',
      body: 'https://ringback.dev/schemas/callback-settings.schema.json',
    },
    async (c, body) => {
      const { row, created } = await store(c).put(
        c.get('user')!.tenantId,
        c.req.param('virtualQueue')!,
        body,
      );
      return c.json(row, created ? 201 : 200);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: `${base}/:virtualQueue`,
      summary: 'Delete a CALLBACK_SETTINGS row',
      tag,
      roles: editors,
      lineOfBusiness: 'queue',
    },
    async (c) => {
      await store(c).remove(c.get('user')!.tenantId, c.req.param('virtualQueue')!);
      return c.body(null, 204);
    },
  );
}
