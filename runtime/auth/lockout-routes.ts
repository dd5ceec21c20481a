/** The Developer tab's list of lockouts (runtime/auth/guess-throttle.ts), newest first. */
import { count, desc, eq, isNull, or } from 'drizzle-orm';
import type { Hono } from 'hono';
import { authLockouts } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { paging } from '../http/paging.ts';
import { defineRoute } from '../http/route-spec.ts';
import type { Role } from './roles.ts';

const developers: Role[] = ['administrator', 'callbackAdministrator', 'callbackDeveloper'];

export function lockoutRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/developer/lockouts',
      summary: 'Accounts and client addresses locked out for guessing passwords or API keys, newest first',
      tag: 'Developer',
      roles: developers,
      query: [
        { name: 'page', description: 'Page, from 1' },
        { name: 'pageSize', description: 'Up to 250; default 50' },
      ],
    },
    async (c) => {
      const { db } = c.get('runtime');
      const { page, pageSize } = paging(c);
      // Address lockouts name no tenant (the guesses named none): every tenant's developers see them.
      const mine = or(eq(authLockouts.tenantId, c.get('user')!.tenantId), isNull(authLockouts.tenantId));
      const rows = await db
        .select()
        .from(authLockouts)
        .where(mine)
        .orderBy(desc(authLockouts.at))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(authLockouts).where(mine);
      const items = rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        kind: r.kind,
        scope: r.scope,
        account: r.account,
        clientAddress: r.clientAddress,
        until: new Date(r.until).toISOString(),
      }));
      return c.json({ items, total, page, pageSize });
    },
  );
}
