/**
 * Access groups and lines of business (api.md "Access groups", "Line of business"). Managed by
 * the platform administrator (policies.ts, accessAdministrators).
 */
import type { Hono } from 'hono';
import { accessAdministrators } from '../auth/policies.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { accessGroupStore } from './access-group-store.ts';
import { linesOfBusiness, type QueueFolder } from './lines-of-business.ts';

const schema = 'https://ringback.dev/schemas/access.schema.json#/$defs/';
type Ctx = { get(k: 'runtime'): AppEnv['Variables']['runtime']; get(k: 'user'): AppEnv['Variables']['user'] };
const tenantOf = (c: Ctx) => c.get('user')!.tenantId;

function samePathName(given: string | undefined, path: string, member: string): void {
  if (given !== undefined && given !== path)
    throw new ApiError('VALIDATION_FAILED', `The ${member} differs from the path`, {
      errors: [{ pointer: `/${member}`, message: `must equal the ${member} in the path` }],
    });
}

export function accessRoutes(app: Hono<AppEnv>) {
  const groups = (c: Ctx) => accessGroupStore(c.get('runtime').db);
  const lines = (c: Ctx) => linesOfBusiness(c.get('runtime').db);
  const tag = 'Access groups';

  async function requireGroups(c: Ctx, names: string[], pointer: string): Promise<void> {
    const unknown = await groups(c).unknown(tenantOf(c), names);
    if (unknown.length)
      throw new ApiError('VALIDATION_FAILED', `No access group ${unknown.join(', ')}`, {
        errors: unknown.map((name) => ({
          pointer: `${pointer}/${names.indexOf(name)}`,
          message: `no access group ${name}`,
        })),
      });
  }

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/access-groups',
      summary: 'Access groups with their callback roles and members',
      tag,
      roles: accessAdministrators,
    },
    async (c) => {
      const items = await groups(c).list(tenantOf(c));
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/access-groups/:name',
      summary: 'One access group',
      tag,
      roles: accessAdministrators,
    },
    async (c) => c.json(await groups(c).get(tenantOf(c), c.req.param('name')!)),
  );
  defineRoute<{ name?: string; roles: string[] }>(
    app,
    {
      method: 'put',
      path: '/api/v1/access-groups/:name',
      summary: 'Create an access group or replace its roles (predefined groups included)',
      tag,
      roles: accessAdministrators,
      body: `${schema}accessGroup`,
    },
    async (c, body) => {
      const name = c.req.param('name')!;
      samePathName(body.name, name, 'name');
      if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/.test(name))
        throw new ApiError('VALIDATION_FAILED', 'Bad group name', {
          errors: [{ pointer: '/name', message: 'letters, digits, space, _ . - (at most 64)' }],
        });
      const { created } = await groups(c).put(tenantOf(c), name, body.roles);
      c.get('runtime').auth.forgetCached();
      return c.json(await groups(c).get(tenantOf(c), name), created ? 201 : 200);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/access-groups/:name',
      summary:
        'Delete a custom access group (refused for predefined ones and while it reads a folder or queue)',
      tag,
      roles: accessAdministrators,
    },
    async (c) => {
      await groups(c).remove(tenantOf(c), c.req.param('name')!);
      c.get('runtime').auth.forgetCached();
      return c.body(null, 204);
    },
  );

  const lob = 'Lines of business';
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queue-folders',
      summary: 'Queue folders',
      tag: lob,
      roles: accessAdministrators,
    },
    async (c) => {
      const items = await lines(c).folders(tenantOf(c));
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queue-folders/:name',
      summary: 'A queue folder, with the queues in it',
      tag: lob,
      roles: accessAdministrators,
    },
    async (c) => c.json(await lines(c).folder(tenantOf(c), c.req.param('name')!)),
  );
  defineRoute<QueueFolder>(
    app,
    {
      method: 'put',
      path: '/api/v1/queue-folders/:name',
      summary:
        'Create or replace a queue folder: the groups that read it and whether that propagates to its queues (now and added later)',
      tag: lob,
      roles: accessAdministrators,
      body: `${schema}queueFolder`,
    },
    async (c, body) => {
      const name = c.req.param('name')!;
      samePathName(body.name, name, 'name');
      await requireGroups(c, body.read, '/read');
      const { created } = await lines(c).putFolder(tenantOf(c), {
        name,
        read: body.read,
        propagate: body.propagate,
      });
      return c.json(await lines(c).folder(tenantOf(c), name), created ? 201 : 200);
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queue-permissions',
      summary: 'Every provisioned callback queue with its folder, read list and who reads it in effect',
      tag: lob,
      roles: accessAdministrators,
    },
    async (c) => {
      const items = await lines(c).permissions(tenantOf(c));
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queues/:virtualQueue/permissions',
      summary: "A queue's folder and read list (read null: inherited or every group)",
      tag: lob,
      roles: accessAdministrators,
      lineOfBusiness: 'queue',
    },
    async (c) => c.json(await lines(c).permission(tenantOf(c), c.req.param('virtualQueue')!)),
  );
  defineRoute<{ virtualQueue?: string; folder: string | null; read: string[] | null }>(
    app,
    {
      method: 'put',
      path: '/api/v1/queues/:virtualQueue/permissions',
      summary:
        'Place a queue in a folder and set the groups that read it (read null inherits from a propagating folder)',
      tag: lob,
      roles: accessAdministrators,
      lineOfBusiness: 'queue',
      body: `${schema}queuePermissions`,
    },
    async (c, body) => {
      const queue = c.req.param('virtualQueue')!;
      samePathName(body.virtualQueue, queue, 'virtualQueue');
      if (body.read) await requireGroups(c, body.read, '/read');
      return c.json(
        await lines(c).putPermission(tenantOf(c), queue, { folder: body.folder, read: body.read }),
      );
    },
  );
}
