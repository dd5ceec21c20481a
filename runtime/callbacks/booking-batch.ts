/**
 * One booking batch (see booking.ts): the checks needing no lock (`prepare`), the locked reads
 * (`readCounts`), the decisions in arrival order (`decide`) and the writes (`writeBatch`).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rows } from '../db/migrate.ts';
import { callbackAudit, callbacks, queueCounts } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';
import { type CallbackRow, RETENTION_MS, type Transaction, waitingStates } from './callback-store.ts';
import { checkDesiredTime } from './desired-time.ts';
import { checkNumber, numberRefusal } from './number-check.ts';
import { configVersion, type QueueConfig, type QueueConfigs } from './queue-config.ts';
import { slotOf } from './slots.ts';

const DAY = 86_400_000;

export interface BookingRequest {
  tenantId: string;
  virtualQueue: string;
  phoneNumber: string;
  /** Absent: immediate. */
  desiredTimeMs?: number | undefined;
  /** Overrides the queue's Priority Initial only. */
  priority?: number | undefined;
  userData?: Record<string, unknown> | undefined;
  details?: Record<string, unknown> | undefined;
  /** Refuse a scheduled time whose slot is full or closed (429 with proposals). */
  alwaysCheckCapacity?: boolean | undefined;
  /** GES: whether the request carried push targets (a USERORIGINATED queue requires them). */
  hasPushTargets?: boolean | undefined;
  actor: string;
  /** The booking's audit reason; BOOKED by default (an administrator's capacity override differs). */
  auditReason?: string | undefined;
}

/** What a booking is, as far as the checks needing no lock can tell, under one configuration. */
export interface Prepared {
  config: QueueConfig;
  e164: string;
  immediate: boolean;
  desired: number;
  slot: { startMs: number; total: number } | undefined;
}

/** A booking that passed the checks needing no lock, waiting for its batch. */
export interface Pending extends Prepared {
  request: BookingRequest;
  at: number;
  settle(outcome: Outcome): void;
}

/**
 * The checks needing no lock, against one configuration: the number and its rule, the horizon,
 * a closed slot (when capacity is checked). Refusals are returned, not thrown, so a batch can run
 * them again when the configuration changed under it.
 */
export function prepare(
  request: BookingRequest,
  config: QueueConfig,
  at: number,
): { ok: Prepared } | { refused: ApiError } | { slotClosed: Prepared } {
  const { settings } = config;
  if (request.hasPushTargets === false && settings.callDirection === 'USERORIGINATED')
    return {
      refused: new ApiError('VALIDATION_FAILED', 'pushTargets are required for a USERORIGINATED service', {
        errors: [{ pointer: '/pushTargets', message: 'required for a USERORIGINATED service' }],
      }),
    };
  const number = checkNumber(config, request.phoneNumber);
  if (!number.ok) return { refused: numberRefusal(number) };
  const immediate = request.desiredTimeMs === undefined;
  if (request.desiredTimeMs === undefined)
    return { ok: { config, e164: number.e164, immediate, desired: at, slot: undefined } };
  const time = checkDesiredTime(request.desiredTimeMs, at, settings);
  if (!time.ok) return { refused: time.error };
  const { desired } = time;
  const prepared = { config, e164: number.e164, immediate, desired, slot: slotOf(config, desired) };
  if (request.alwaysCheckCapacity && prepared.slot.total <= 0) return { slotClosed: prepared };
  return { ok: prepared };
}

/** The queue's configuration changed since the batch's bookings were checked (null: deleted). */
export class ConfigChanged extends Error {
  constructor(readonly version: string | null | undefined) {
    super('the queue configuration changed');
  }
}

export type Outcome = { row: CallbackRow } | { refused: ApiError } | { slotFull: true } | { failed: unknown };

interface Counts {
  /** Per number: callbacks still waiting (any state but COMPLETED). */
  waiting: Map<string, number>;
  /** Per number: immediate callbacks booked in the last 24 hours. */
  today: Map<string, number>;
  /** The queue's immediate callbacks QUEUED or ROUTING (only read when the batch has one). */
  queued: number;
  /** Per slot start: scheduled callbacks holding it. */
  slots: Map<number, number>;
}

