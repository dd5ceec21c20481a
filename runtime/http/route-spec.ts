/**
 * Every route is declared with its method, path, policy (roles, and how it honours lines of
 * business) and request schema. The declaration both wires the route (auth, lines of business,
 * body validation) and feeds the OpenAPI description and docs/access-control.md, so none of them
 * drift apart. A route without roles cannot be declared; test/access/route-policy.test.ts calls
 * every declared route with every role.
 */
import type { Context, Hono } from 'hono';
import type { Role } from '../auth/roles.ts';
import type { AppEnv } from './app-env.ts';
import { requireMemberRoles, requireRoles } from './middleware/auth.ts';
import { readJsonBody } from './middleware/body.ts';
import { refuseUnusableParameters } from './middleware/hostile-input.ts';

/**
 * How a route honours lines of business (runtime/access/queue-access.ts), for signed-in users:
 * - 'queue': the path's `:virtualQueue` names a callback queue; one the user may not read
 *   answers 404 NOT_FOUND, checked before anything else (so names cannot be probed);
 * - 'callback': the path's `:id` names a callback; likewise 404 when its queue is not readable;
 * - 'filter': the answer only holds what the user's readable queues hold (the handler applies
 *   `readableQueues(c)`: lists filter, bulk operations skip, exports and figures exclude).
 * Absent: the route holds no per-queue data.
 */
export type LineOfBusiness = 'queue' | 'callback' | 'filter';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Hono path syntax, e.g. /api/v1/applications/:id */
  path: string;
  summary: string;
  tag: string;
  /**
   * The route's policy: any one of these roles opens it (use the named lists of
   * runtime/auth/policies.ts); 'any' for any signed-in user, 'public' for no sign-in.
   */
  roles: Role[] | 'any' | 'public';
  lineOfBusiness?: LineOfBusiness;
  /** Body members that need narrower roles than the route's (refused 403, naming each member). */
  memberRoles?: Record<string, Role[]>;
  /** $id (with fragment) of the JSON Schema the body must match; absent for no body. */
  body?: string;
  /** The body may be omitted. */
  bodyOptional?: boolean;
  query?: { name: string; description: string; required?: boolean }[];
  responses?: Record<number, string>;
}

export const routeSpecs: RouteSpec[] = [];

export function defineRoute<Body = unknown>(
  app: Hono<AppEnv>,
  spec: RouteSpec,
  handler: (c: Context<AppEnv>, body: Body) => Response | Promise<Response>,
): void {
  if (Array.isArray(spec.roles) && spec.roles.length === 0)
    throw new Error(`${spec.method.toUpperCase()} ${spec.path} declares no role`);
  if (!routeSpecs.some((s) => s.method === spec.method && s.path === spec.path)) routeSpecs.push(spec);
  const guard = requireRoles(spec.roles, spec.lineOfBusiness);
  app.on(spec.method.toUpperCase(), spec.path, guard, async (c) => {
    refuseUnusableParameters(c.req.url, spec.path);
    const body = spec.body ? await readJsonBody(c, spec.body, spec.bodyOptional ?? false) : undefined;
    if (spec.memberRoles) requireMemberRoles(c, spec.memberRoles, body);
    return handler(c, body as Body);
  });
}
