/**
 * Rescheduling a SCHEDULED callback from the Callback tab (the guide reschedules scheduled
 * callbacks only; any other state is a 409 naming it): the new desired time must be
 * within the scheduling horizon, and its slot must be open with room, exactly as a booking with
 * `alwaysCheckCapacity` (the Callback UI offers the availability's free slots; seed, "Edit a
 * callback"). There is no override: a supervisor who needs more room edits the capacity rule.
 *
 * One transaction locks the callback row, moves the slot count from the old slot to the new one
 * (the new one only while below its capacity, under the row lock PostgreSQL takes for the upsert,
 * so concurrent reschedules and bookings in any process never overfill it) and writes the move
 * with its audit line. A refusal rolls everything back. Slot rows are always locked in slot
 * order, as booking does, so opposite moves cannot deadlock.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { callbacks } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';
import {
  type CallbackRow,
  type CallbackState,
  RETENTION_MS,
  releaseSlot,
  type Transaction,
  transition,
} from './callback-store.ts';
import { checkDesiredTime } from './desired-time.ts';
import type { QueueConfigs } from './queue-config.ts';
import { proposals, reserveSlot, slotOf } from './slots.ts';

export const reschedulable: CallbackState[] = ['SCHEDULED'];

/** Thrown inside the transaction to roll it back when the new slot has no room. */
class SlotFull extends Error {}

function notReschedulable(state: string): ApiError {
  return new ApiError(
    'CALLBACK_NOT_RESCHEDULABLE',
    `The callback is ${state}; only SCHEDULED callbacks can be rescheduled`,
  );
}

export async function rescheduleCallback(
  deps: { db: Database; queues: QueueConfigs; now: () => number },
  request: { tenantId: string; id: string; desiredMs: number; actor: string },
): Promise<CallbackRow> {
  const { db, queues, now } = deps;
  const { tenantId, id, actor } = request;
  const [found] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.tenantId, tenantId), eq(callbacks.id, id)));
  if (!found) throw new ApiError('NOT_FOUND', `No callback ${id}`);
  if (!reschedulable.includes(found.state)) throw notReschedulable(found.state);
  const config = await queues.get(tenantId, found.virtualQueue);
  const { settings } = config;
  const at = now();
  const time = checkDesiredTime(request.desiredMs, at, settings);
  if (!time.ok) throw time.error;
  const { desired } = time;
  const slot = slotOf(config, desired);
  const refuse = async (why: string): Promise<never> => {
    const slots = await proposals(db, config, desired, at);
    throw new ApiError('SLOT_UNAVAILABLE', `The desired slot ${why}; see slots for the nearest free ones`, {
      errors: [{ pointer: '/desiredTime', message: why }],
      slots,
    });
  };
  if (slot.total <= 0) return refuse('is closed');

  const move = async (tx: Transaction): Promise<CallbackRow> => {
    // The row as it is now, locked: a cancel, the scheduler or another reschedule may have moved it.
    const [current] = await tx
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.tenantId, tenantId), eq(callbacks.id, id)))
      .for('update');
    if (!current) throw new ApiError('NOT_FOUND', `No callback ${id}`);
    if (!reschedulable.includes(current.state)) throw notReschedulable(current.state);
    const key = { tenantId, virtualQueue: current.virtualQueue };
    const from = current.slotStart;
    if (from !== slot.startMs) {
      const reserve = async () => {
        if (!(await reserveSlot(tx, { ...key, slotStart: slot.startMs }, slot.total))) throw new SlotFull();
      };
      if (from === null) await reserve();
      else if (from < slot.startMs) {
        await releaseSlot(tx, current);
        await reserve();
      } else {
        await reserve();
        await releaseSlot(tx, current);
      }
    }
    const moved = await transition(tx, id, {
      from: [current.state],
      to: 'SCHEDULED',
      reason: 'RESCHEDULED',
      actor,
      at,
      set: {
        desiredTime: desired,
        slotStart: slot.startMs,
        origin: 'scheduled',
        queuedAt: null,
        nextAttemptAt: null,
        expiresAt: desired + RETENTION_MS,
      },
    });
    // Cannot happen under the row lock; thrown rather than returned so the slot moves roll back.
    if (!moved) throw notReschedulable(current.state);
    return moved;
  };
  try {
    return await db.transaction(move);
  } catch (error) {
    if (error instanceof SlotFull) return refuse('is full');
    throw error;
  }
}