/** Decides each booking in arrival order, counting the admitted ones as it goes. */
export function decide(batch: Pending[], counts: Counts): (Outcome | undefined)[] {
  return batch.map((item) => {
    const { settings } = item.config;
    const vq = settings.virtualQueue;
    const waiting = counts.waiting.get(item.e164) ?? 0;
    if (waiting >= settings.maxQueuedPerNumber)
      return {
        refused: new ApiError(
          'TOO_MANY_QUEUED_FOR_NUMBER',
          `${item.e164} already has ${waiting} callback(s) waiting in ${vq}`,
        ),
      };
    const today = counts.today.get(item.e164) ?? 0;
    if (item.immediate) {
      if (today >= settings.maxImmediatePerNumberPerDay)
        return {
          refused: new ApiError(
            'TOO_MANY_IMMEDIATE_FOR_NUMBER',
            `${item.e164} had ${today} immediate callback(s) in the last 24 hours`,
          ),
        };
      if (counts.queued >= settings.maxQueuedCallbacks)
        return {
          refused: new ApiError(
            'QUEUE_FULL',
            `${vq} already holds ${counts.queued} waiting immediate callbacks`,
          ),
        };
      counts.today.set(item.e164, today + 1);
      counts.queued++;
    } else if (item.slot) {
      const held = counts.slots.get(item.slot.startMs) ?? 0;
      if (item.request.alwaysCheckCapacity && held >= item.slot.total) return { slotFull: true };
      counts.slots.set(item.slot.startMs, held + 1);
    }
    counts.waiting.set(item.e164, waiting + 1);
    return undefined;
  });
}

export async function readCounts(
  tx: Transaction,
  batch: Pending[],
  tenantId: string,
  vq: string,
  queues: QueueConfigs,
): Promise<Counts> {
  const numbers = [...new Set(batch.map((p) => p.e164))];
  const immediate = batch.some((p) => p.immediate);
  const slotStarts = [...new Set(batch.flatMap((p) => (p.slot ? [p.slot.startMs] : [])))].sort(
    (a, b) => a - b,
  );
  const at = batch[0]?.at ?? 0;
  // The queue's lock first, then the numbers' in hash order: every batch takes them in the same
  // order. All the statements below go out together (one round trip); the connection runs them
  // in order, so each count reads a snapshot taken after the locks are held.
  const keys = numbers.map((n) => `${tenantId}/${vq}/${n}`);
  const locks = [
    ...(immediate ? [tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tenantId}/${vq}`}))`)] : []),
    tx.execute(sql`select pg_advisory_xact_lock(h) from
      (select distinct hashtext(k) as h from unnest(${sql.param(keys)}::text[]) as k order by h) as locks`),
  ];
  // Each number looked up by the full key of callbacks_number (a join, not `= any(...)`, which
  // stale statistics after a burst had PostgreSQL apply as a filter over the whole queue).
  const perNumber = tx.execute(sql`select n.phone as "phoneNumber", c.waiting, c.today
      from unnest(${sql.param(numbers)}::text[]) as n(phone)
      cross join lateral (
        select (count(*) filter (where ${inArray(callbacks.state, waitingStates)}))::int as waiting,
          (count(*) filter (where ${callbacks.origin} = 'immediate' and ${callbacks.createdAt} > ${at - DAY}))::int as today
        from ${callbacks}
        where ${callbacks.tenantId} = ${tenantId} and ${callbacks.virtualQueue} = ${vq}
          and ${callbacks.phoneNumber} = n.phone
      ) as c`);
  // Kept by triggers on every change of callbacks (queue_counts); exact here, under the queue's lock.
  const queued = immediate
    ? tx
        .select({ n: queueCounts.immediateWaiting })
        .from(queueCounts)
        .where(and(eq(queueCounts.tenantId, tenantId), eq(queueCounts.virtualQueue, vq)))
    : Promise.resolve([{ n: 0 }]);
  // Each slot's counter row, created when missing and locked (in slot order) until commit.
  const slots =
    slotStarts.length > 0
      ? tx.execute<{ slot_start: string; count: number }>(sql`
          insert into slot_bookings as b (tenant_id, virtual_queue, slot_start, count)
          select ${tenantId}, ${vq}, s, 0 from unnest(${sql.param(slotStarts)}::bigint[]) as s
          on conflict (tenant_id, virtual_queue, slot_start) do update set count = b.count
          returning slot_start, count`)
      : Promise.resolve([] as { slot_start: string; count: number }[]);
  // The bookings were checked against the configuration this process knew: it is confirmed here,
  // in the same round trip, instead of once per request before.
  const version = tx.execute(sql`select ${configVersion(tenantId, vq)} as version`);
  // Drizzle sends a query when its promise is first awaited (`then`), so all of the above are
  // still unsent: Promise.all sends them in this array's order, the locks first. (Calling `then`
  // on one of them earlier would send it before the locks, and its count could be stale.)
  const answers = await Promise.all([...locks, version, perNumber, queued, slots]);
  const [versionRows, numberResult, queueRows, slotRows] = answers.slice(locks.length) as [
    Awaited<typeof version>,
    Awaited<typeof perNumber>,
    Awaited<typeof queued>,
    Awaited<typeof slots>,
  ];
  const current = rows<{ version: string | null }>(versionRows)[0]?.version;
  if (batch.some((item) => !queues.holds(tenantId, vq, current, item.config)))
    throw new ConfigChanged(current);
  const numberRows = rows<{ phoneNumber: string; waiting: number; today: number }>(numberResult);
  return {
    waiting: new Map(numberRows.map((r) => [r.phoneNumber, r.waiting])),
    today: new Map(numberRows.map((r) => [r.phoneNumber, r.today])),
    queued: queueRows[0]?.n ?? 0,
    slots: new Map(
      rows<{ slot_start: string; count: number }>(slotRows).map((r) => [
        Number(r.slot_start),
        Number(r.count),
      ]),
    ),
  };
}

