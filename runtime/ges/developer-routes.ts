/** The Developer tab: recorded GES errors by corrId, and the tenant's CORS allow-list. */
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Hono } from 'hono';
import { readableQueues } from '../access/queue-access.ts';
import { callbackDevelopers } from '../auth/policies.ts';
import { apiErrors, corsOrigins } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { defineRoute } from '../http/route-spec.ts';

const developers = callbackDevelopers;

export function developerRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/developer/errors',
      summary: 'Recorded /engagement/v3 errors, newest first',
      tag: 'Developer',
      roles: developers,
      lineOfBusiness: 'filter',
      query: [{ name: 'corrId', description: 'One error by its corrId' }],
    },
    async (c) => {
      const { db } = c.get('runtime');
      const corrId = c.req.query('corrId');
      const readable = await readableQueues(c);
      const rows = await db
        .select()
        .from(apiErrors)
        .where(
          corrId
            ? // A 401 names no tenant; whoever holds its corrId (the caller was given it) may look it up.
              and(
                eq(apiErrors.corrId, corrId),
                or(eq(apiErrors.tenantId, c.get('user')!.tenantId), isNull(apiErrors.tenantId)),
              )
            : eq(apiErrors.tenantId, c.get('user')!.tenantId),
        )
        .orderBy(desc(apiErrors.at))
        .limit(500);
      // Errors naming a queue of another line of business are left out.
      const items = rows
        .filter((r) => !r.virtualQueue || readable.canRead(r.virtualQueue))
        .map((r) => ({
          corrId: r.corrId,
          at: new Date(r.at).toISOString(),
          method: r.method,
          path: r.path,
          status: r.status,
          message: r.message,
          virtualQueue: r.virtualQueue,
        }));
      return c.json({ items, total: items.length, page: 1, pageSize: 500 });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/developer/cors-origins',
      summary: 'Origins allowed to call /engagement/v3 from a browser',
      tag: 'Developer',
      roles: developers,
    },
    async (c) => {
      const rows = await c
        .get('runtime')
        .db.select()
        .from(corsOrigins)
        .where(eq(corsOrigins.tenantId, c.get('user')!.tenantId));
      return c.json({ origins: rows.map((r) => r.origin).sort() });
    },
  );
  defineRoute<{ origins: string[] }>(
    app,
    {
      method: 'put',
      path: '/api/v1/developer/cors-origins',
      summary: 'Replace the CORS allow-list',
      tag: 'Developer',
      roles: ['administrator'],
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/corsOrigins',
    },
    async (c, body) => {
      const tenantId = c.get('user')!.tenantId;
      await c.get('runtime').db.transaction(async (tx) => {
        await tx.delete(corsOrigins).where(eq(corsOrigins.tenantId, tenantId));
        if (body.origins.length)
          await tx.insert(corsOrigins).values(body.origins.map((origin) => ({ tenantId, origin })));
      });
      return c.json({ origins: [...body.origins].sort() });
    },
  );
}
