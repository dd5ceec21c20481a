/** The Callback tab's routes (api.md "Callbacks (admin)"). */
import type { Context, Hono } from 'hono';
import { readableQueues } from '../access/queue-access.ts';
import { callbackManagers as managers, callbackViewers as viewers } from '../auth/policies.ts';
import type { AppEnv } from '../http/app-env.ts';
import { paging } from '../http/paging.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import type { Slot } from '../scheduling/index.ts';
import { auditOf, type CallbackState, findCallback } from './callback-store.ts';
import { isOverdue, listCallbacks, queuePosition } from './queries.ts';
import { serviceNotFound } from './queue-config.ts';
import { callbackRecord } from './record.ts';
import { slotRecord } from './slots.ts';

const tag = 'Callbacks';
const states = ['SCHEDULED', 'QUEUED', 'ROUTING', 'PROCESSING', 'COMPLETED'];

function instant(c: Context<AppEnv>, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw new ApiError('VALIDATION_FAILED', `${name} must be an ISO 8601 instant`, {
      errors: [{ pointer: `/query/${name}`, message: 'must be an ISO 8601 instant' }],
    });
  return ms;
}

function list(c: Context<AppEnv>, name: string): string[] | undefined {
  const raw = c.req.query(name);
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

const actorOf = (c: Context<AppEnv>) => `ui:${c.get('user')!.username}`;

/** A 429's proposed slots in the availability shape. */
async function withSlotRecords<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError && Array.isArray(error.extra.slots))
      throw new ApiError(error.code, error.message, {
        ...error.extra,
        slots: (error.extra.slots as Slot[]).map(slotRecord),
      });
    throw error;
  }
}

