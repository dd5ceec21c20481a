/**
 * Booking a callback: the one path used by the GES API, the admin API and the Callback V2 block.
 * Checks in order: the queue exists, the number passes the queue's rule, the desired time is
 * within the horizon, then — inside one transaction, under locks — the throttles and the slot's
 * capacity, and only then the insert. A refusal leaves nothing written.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { callbackAudit, callbacks } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';
import { checkHorizon } from '../scheduling/index.ts';
import { type CallbackRow, RETENTION_MS, type Transaction, waitingStates } from './callback-store.ts';
import { requireNumber } from './number-check.ts';
import type { QueueConfig, QueueConfigs } from './queue-config.ts';
import { proposals, reserveSlot, slotOf } from './slots.ts';

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
  actor: string;
}

export function bookingService(deps: { db: Database; queues: QueueConfigs; now: () => number }) {
  const { db, queues, now } = deps;

  async function throttle(
    tx: Transaction,
    config: QueueConfig,
    e164: string,
    immediate: boolean,
    at: number,
  ) {
    const { settings, tenantId } = config;
    const vq = settings.virtualQueue;
    // One lock per (queue, number) serialises that number's bookings, so its counts are exact.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tenantId}/${vq}/${e164}`}))`);
    const sameNumber = and(
      eq(callbacks.tenantId, tenantId),
      eq(callbacks.virtualQueue, vq),
      eq(callbacks.phoneNumber, e164),
    );
    const [{ waiting }] = (await tx
      .select({ waiting: sql<number>`count(*)::int` })
      .from(callbacks)
      .where(and(sameNumber, inArray(callbacks.state, waitingStates)))) as [{ waiting: number }];
    if (waiting >= settings.maxQueuedPerNumber)
      throw new ApiError(
        'TOO_MANY_QUEUED_FOR_NUMBER',
        `${e164} already has ${waiting} callback(s) waiting in ${vq}`,
      );
    if (!immediate) return;
    const [{ today }] = (await tx
      .select({ today: sql<number>`count(*)::int` })
      .from(callbacks)
      .where(and(sameNumber, eq(callbacks.origin, 'immediate'), gt(callbacks.createdAt, at - DAY)))) as [
      { today: number },
    ];
    if (today >= settings.maxImmediatePerNumberPerDay)
      throw new ApiError(
        'TOO_MANY_IMMEDIATE_FOR_NUMBER',
        `${e164} had ${today} immediate callback(s) in the last 24 hours`,
      );
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tenantId}/${vq}`}))`);
    const [{ queued }] = (await tx
      .select({ queued: sql<number>`count(*)::int` })
      .from(callbacks)
      .where(
        and(
          eq(callbacks.tenantId, tenantId),
          eq(callbacks.virtualQueue, vq),
          eq(callbacks.origin, 'immediate'),
          inArray(callbacks.state, ['QUEUED', 'ROUTING']),
        ),
      )) as [{ queued: number }];
    if (queued >= settings.maxQueuedCallbacks)
      throw new ApiError('QUEUE_FULL', `${vq} already holds ${queued} waiting immediate callbacks`);
  }

  return {
    async book(request: BookingRequest): Promise<CallbackRow> {
      const config = await queues.get(request.tenantId, request.virtualQueue);
      const { settings } = config;
      const e164 = requireNumber(config, request.phoneNumber);
      const at = now();
      const immediate = request.desiredTimeMs === undefined;
      let desired = request.desiredTimeMs ?? at;
      let slot: { startMs: number; total: number } | undefined;
      if (!immediate) {
        // A desired time inside its own window counts as now (the window is not an instant).
        if (desired < at && desired >= at - settings.desiredTimeWindowMinutes * 60_000) desired = at;
        const horizon = checkHorizon(desired, at, settings.schedulingHorizonDays);
        if (!horizon.ok) {
          const why =
            horizon.reason === 'IN_THE_PAST'
              ? 'is in the past'
              : `is after ${new Date(horizon.latestMs).toISOString()}`;
          throw new ApiError('DESIRED_TIME_OUT_OF_RANGE', `The desired time ${why}`, {
            errors: [{ pointer: '/desiredTime', message: why }],
          });
        }
        slot = slotOf(config, desired);
      }
      const refuseSlot = async () => {
        const slots = await proposals(db, config, desired, at);
        throw new ApiError('SLOT_UNAVAILABLE', 'The desired slot is full or closed', { slots });
      };
      if (slot && request.alwaysCheckCapacity && slot.total <= 0) await refuseSlot();
      const id = randomUUID();
      const row = await db.transaction(async (tx) => {
        await throttle(tx, config, e164, immediate, at);
        if (slot) {
          const key = {
            tenantId: request.tenantId,
            virtualQueue: settings.virtualQueue,
            slotStart: slot.startMs,
          };
          if (!(await reserveSlot(tx, key, request.alwaysCheckCapacity ? slot.total : null)))
            return undefined;
        }
        const [inserted] = await tx
          .insert(callbacks)
          .values({
            id,
            tenantId: request.tenantId,
            virtualQueue: settings.virtualQueue,
            phoneNumber: e164,
            state: immediate ? 'QUEUED' : 'SCHEDULED',
            origin: immediate ? 'immediate' : 'scheduled',
            desiredTime: desired,
            slotStart: slot?.startMs ?? null,
            priority: request.priority ?? settings.priorityInitial,
            userData: request.userData ?? {},
            details: request.details ?? {},
            queuedAt: immediate ? at : null,
            nextAttemptAt: immediate ? at : null,
            createdBy: request.actor,
            createdAt: at,
            updatedAt: at,
            expiresAt: desired + RETENTION_MS,
          })
          .returning();
        await tx.insert(callbackAudit).values({
          callbackId: id,
          at,
          fromState: null,
          toState: immediate ? 'QUEUED' : 'SCHEDULED',
          reason: 'BOOKED',
          actor: request.actor,
        });
        return inserted;
      });
      if (!row) return refuseSlot();
      return row;
    },
  };
}

export type BookingService = ReturnType<typeof bookingService>;
