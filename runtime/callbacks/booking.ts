/**
 * Booking a callback: the one path used by the GES API, the admin API and the Callback V2 block.
 * Checks in order: the queue exists, the number passes the queue's rule, the desired time is
 * within the horizon, then — inside one transaction, under locks — the throttles and the slot's
 * capacity, and only then the insert. A refusal leaves nothing written.
 *
 * Throughput comes from group commit: bookings for one queue that arrive while a transaction for
 * that queue is running wait for it, then go together in the next one. A batch takes the same
 * locks one booking would (the queue's, for immediate callbacks, then each number's, in a fixed
 * order so batches in different processes cannot deadlock), reads the counts once, decides every
 * booking in arrival order as if they had come one after another, and writes the admitted ones
 * with one statement per table. So the throttles and slot capacities stay exact across processes,
 * while a queue under load pays one commit per batch instead of one per booking.
 */
import type { Database } from '../db/client.ts';
import { ApiError } from '../http/problem.ts';
import {
  type BookingRequest,
  ConfigChanged,
  decide,
  type Outcome,
  type Pending,
  prepare,
  readCounts,
  writeBatch,
} from './booking-batch.ts';
import type { CallbackRow } from './callback-store.ts';
import { type QueueConfig, type QueueConfigs, serviceNotFound } from './queue-config.ts';
import { proposals } from './slots.ts';

export type { BookingRequest } from './booking-batch.ts';

/** Most bookings written by one transaction; more wait for the next. */
const MAX_BATCH = 256;

export function bookingService(deps: { db: Database; queues: QueueConfigs; now: () => number }) {
  const { db, queues, now } = deps;
  /**
   * Per queue: bookings waiting for the next transaction; how many transactions run; whether one
   * is still before its writes. The next transaction opens as soon as the previous one has sent
   * its writes, so its locking overlaps the previous commit (whose lock it then waits for).
   */
  interface Lane {
    waiting: Pending[];
    running: number;
    opening: boolean;
  }
  const lanes = new Map<string, Lane>();

  async function runBatch(batch: Pending[], written: () => void = () => {}): Promise<void> {
    const first = batch[0];
    if (!first) return;
    const { tenantId } = first.config;
    const vq = first.config.settings.virtualQueue;
    try {
      const outcomes = await db.transaction(async (tx) => {
        const counts = await readCounts(tx, batch, tenantId, vq, queues);
        const before = new Map(counts.slots);
        const decided = decide(batch, counts);
        const admitted = batch.filter((_, i) => decided[i] === undefined);
        const rows =
          admitted.length > 0 ? await writeBatch(tx, admitted, before, counts.slots, tenantId, vq) : [];
        written();
        let next = 0;
        return decided.map((outcome): Outcome => outcome ?? { row: rows[next++] as CallbackRow });
      });
      for (const [i, item] of batch.entries()) item.settle(outcomes[i] as Outcome);
    } catch (error) {
      if (error instanceof ConfigChanged) {
        // Nothing was written: check each booking again under the current configuration (read
        // outside the transaction: embedded PGlite runs one at a time).
        let current: QueueConfig | undefined;
        try {
          current = await queues.atVersion(tenantId, vq, error.version);
        } catch (failure) {
          // e.g. the queue's business hours were deleted
          for (const item of batch) item.settle({ failed: failure });
          return;
        }
        const again = batch.filter((item) => {
          if (!current) return void item.settle({ refused: serviceNotFound(vq) });
          const checked = prepare(item.request, current, item.at);
          if ('refused' in checked) return void item.settle(checked);
          Object.assign(item, 'ok' in checked ? checked.ok : checked.slotClosed);
          if ('slotClosed' in checked) return void item.settle({ slotFull: true });
          return true;
        });
        return runBatch(again, written);
      }
      written();
      // One bad booking (or a deadlock with another process) must not fail its neighbours:
      // each is tried again on its own.
      if (batch.length === 1) first.settle({ failed: error });
      else for (const item of batch) await runBatch([item]);
    }
  }

  function pump(key: string, lane: Lane): void {
    if (lane.opening || lane.running >= 2 || lane.waiting.length === 0) {
      if (lane.running === 0 && lane.waiting.length === 0) lanes.delete(key);
      return;
    }
    lane.opening = true;
    lane.running++;
    let opened = false;
    const open = () => {
      if (opened) return;
      opened = true;
      lane.opening = false;
      pump(key, lane);
    };
    void runBatch(lane.waiting.splice(0, MAX_BATCH), open).finally(() => {
      open();
      lane.running--;
      pump(key, lane);
    });
  }

  function enqueue(pending: Pending): void {
    const key = `${pending.config.tenantId}/${pending.config.settings.virtualQueue}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = { waiting: [], running: 0, opening: false };
      lanes.set(key, lane);
    }
    lane.waiting.push(pending);
    pump(key, lane);
  }

  async function book(request: BookingRequest): Promise<CallbackRow> {
    // The configuration as this process last knew it; the batch confirms it is still current.
    const known = queues.lastKnown(request.tenantId, request.virtualQueue);
    const config = known ?? (await queues.get(request.tenantId, request.virtualQueue));
    const at = now();
    const checked = prepare(request, config, at);
    // A refusal from a configuration not yet confirmed is confirmed before it is answered.
    if (!('ok' in checked) && known && (await queues.get(request.tenantId, request.virtualQueue)) !== known)
      return book(request);
    if ('refused' in checked) throw checked.refused;
    const item: Pending = {
      ...('ok' in checked ? checked.ok : checked.slotClosed),
      request,
      at,
      settle: () => {},
    };
    const outcome =
      'slotClosed' in checked
        ? ({ slotFull: true } as const)
        : await new Promise<Outcome>((settle) => {
            item.settle = settle;
            enqueue(item);
          });
    if ('row' in outcome) return outcome.row;
    if ('refused' in outcome) throw outcome.refused;
    if ('slotFull' in outcome) {
      const slots = await proposals(db, item.config, item.desired, at);
      throw new ApiError('SLOT_UNAVAILABLE', 'The desired slot is full or closed', { slots });
    }
    throw outcome.failed;
  }

  return { book };
}

export type BookingService = ReturnType<typeof bookingService>;
