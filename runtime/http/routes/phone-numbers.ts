import type { Hono } from 'hono';
import { designers, designReaders } from '../../auth/roles.ts';
import type { AppEnv } from '../app-env.ts';
import { paging } from '../paging.ts';
import { ApiError } from '../problem.ts';
import { defineRoute } from '../route-spec.ts';

const dnisPattern = /^\+?[0-9]{1,20}$/;

/** Hono has decoded the path parameter once already; a second decode would misread a `%`. */
function dnisParam(dnis: string): string {
  if (!dnisPattern.test(dnis)) {
    throw new ApiError('VALIDATION_FAILED', 'A DNIS is digits with an optional leading +', {
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
  defineRoute<{ applicationId: string }>(
    app,
    {
      method: 'put',
      path: '/api/v1/phone-numbers/:dnis',
      summary: "Route a DNIS to an application's live version",
      tag: 'Phone numbers',
      roles: designers,
      body: 'https://ringback.dev/schemas/api.schema.json#/$defs/phoneNumberAssign',
    },
    async (c, { applicationId }) =>
      c.json(
        await c
          .get('runtime')
          .phoneNumbers.assign(c.get('user')!.tenantId, dnisParam(c.req.param('dnis')!), applicationId),
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
      await c.get('runtime').phoneNumbers.release(c.get('user')!.tenantId, dnisParam(c.req.param('dnis')!));
      return c.body(null, 204);
    },
  );
}
