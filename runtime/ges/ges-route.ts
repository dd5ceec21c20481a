/**
 * How every /engagement/v3 route behaves (ges-api.md "Transport"): `x-api-key` names the tenant,
 * only the tenant's allowed origins get CORS headers, bodies are validated with the shared
 * schemas, and every answer is the `{ status: { code, message, corrId }, data }` envelope. Each
 * error is recorded in api_errors, searchable by corrId in the Developer tab.
 */

import { getConnInfo } from '@hono/node-server/conninfo';
import { and, eq } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { schemaValidator } from '../../schemas/validation/index.ts';
import { slotRecord } from '../callbacks/slots.ts';
import { apiErrors, corsOrigins } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readJsonValue } from '../http/middleware/body.ts';
import { printable, refuseUnusableParameters } from '../http/middleware/hostile-input.ts';
import { ApiError } from '../http/problem.ts';
import { clientAddress } from '../http/request-origin.ts';
import { routeSpecs } from '../http/route-spec.ts';
import { logFailure } from '../log/failure.ts';
import type { Slot } from '../scheduling/index.ts';
import { rememberedTenantOfKey, tenantOfKey } from './api-keys.ts';

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

const utcText = (ms: number) => new Date(ms).toISOString();

/** The request's body is JSON (or has no declared type); anything else is 415. */
function requireJson(c: Context<AppEnv>): void {
  const type = c.req.header('content-type');
  if (type && !/^application\/([a-z.+-]*\+)?json\b/i.test(type))
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Send application/json, not ${type}`);
}

/**
 * The tenant of the request's key. A key this process knows is served at once; any other is a
 * possible guess: refused while its client address is locked out, and counted when wrong.
 */
async function tenantOf(c: Context<AppEnv>): Promise<string> {
  const key = c.req.header('x-api-key');
  if (!key) throw new ApiError('INVALID_API_KEY', 'The x-api-key header is missing');
  const { db, guesses } = c.get('runtime');
  const remembered = rememberedTenantOfKey(db, key);
  if (remembered) return remembered;
  const address = clientAddress(c);
  await guesses.refuseIfLocked('apiKey', address);
  const tenantId = await tenantOfKey(db, key);
  if (tenantId) return tenantId;
  await guesses.guess('apiKey', { clientAddress: address });
  throw new ApiError('INVALID_API_KEY', 'The API key is not valid');
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

/** The caller's address as the socket saw it (absent when the app is called without a server). */
function remoteAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** The token of a callback operation: the body's captchaToken, or the query parameter on GET. */
async function checkCaptcha(c: Context<AppEnv>, tenantId: string, body: unknown): Promise<void> {
  const fromBody = (body as { captchaToken?: unknown } | undefined)?.captchaToken;
  const token = typeof fromBody === 'string' ? fromBody : c.req.query('captchaToken');
  await c.get('runtime').captcha.check(tenantId, token || undefined, {
    remoteIp: remoteAddress(c),
    origin: c.req.header('origin'),
  });
}

export function gesRoute(
  app: Hono<AppEnv>,
  spec: {
    method: 'get' | 'post';
    path: string;
    summary: string;
    body?: string;
    query?: { name: string; description: string }[];
    /** A callback operation: needs a captchaToken when the tenant enabled CAPTCHA (default true). */
    captcha?: boolean;
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
    let body: unknown;
    try {
      tenantId = await tenantOf(c);
      await allowCors(c, tenantId);
      refuseUnusableParameters(c.req.url, path);
      if (spec.body) {
        requireJson(c);
        body = await readJsonValue(c);
        const errors = schemaValidator().validate(spec.body, body ?? null);
        if (errors.length > 0)
          throw new ApiError(
            'VALIDATION_FAILED',
            errors.map((e) => `${e.pointer || '/'} ${e.message}`).join('; '),
            { errors },
          );
      }
      if (spec.captcha !== false) await checkCaptcha(c, tenantId, body);
      const { data, code } = await handler({ c, tenantId, body });
      return envelope(c, code ?? 200, 'Successful', data);
    } catch (error) {
      return gesError(c, error, tenantId, queueNamed(c, body));
    }
  });
}

/**
 * An error as the GES envelope, recorded for the Developer tab. Also used by the app for what
 * fails before a GES route runs (unknown route, body too large), so every /engagement/v3 answer
 * has the envelope.
 */
export async function gesError(
  c: Context<AppEnv>,
  error: unknown,
  tenantId?: string,
  virtualQueue: string | null = null,
): Promise<Response> {
  const problem =
    error instanceof ApiError ? error : new ApiError('INTERNAL', 'Internal error; quote the corrId');
  if (!(error instanceof ApiError))
    logFailure(`${c.get('corrId')} ${c.req.method} ${c.req.routePath}`, error);
  await c
    .get('runtime')
    .db.insert(apiErrors)
    .values({
      corrId: c.get('corrId'),
      tenantId: tenantId ?? null,
      at: c.get('runtime').clock.now(),
      method: c.req.method.slice(0, 16),
      path: printable(c.req.path).slice(0, 1024),
      status: problem.status,
      message: printable(`${problem.code}: ${problem.message}`).slice(0, 2048),
      virtualQueue: virtualQueue === null ? null : printable(virtualQueue).slice(0, 256),
    })
    .onConflictDoNothing()
    .catch(() => undefined);
  const {
    errors,
    slots: proposed,
    retryAfter,
  } = problem.extra as { errors?: unknown; slots?: Slot[]; retryAfter?: number };
  if (retryAfter !== undefined) c.header('retry-after', String(retryAfter));
  // data.slots (429 proposals) is the GES map of each proposed slot's UTC start to its remaining
  // capacity; the proposals in the availability shape are in data.proposedSlots.
  const slots = proposed
    ? {
        slots: Object.fromEntries(proposed.map((slot) => [utcText(slot.startMs), slot.remaining])),
        proposedSlots: proposed.map(slotRecord),
      }
    : {};
  const data = { code: problem.code, ...(errors ? { errors } : {}), ...slots };
  const { retryAfterSeconds } = problem.extra as { retryAfterSeconds?: number };
  if (retryAfterSeconds) c.header('retry-after', String(retryAfterSeconds));
  return envelope(c, problem.status, problem.message, data);
}

/** The queue a GES request names (path or body), so its errors follow the queue's line of business. */
function queueNamed(c: Context<AppEnv>, body: unknown): string | null {
  const fromBody = (body as { serviceName?: unknown } | undefined)?.serviceName;
  return c.req.param('serviceName') ?? (typeof fromBody === 'string' ? fromBody : null);
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