export async function writeBatch(
  tx: Transaction,
  admitted: Pending[],
  slotsBefore: Map<number, number>,
  slotsAfter: Map<number, number>,
  tenantId: string,
  vq: string,
): Promise<CallbackRow[]> {
  const changed = [...slotsAfter].filter(([start, count]) => slotsBefore.get(start) !== count);
  const slotUpdate =
    changed.length > 0
      ? tx.execute(sql`update slot_bookings as b set count = v.count
          from unnest(${sql.param(changed.map(([s]) => s))}::bigint[], ${sql.param(changed.map(([, n]) => n))}::int[]) as v(slot_start, count)
          where b.tenant_id = ${tenantId} and b.virtual_queue = ${vq} and b.slot_start = v.slot_start`)
      : Promise.resolve();
  const values = admitted.map((p) => {
    const { request, immediate, desired, at, slot } = p;
    return {
      id: randomUUID(),
      tenantId,
      virtualQueue: vq,
      phoneNumber: p.e164,
      state: immediate ? ('QUEUED' as const) : ('SCHEDULED' as const),
      origin: immediate ? ('immediate' as const) : ('scheduled' as const),
      desiredTime: desired,
      slotStart: slot?.startMs ?? null,
      priority: request.priority ?? p.config.settings.priorityInitial,
      userData: request.userData ?? {},
      details: request.details ?? {},
      queuedAt: immediate ? at : null,
      nextAttemptAt: immediate ? at : null,
      createdBy: request.actor,
      createdAt: at,
      updatedAt: at,
      expiresAt: desired + RETENTION_MS,
    };
  });
  const inserted = tx.insert(callbacks).values(values).returning();
  const audited = tx.insert(callbackAudit).values(
    values.map((v, i) => ({
      callbackId: v.id,
      at: v.createdAt,
      fromState: null,
      toState: v.state,
      reason: admitted[i]?.request.auditReason ?? 'BOOKED',
      actor: v.createdBy,
    })),
  );
  const [rows] = await Promise.all([inserted, audited, slotUpdate]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return values.map((v) => byId.get(v.id) as CallbackRow);
}
