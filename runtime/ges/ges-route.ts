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
    try {
      tenantId = await tenantOf(c);
      await allowCors(c, tenantId);
      let body: unknown;
      if (spec.body) {
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
      if (spec.captcha !== false) await checkCaptcha(c, tenantId, body);
      const { data, code } = await handler({ c, tenantId, body });
      return envelope(c, code ?? 200, 'Successful', data);
    } catch (error) {
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
      const {
        errors,
        slots: proposed,
        retryAfter,
      } = problem.extra as {
        errors?: unknown;
        slots?: Slot[];
        retryAfter?: number;
      };
      if (retryAfter !== undefined) c.header('retry-after', String(retryAfter));
      const slots = proposed?.map(slotRecord);
      const data = { code: problem.code, ...(errors ? { errors } : {}), ...(slots ? { slots } : {}) };
      return envelope(c, problem.status, problem.message, data);
    }
  });
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
