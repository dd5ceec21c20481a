import type { Hono } from 'hono';
import { designers, designReaders } from '../auth/roles.ts';
import type { AppEnv } from '../http/app-env.ts';
import { paging } from '../http/paging.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { dnisParam } from './e164.ts';

/**
 * Release takes any stored spelling, so a number saved before E.164 was enforced can still go.
 * Hono has decoded the path parameter once already; a second decode would misread a `%`.
 */
function storedDnis(dnis: string): string {
  if (!/^\+?[0-9]{1,20}$/.test(dnis)) {
    throw new ApiError('VALIDATION_FAILED', `${dnis} is not a phone number`, {
      errors: [{ pointer: '/path/dnis', message: 'must be digits with an optional leading +' }],
    });
  }
  return dnis;
}

export function phoneNumberRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/phone-numbers',
      summary: 'Numbers and their applications',
      tag: 'Phone numbers',
      roles: designReaders,
    },
    async (c) => {
      const { page, pageSize } = paging(c);
      const result = await c.get('runtime').phoneNumbers.list(c.get('user')!.tenantId, page, pageSize);
      return c.json({ ...result, page, pageSize });
    },
  );
  defineRoute<{ applicationId: string; move?: boolean }>(
    app,
    {
      method: 'put',
      path: '/api/v1/phone-numbers/:dnis',
      summary:
        "Route a DNIS to an application's live version; a number serving another application is refused with 409 naming it unless `move` is true",
      tag: 'Phone numbers',
      roles: designers,
      body: 'https://ringback.dev/schemas/api.schema.json#/$defs/phoneNumberAssign',
    },
    async (c, { applicationId, move }) =>
      c.json(
        await c
          .get('runtime')
          .phoneNumbers.assign(c.get('user')!.tenantId, dnisParam(c.req.param('dnis')!), applicationId, {
            move: move === true,
          }),
      ),
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/phone-numbers/:dnis',
      summary: 'Release a DNIS',
      tag: 'Phone numbers',
      roles: designers,
    },
    async (c) => {
      await c.get('runtime').phoneNumbers.release(c.get('user')!.tenantId, storedDnis(c.req.param('dnis')!));
      return c.body(null, 204);
    },
  );
}
