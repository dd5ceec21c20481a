import { and, eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { readableQueues } from '../../access/queue-access.ts';
import type { Role } from '../../auth/roles.ts';
import { callbacks } from '../../db/schema.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError, type FieldError } from '../problem.ts';
import type { LineOfBusiness } from '../route-spec.ts';
import { refuseUnusableParameters } from './hostile-input.ts';

export const sessionCookie = 'rb_session';

export function presentedToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return getCookie(c, sessionCookie);
}

/**
 * Resolves the signed-in user (if any), checks the route's roles, then its line of business:
 * a queue or callback the user may not read answers exactly as one that does not exist.
 */
export function requireRoles(
  roles: Role[] | 'any' | 'public',
  lineOfBusiness?: LineOfBusiness,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (roles === 'public') return next();
    const token = presentedToken(c);
    const user = token ? await c.get('runtime').auth.authenticate(token) : undefined;
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in, or send Authorization: Bearer <token>');
    c.set('user', user);
    if (roles !== 'any' && !roles.some((role) => user.roles.includes(role))) {
      throw new ApiError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
    }
    // Parameters are looked up below: refuse what the database cannot store before that.
    if (lineOfBusiness) refuseUnusableParameters(c.req.url, c.req.routePath);
    if (lineOfBusiness === 'queue') {
      const queue = c.req.param('virtualQueue');
      if (queue && !(await readableQueues(c)).canRead(queue))
        throw new ApiError('NOT_FOUND', `No queue ${queue}`);
    }
    if (lineOfBusiness === 'callback') {
      const id = c.req.param('id');
      const queue = id ? await queueOfCallback(c, user.tenantId, id) : undefined;
      if (queue !== undefined && !(await readableQueues(c)).canRead(queue))
        throw new ApiError('NOT_FOUND', `No callback ${id}`);
    }
    return next();
  };
}

async function queueOfCallback(
  c: Context<AppEnv>,
  tenantId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await c
    .get('runtime')
    .db.select({ queue: callbacks.virtualQueue })
    .from(callbacks)
    .where(and(eq(callbacks.tenantId, tenantId), eq(callbacks.id, id)));
  return row?.queue;
}

/** Refuses body members the user's roles may not set, naming every one. */
export function requireMemberRoles(
  c: Context<AppEnv>,
  memberRoles: Record<string, Role[]>,
  body: unknown,
): void {
  if (!body || typeof body !== 'object') return;
  const roles = c.get('user')?.roles ?? [];
  const errors: FieldError[] = [];
  for (const [member, allowed] of Object.entries(memberRoles)) {
    if (member in body && !allowed.some((role) => roles.includes(role)))
      errors.push({ pointer: `/${member}`, message: `needs one of the roles: ${allowed.join(', ')}` });
  }
  if (errors.length)
    throw new ApiError(
      'FORBIDDEN',
      `Your roles may not set ${errors.map((e) => e.pointer.slice(1)).join(', ')}`,
      {
        errors,
      },
    );
}
