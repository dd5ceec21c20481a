/**
 * How every /engagement/v3 route behaves (ges-api.md "Transport"): `x-api-key` names the tenant,
 * only the tenant's allowed origins get CORS headers, bodies are validated with the shared
 * schemas, and every answer is the `{ status: { code, message, corrId }, data }` envelope. Each
 * error is recorded in api_errors, searchable by corrId in the Developer tab.
 */

import { and, eq } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { schemaValidator } from '../../schemas/validation/index.ts';
import { slotRecord } from '../callbacks/slots.ts';
import { apiErrors, corsOrigins } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { routeSpecs } from '../http/route-spec.ts';
import type { Slot } from '../scheduling/index.ts';
import { tenantOfKey } from './api-keys.ts';

export const gesBase = '/engagement/v3';

export interface GesContext {
  c: Context<AppEnv>;
  tenantId: string;
  body: unknown;
}

export function envelope(c: Context<AppEnv>, code: number, message: string, data: unknown) {
  return c.json({ status: { code, message, corrId: c.get('corrId') }, data }, code as 200);
}

export const isGesPath = (path: string) => path === gesBase || path.startsWith(`${gesBase}/`);

/**
 * A refusal in the GES envelope, recorded for the Developer tab. `data.slots` (429 proposals) is
 * the GES map of each proposed slot's UTC start to its remaining capacity; the proposals in the
 * availability shape are in `data.proposedSlots`.
 */
export async function gesError(c: Context<AppEnv>, error: unknown, tenantId?: string): Promise<Response> {
  const problem =
    error instanceof ApiError ? error : new ApiError('INTERNAL', 'Internal error; quote the corrId');
  if (!(error instanceof ApiError))
    console.error(`[${c.get('corrId')}] ${c.req.method} ${c.req.path}:`, error);
  await c
    .get('runtime')
    .db.insert(apiErrors)
    .values({
      corrId: c.get('corrId'),
      tenantId: tenantId ?? null,
      at: c.get('runtime').clock.now(),
      method: c.req.method,
      path: c.req.path,
      status: problem.status,
      message: `${problem.code}: ${problem.message}`,
    })
    .onConflictDoNothing()
    .catch(() => undefined);
  const { errors, slots: proposed } = problem.extra as { errors?: unknown; slots?: Slot[] };
  const slots = proposed
    ? {
        slots: Object.fromEntries(proposed.map((slot) => [utcText(slot.startMs), slot.remaining])),
        proposedSlots: proposed.map(slotRecord),
      }
    : {};
  const data = { code: problem.code, ...(errors ? { errors } : {}), ...slots };
  return envelope(c, problem.status, problem.message, data);
}

const utcText = (ms: number) => new Date(ms).toISOString();

/** The request's body is JSON (or has no declared type); anything else is 415. */
function requireJson(c: Context<AppEnv>): void {
  const type = c.req.header('content-type');
  if (type && !/^application\/([a-z.+-]*\+)?json\b/i.test(type))
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Send application/json, not ${type}`);
}

async function tenantOf(c: Context<AppEnv>): Promise<string> {
  const key = c.req.header('x-api-key');
  if (!key) throw new ApiError('INVALID_API_KEY', 'The x-api-key header is missing');
  const tenantId = await tenantOfKey(c.get('runtime').db, key);
  if (!tenantId) throw new ApiError('INVALID_API_KEY', 'The API key is not valid');
  return tenantId;
}

async function allowCors(c: Context<AppEnv>, tenantId: string | undefined): Promise<boolean> {
  const origin = c.req.header('origin');
  if (!origin) return false;
  const db = c.get('runtime').db;
  const where = tenantId
    ? and(eq(corsOrigins.tenantId, tenantId), eq(corsOrigins.origin, origin))
    : eq(corsOrigins.origin, origin);
  const [allowed] = await db.select().from(corsOrigins).where(where).limit(1);
  if (!allowed) return false;
  c.header('access-control-allow-origin', origin);
  c.header('vary', 'Origin');
  return true;
}

export function gesRoute(
  app: Hono<AppEnv>,
  spec: {
    method: 'get' | 'post';
    path: string;
    summary: string;
    body?: string;
    query?: { name: string; description: string }[];
  },
  handler: (ges: GesContext) => Promise<{ data: unknown; code?: number }>,
) {
  const path = `${gesBase}${spec.path}`;
  routeSpecs.push({
    method: spec.method,
    path,
    summary: `${spec.summary} (x-api-key)`,
    tag: 'GES engagement v3',
    roles: 'public',
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.query ? { query: spec.query } : {}),
  });
  app.on(spec.method.toUpperCase(), path, async (c) => {
    let tenantId: string | undefined;
    try {
      tenantId = await tenantOf(c);
      await allowCors(c, tenantId);
      let body: unknown;
      if (spec.body) {
        requireJson(c);
        const text = await c.req.text();
        try {
          body = text.trim() === '' ? undefined : JSON.parse(text);
        } catch {
          throw new ApiError('MALFORMED_JSON', 'The body is not valid JSON');
        }
        const errors = schemaValidator().validate(spec.body, body ?? null);
        if (errors.length > 0)
          throw new ApiError(
            'VALIDATION_FAILED',
            errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; '),
            { errors },
          );
      }
      const { data, code } = await handler({ c, tenantId, body });
      return envelope(c, code ?? 200, 'Successful', data);
    } catch (error) {
      return gesError(c, error, tenantId);
    }
  });
}

/** Paths of the GES routes by method, as patterns (for 405 with `allow`). */
function gesPatterns(): { method: string; pattern: RegExp }[] {
  return routeSpecs
    .filter((spec) => isGesPath(spec.path))
    .map((spec) => ({
      method: spec.method.toUpperCase(),
      pattern: new RegExp(`^${spec.path.replace(/:[^/]+/g, '[^/]+')}/?$`),
    }));
}

/**
 * Every other request under /engagement/v3 answers in the GES envelope too: 405 (with `allow`)
 * for a known path asked with another method, 404 for an unknown path. Registered after the
 * GES routes and the preflight.
 */
export function gesFallback(app: Hono<AppEnv>) {
  app.all(`${gesBase}/*`, (c) => {
    const allowed = gesPatterns()
      .filter((route) => route.pattern.test(c.req.path))
      .map((route) => route.method);
    if (allowed.length > 0) {
      c.header('allow', [...new Set(allowed)].join(', '));
      return gesError(
        c,
        new ApiError(
          'METHOD_NOT_ALLOWED',
          `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}`,
        ),
      );
    }
    return gesError(c, new ApiError('ROUTE_NOT_FOUND', `No route ${c.req.method} ${c.req.path}`));
  });
  app.all(gesBase, (c) =>
    gesError(c, new ApiError('ROUTE_NOT_FOUND', `No route ${c.req.method} ${c.req.path}`)),
  );
}

/** Preflight: headers for an origin some tenant allows (the key is not sent on preflight). */
export function gesPreflight(app: Hono<AppEnv>) {
  app.options(`${gesBase}/*`, async (c) => {
    if (await allowCors(c, undefined)) {
      c.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      c.header('access-control-allow-headers', 'content-type, x-api-key');
      c.header('access-control-max-age', '600');
    }
    return c.body(null, 204);
  });
}
