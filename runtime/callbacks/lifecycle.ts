/**
 * What people do to callbacks: cancel (never while PROCESSING), reschedule, recreate, bulk
 * cancel. Each change is a guarded transition, so it loses cleanly against the engine.
 */
import type { Database } from '../db/client.ts';
import { ApiError } from '../http/problem.ts';
import type { BookingService } from './booking.ts';
import { type CallbackRow, findCallback, releaseSlot, transition } from './callback-store.ts';
import type { QueueConfigs } from './queue-config.ts';
import { reserveSlot, slotOf } from './slots.ts';

const cancellable = ['SCHEDULED', 'QUEUED', 'ROUTING'] as const;

export function callbackLifecycle(deps: {
  db: Database;
  queues: QueueConfigs;
  booking: BookingService;
  now: () => number;
}) {
  const { db, queues, booking, now } = deps;

  async function load(tenantId: string, id: string): Promise<CallbackRow> {
    const row = await findCallback(db, tenantId, id);
    if (!row) throw new ApiError('NOT_FOUND', `No callback ${id}`);
    return row;
  }

  return {
    async cancel(tenantId: string, id: string, actor: string, byAdmin: boolean): Promise<CallbackRow> {
      const row = await load(tenantId, id);
      if (!(cancellable as readonly string[]).includes(row.state))
        throw new ApiError(
          'CALLBACK_NOT_CANCELLABLE',
          `The callback is ${row.state}; it cannot be cancelled`,
        );
      const done = await transition(db, id, {
        from: [row.state],
        to: 'COMPLETED',
        reason: byAdmin ? 'CANCELLED_BY_ADMIN' : 'CANCELLED',
        actor,
        at: now(),
      });
      if (!done)
        throw new ApiError(
          'CALLBACK_NOT_CANCELLABLE',
          'The callback changed state meanwhile; it cannot be cancelled now',
        );
      return done;
    },

    /** Cancels each callback it can; PROCESSING and COMPLETED ones are reported, not touched. */
    async bulkCancel(tenantId: string, ids: string[], actor: string) {
      const cancelled: string[] = [];
      const skipped: { id: string; state: string | null; reason: string }[] = [];
      for (const id of ids) {
        try {
          await this.cancel(tenantId, id, actor, true);
          cancelled.push(id);
        } catch (error) {
          const row = await findCallback(db, tenantId, id);
          skipped.push({
            id,
            state: row?.state ?? null,
            reason: error instanceof ApiError ? error.code : 'INTERNAL',
          });
        }
      }
      return { cancelled, skipped };
    },

    async reschedule(tenantId: string, id: string, desiredMs: number, actor: string): Promise<CallbackRow> {
      const row = await load(tenantId, id);
      if (row.state !== 'SCHEDULED' && row.state !== 'QUEUED')
        throw new ApiError(
          'CALLBACK_NOT_CANCELLABLE',
          `The callback is ${row.state}; only SCHEDULED or QUEUED ones can be rescheduled`,
        );
      const config = await queues.get(tenantId, row.virtualQueue);
      if (desiredMs < now())
        throw new ApiError('DESIRED_TIME_OUT_OF_RANGE', 'The desired time is in the past', {
          errors: [{ pointer: '/desiredTime', message: 'is in the past' }],
        });
      const slot = slotOf(config, desiredMs);
      const changed = await db.transaction(async (tx) => {
        const moved = await transition(tx, id, {
          from: [row.state],
          to: 'SCHEDULED',
          reason: 'RESCHEDULED',
          actor,
          at: now(),
          set: {
            desiredTime: desiredMs,
            slotStart: slot.startMs,
            origin: 'scheduled',
            queuedAt: null,
            nextAttemptAt: null,
            expiresAt: desiredMs + 14 * 86_400_000,
          },
        });
        if (!moved) return undefined;
        await releaseSlot(tx, row);
        await reserveSlot(tx, { tenantId, virtualQueue: row.virtualQueue, slotStart: slot.startMs }, null);
        return moved;
      });
      if (!changed) throw new ApiError('CALLBACK_NOT_CANCELLABLE', 'The callback changed state meanwhile');
      return changed;
    },

    /** A new callback with the same queue, number and user data (the original is kept). */
    async recreate(
      tenantId: string,
      id: string,
      desiredMs: number | undefined,
      actor: string,
    ): Promise<CallbackRow> {
      const row = await load(tenantId, id);
      return booking.book({
        tenantId,
        virtualQueue: row.virtualQueue,
        phoneNumber: row.phoneNumber,
        desiredTimeMs: desiredMs,
        priority: row.priority,
        userData: row.userData,
        details: { ...row.details, recreatedFrom: row.id },
        actor,
      });
    },
  };
}

export type CallbackLifecycle = ReturnType<typeof callbackLifecycle>;
