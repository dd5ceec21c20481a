import type { Hono } from 'hono';
import type { Role } from '../../auth/roles.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';
import { defineRoute } from '../route-spec.ts';

const admins: Role[] = ['administrator'];

export function userRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/users', summary: 'Users of the tenant', tag: 'Users', roles: admins },
    async (c) => {
      const items = await c.get('runtime').auth.listUsers(c.get('user')!.tenantId);
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute<{ username: string; password: string; roles: Role[] }>(
    app,
    {
      method: 'post',
      path: '/api/v1/users',
      summary: 'Create a user (the password is stored as a scrypt hash)',
      tag: 'Users',
      roles: admins,
      body: 'https://ringback.dev/schemas/api.schema.json#/$defs/userCreate',
    },
    async (c, { username, password, roles }) => {
      const tenantId = c.get('user')!.tenantId;
      const existing = await c.get('runtime').auth.listUsers(tenantId);
      if (existing.some((u) => u.username === username))
        throw new ApiError('ALREADY_EXISTS', `A user ${username} exists`);
      const id = await c.get('runtime').auth.createUser(tenantId, username, password, roles);
      return c.json({ id, username, roles }, 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/users/:username',
      summary: 'Delete a user',
      tag: 'Users',
      roles: admins,
    },
    async (c) => {
      const username = c.req.param('username')!;
      if (username === c.get('user')!.username) throw new ApiError('IN_USE', 'You cannot delete yourself');
      if (!(await c.get('runtime').auth.deleteUser(c.get('user')!.tenantId, username))) {
        throw new ApiError('NOT_FOUND', `No user ${username}`);
      }
      return c.body(null, 204);
    },
  );
}
