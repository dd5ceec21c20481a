import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Role } from '../../auth/roles.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';

export const sessionCookie = 'rb_session';

export function presentedToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return getCookie(c, sessionCookie);
}

/** Resolves the signed-in user (if any) and checks the route's roles. */
export function requireRoles(roles: Role[] | 'any' | 'public'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (roles === 'public') return next();
    const token = presentedToken(c);
    const user = token ? await c.get('runtime').auth.authenticate(token) : undefined;
    if (!user) throw new ApiError('UNAUTHENTICATED', 'Sign in, or send Authorization: Bearer <token>');
    c.set('user', user);
    if (roles !== 'any' && !roles.some((role) => user.roles.includes(role))) {
      throw new ApiError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
    }
    return next();
  };
}
