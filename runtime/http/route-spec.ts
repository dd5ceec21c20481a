/**
 * Every route is declared with its method, path, roles and request schema. The declaration both
 * wires the route (auth, body validation) and feeds the OpenAPI description, so the two never
 * drift apart.
 */
import type { Context, Hono } from 'hono';
import type { Role } from '../auth/roles.ts';
import type { AppEnv } from './app-env.ts';
import { requireRoles } from './middleware/auth.ts';
import { readJsonBody } from './middleware/body.ts';
import { refuseUnusableParameters } from './middleware/hostile-input.ts';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Hono path syntax, e.g. /api/v1/applications/:id */
  path: string;
  summary: string;
  tag: string;
  /** 'any' for any signed-in user, 'public' for no sign-in. */
  roles: Role[] | 'any' | 'public';
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
  if (!routeSpecs.some((s) => s.method === spec.method && s.path === spec.path)) routeSpecs.push(spec);
  const guard = requireRoles(spec.roles);
  app.on(spec.method.toUpperCase(), spec.path, guard, async (c) => {
    refuseUnusableParameters(c.req.url, spec.path);
    const body = spec.body ? await readJsonBody(c, spec.body, spec.bodyOptional ?? false) : undefined;
    return handler(c, body as Body);
  });
}