export function callbackRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/callbacks',
      summary:
        'Callbacks by desired time range, states, services, search (id or phone number) and overdue (true: SCHEDULED past their Desired Callback Time window); pages of up to 250',
      tag,
      roles: viewers,
      lineOfBusiness: 'filter',
      query: ['from', 'to', 'states', 'services', 'search', 'overdue', 'page', 'pageSize'].map((name) => ({
        name,
        description: name,
      })),
    },
    async (c) => {
      const { page, pageSize } = paging(c, 250);
      const wanted = list(c, 'states');
      const bad = wanted?.filter((s) => !states.includes(s)) ?? [];
      if (bad.length)
        throw new ApiError('VALIDATION_FAILED', `Unknown state(s) ${bad.join(', ')}`, {
          errors: [{ pointer: '/query/states', message: `must be among ${states.join(', ')}` }],
        });
      const overdue = c.req.query('overdue');
      if (overdue !== undefined && overdue !== 'true' && overdue !== 'false')
        throw new ApiError('VALIDATION_FAILED', 'overdue must be true or false', {
          errors: [{ pointer: '/query/overdue', message: 'must be true or false' }],
        });
      const { items, total } = await listCallbacks(
        c.get('runtime').db,
        c.get('user')!.tenantId,
        {
          fromMs: instant(c, 'from'),
          toMs: instant(c, 'to'),
          states: wanted as CallbackState[] | undefined,
          services: list(c, 'services'),
          search: c.req.query('search'),
          readable: await readableQueues(c),
          overdue: overdue === undefined ? undefined : overdue === 'true',
        },
        page,
        pageSize,
        c.get('runtime').clock.now(),
      );
      return c.json({ items: items.map((row) => callbackRecord(row)), total, page, pageSize });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/callbacks/cancellation-summary.csv',
      summary: 'Callbacks cancelled by an administrator (CSV)',
      tag,
      roles: managers,
      lineOfBusiness: 'filter',
      query: [
        { name: 'from', description: 'ISO instant' },
        { name: 'to', description: 'ISO instant' },
      ],
    },
    async (c) => {
      const { items } = await listCallbacks(
        c.get('runtime').db,
        c.get('user')!.tenantId,
        {
          fromMs: instant(c, 'from'),
          toMs: instant(c, 'to'),
          states: ['COMPLETED'],
          reasons: ['CANCELLED_BY_ADMIN'],
          readable: await readableQueues(c),
        },
        1,
        100_000,
        c.get('runtime').clock.now(),
      );
      const cell = (v: unknown) => `"${String(v ?? '').replaceAll('"', '""')}"`;
      const lines = [
        'id,serviceName,phoneNumber,desiredTime,cancelledAt,state',
        ...items.map((r) =>
          [
            r.id,
            r.virtualQueue,
            r.phoneNumber,
            new Date(r.desiredTime).toISOString(),
            r.completedAt ? new Date(r.completedAt).toISOString() : '',
            `COMPLETED (${r.reason})`,
          ]
            .map(cell)
            .join(','),
        ),
      ];
      return c.body(`${lines.join('\n')}\n`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="cancellation-summary.csv"',
      });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/callbacks/:id',
      summary: 'One callback with its metrics and audit',
      tag,
      roles: viewers,
      lineOfBusiness: 'callback',
    },
    async (c) => {
      const runtime = c.get('runtime');
      const row = await findCallback(runtime.db, c.get('user')!.tenantId, c.req.param('id')!);
      if (!row) throw new ApiError('NOT_FOUND', `No callback ${c.req.param('id')}`);
      const queue = await queuePosition(runtime.db, runtime.callbacks.host, runtime.callbacks.queues, row);
      const audit = (await auditOf(runtime.db, row.id)).map((a) => ({
        at: new Date(a.at).toISOString(),
        from: a.fromState,
        to: a.toState,
        reason: a.reason,
        actor: a.actor,
      }));
      const overdue = await isOverdue(runtime.callbacks.queues, row, runtime.clock.now());
      return c.json({ ...callbackRecord({ ...row, overdue }, queue), audit });
    },
  );
  defineRoute<{
    serviceName: string;
    phoneNumber: string;
    desiredTime?: string;
    priority?: number;
    userData?: Record<string, unknown>;
    overrideCapacity?: boolean;
  }>(
    app,
    {
      method: 'post',
      path: '/api/v1/callbacks',
      summary:
        'Create or schedule a callback (regardless of the enabled flags). A scheduled time must be in an available slot (429 SLOT_UNAVAILABLE with the nearest free slots) unless overrideCapacity is set, which the audit records',
      tag,
      roles: managers,
      lineOfBusiness: 'filter',
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/adminCreate',
    },
    async (c, body) => {
      // A queue of another line of business answers as one that does not exist.
      if (!(await readableQueues(c)).canRead(body.serviceName)) throw serviceNotFound(body.serviceName);
      const row = await withSlotRecords(() =>
        c.get('runtime').callbacks.booking.book({
          tenantId: c.get('user')!.tenantId,
          virtualQueue: body.serviceName,
          phoneNumber: body.phoneNumber,
          desiredTimeMs: body.desiredTime ? Date.parse(body.desiredTime) : undefined,
          priority: body.priority,
          userData: body.userData,
          details: { channel: 'UI', ...(body.overrideCapacity ? { capacityOverride: true } : {}) },
          // The guide offers an administrator only available slots; the override is explicit and audited.
          alwaysCheckCapacity: !body.overrideCapacity,
          ...(body.overrideCapacity ? { auditReason: 'BOOKED_CAPACITY_OVERRIDE' } : {}),
          actor: actorOf(c),
        }),
      );
      return c.json(callbackRecord(row), 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/callbacks/:id/cancel',
      summary: 'Cancel a callback (never while PROCESSING)',
      tag,
      roles: managers,
      lineOfBusiness: 'callback',
    },
    async (c) =>
      c.json(
        callbackRecord(
          await c
            .get('runtime')
            .callbacks.lifecycle.cancel(c.get('user')!.tenantId, c.req.param('id')!, actorOf(c), true),
        ),
      ),
  );
  defineRoute<{ desiredTime: string }>(
    app,
    {
      method: 'post',
      path: '/api/v1/callbacks/:id/reschedule',
      summary:
        'Move a SCHEDULED callback (409 CALLBACK_NOT_RESCHEDULABLE otherwise) to another desired time within the horizon, into an open slot with room (429 SLOT_UNAVAILABLE with the nearest free slots otherwise)',
      tag,
      roles: managers,
      lineOfBusiness: 'callback',
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/reschedule',
    },
    async (c, body) => {
      const row = await withSlotRecords(() =>
        c
          .get('runtime')
          .callbacks.lifecycle.reschedule(
            c.get('user')!.tenantId,
            c.req.param('id')!,
            Date.parse(body.desiredTime),
            actorOf(c),
          ),
      );
      return c.json(callbackRecord(row));
    },
  );
  defineRoute<{ desiredTime: string } | undefined>(
    app,
    {
      method: 'post',
      path: '/api/v1/callbacks/:id/recreate',
      summary:
        'A new callback from a COMPLETED one (immediate, or at desiredTime); 409 CALLBACK_NOT_RECREATABLE otherwise',
      tag,
      roles: managers,
      lineOfBusiness: 'callback',
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/reschedule',
      bodyOptional: true,
    },
    async (c, body) => {
      const desired = body?.desiredTime ? Date.parse(body.desiredTime) : undefined;
      return c.json(
        callbackRecord(
          await c
            .get('runtime')
            .callbacks.lifecycle.recreate(c.get('user')!.tenantId, c.req.param('id')!, desired, actorOf(c)),
        ),
        201,
      );
    },
  );
  defineRoute<{ ids: string[] }>(
    app,
    {
      method: 'post',
      path: '/api/v1/callbacks/bulk-cancel',
      summary:
        'Cancel many callbacks; PROCESSING and COMPLETED ones, and those of queues you may not read (NOT_FOUND), are skipped and reported',
      tag,
      roles: managers,
      lineOfBusiness: 'filter',
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/bulkCancel',
    },
    async (c, body) =>
      c.json(
        await c
          .get('runtime')
          .callbacks.lifecycle.bulkCancel(
            c.get('user')!.tenantId,
            body.ids,
            actorOf(c),
            await readableQueues(c),
          ),
      ),
  );
}
