/**
 * What people do to callbacks: cancel (never while PROCESSING), reschedule, recreate, bulk
 * cancel. Each change is a guarded transition, so it loses cleanly against the engine.
 */
import type { QueueAccess } from '../access/queue-access.ts';
import type { Database } from '../db/client.ts';
import { ApiError } from '../http/problem.ts';
import type { BookingService } from './booking.ts';
import { type CallbackRow, findCallback, transition } from './callback-store.ts';
import type { QueueConfigs } from './queue-config.ts';
import { rescheduleCallback } from './reschedule.ts';

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

    /**
     * Cancels each callback it can; PROCESSING and COMPLETED ones are reported, not touched, and
     * so are those of queues the user may not read, as if they did not exist (NOT_FOUND).
     */
    async bulkCancel(
      tenantId: string,
      ids: string[],
      actor: string,
      readable?: Pick<QueueAccess, 'canRead'>,
    ) {
      const cancelled: string[] = [];
      const skipped: { id: string; state: string | null; reason: string }[] = [];
      for (const id of ids) {
        if (readable) {
          const row = await findCallback(db, tenantId, id);
          if (row && !readable.canRead(row.virtualQueue)) {
            skipped.push({ id, state: null, reason: 'NOT_FOUND' });
            continue;
          }
        }
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

    /** Moves a SCHEDULED callback to another desired time (reschedule.ts). */
    async reschedule(tenantId: string, id: string, desiredMs: number, actor: string): Promise<CallbackRow> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError('NOT_FOUND', `No callback ${id}`);
      return rescheduleCallback({ db, queues, now }, { tenantId, id, desiredMs, actor });
    },

    /**
     * A new callback with the same queue, number and user data (the original is kept). Only a
     * COMPLETED callback can be recreated (the guide): one still pending is rescheduled instead.
     */
    async recreate(
      tenantId: string,
      id: string,
      desiredMs: number | undefined,
      actor: string,
    ): Promise<CallbackRow> {
      const row = await load(tenantId, id);
      if (row.state !== 'COMPLETED')
        throw new ApiError(
          'CALLBACK_NOT_RECREATABLE',
          `The callback is ${row.state}; only COMPLETED callbacks can be recreated`,
        );
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
