/** Users (api.md "Users"): the platform administrator manages them; anyone reads and sets their own profile. */
import type { Hono } from 'hono';
import { accessAdministrators } from '../auth/policies.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { type UserInput, userStore } from './user-store.ts';

const tag = 'Users';
const schema = 'https://ringback.dev/schemas/access.schema.json#/$defs/';

export function userRoutes(app: Hono<AppEnv>) {
  const store = (c: { get(k: 'runtime'): AppEnv['Variables']['runtime'] }) =>
    userStore(c.get('runtime').db, c.get('runtime').auth);
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/users',
      summary: 'Users of the tenant',
      tag,
      roles: accessAdministrators,
    },
    async (c) => {
      const items = await store(c).list(c.get('user')!.tenantId);
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute<UserInput & { username: string; password: string }>(
    app,
    {
      method: 'post',
      path: '/api/v1/users',
      summary:
        'Create a user (the password is stored as a scrypt hash; without accessGroups it joins Agents)',
      tag,
      roles: accessAdministrators,
      body: `${schema}userCreate`,
    },
    async (c, { username, ...input }) =>
      c.json(await store(c).create(c.get('user')!.tenantId, username, input), 201),
  );
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/users/:username', summary: 'One user', tag, roles: accessAdministrators },
    async (c) => c.json(await store(c).get(c.get('user')!.tenantId, c.req.param('username')!)),
  );
  defineRoute<UserInput & { username?: string }>(
    app,
    {
      method: 'put',
      path: '/api/v1/users/:username',
      summary:
        'Change a user: roles, access groups, display name, language; a password resets it and signs the user out',
      tag,
      roles: accessAdministrators,
      body: `${schema}userUpdate`,
    },
    async (c, { username, ...input }) => {
      const target = c.req.param('username')!;
      if (username !== undefined && username !== target)
        throw new ApiError('VALIDATION_FAILED', 'The username differs from the path', {
          errors: [{ pointer: '/username', message: 'must equal the username in the path (it is fixed)' }],
        });
      // Taking the administrator role from yourself would leave nobody able to give it back.
      const self = c.get('user')!;
      if (target === self.username && input.roles && !input.roles.includes('administrator'))
        throw new ApiError('IN_USE', 'You cannot remove the administrator role from yourself');
      return c.json(await store(c).update(self.tenantId, target, input));
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/users/:username',
      summary: 'Delete a user',
      tag,
      roles: accessAdministrators,
    },
    async (c) => {
      const username = c.req.param('username')!;
      if (username === c.get('user')!.username) throw new ApiError('IN_USE', 'You cannot delete yourself');
      await store(c).remove(c.get('user')!.tenantId, username);
      return c.body(null, 204);
    },
  );
}
