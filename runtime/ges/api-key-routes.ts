/**
 * The Developer tab's API keys (api.md "Developer tab"): the GES `x-api-key`s of the tenant. A new
 * key is returned once; only its SHA-256 and first characters are stored, so the list shows the
 * prefix and a lost key is revoked and replaced, never shown again.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Role } from '../auth/roles.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { apiKeys } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { API_KEY_CACHE_MS } from './api-keys.ts';

const developers: Role[] = ['administrator', 'callbackAdministrator', 'callbackDeveloper'];
const tag = 'Developer';
const base = '/api/v1/developer/api-keys';

const view = (row: typeof apiKeys.$inferSelect) => ({
  id: row.id,
  name: row.name,
  keyPrefix: row.keyPrefix,
  createdAt: new Date(row.createdAt).toISOString(),
});

export function apiKeyRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    { method: 'get', path: base, summary: "The tenant's API keys (prefix only)", tag, roles: developers },
    async (c) => {
      const rows = await c
        .get('runtime')
        .db.select()
        .from(apiKeys)
        .where(eq(apiKeys.tenantId, c.get('user')!.tenantId))
        .orderBy(asc(apiKeys.createdAt), asc(apiKeys.name));
      const items = rows.map(view);
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute<{ name: string }>(
    app,
    {
      method: 'post',
      path: base,
      summary: 'Create an API key; the key is in this answer only',
      tag,
      roles: developers,
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/apiKeyCreate',
    },
    async (c, body) => {
      const key = newToken('rbk');
      const [row] = await c
        .get('runtime')
        .db.insert(apiKeys)
        .values({
          id: randomUUID(),
          tenantId: c.get('user')!.tenantId,
          name: body.name,
          keyHash: tokenHash(key),
          keyPrefix: key.slice(0, 8),
        })
        .returning();
      return c.json({ ...view(row!), key }, 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: `${base}/:id`,
      summary: `Revoke an API key (other processes may accept it for up to ${API_KEY_CACHE_MS / 1000} s)`,
      tag,
      roles: developers,
    },
    async (c) => {
      const deleted = await c
        .get('runtime')
        .db.delete(apiKeys)
        .where(and(eq(apiKeys.tenantId, c.get('user')!.tenantId), eq(apiKeys.id, c.req.param('id')!)))
        .returning({ id: apiKeys.id });
      if (deleted.length === 0) throw new ApiError('NOT_FOUND', `No API key ${c.req.param('id')}`);
      return c.body(null, 204);
    },
  );
  defineRoute<{ key: string }>(
    app,
    {
      method: 'post',
      path: `${base}/validate`,
      summary: 'Whether a key is a live key of this tenant (and which)',
      tag,
      roles: developers,
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/apiKeyValidate',
    },
    async (c, body) => {
      const [row] = await c
        .get('runtime')
        .db.select()
        .from(apiKeys)
        .where(and(eq(apiKeys.tenantId, c.get('user')!.tenantId), eq(apiKeys.keyHash, tokenHash(body.key))));
      return c.json(row ? { valid: true, ...view(row) } : { valid: false });
    },
  );
}
