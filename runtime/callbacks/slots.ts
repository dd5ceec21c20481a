/**
 * Slot capacity in the database. A slot's count lives in one slot_bookings row; booking
 * increments it with `INSERT … ON CONFLICT DO UPDATE … WHERE count < capacity`, which PostgreSQL
 * runs under the row's lock, so concurrent bookings (in any process) never exceed the capacity.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { slotBookings } from '../db/schema.ts';
import { computeSlots, horizonEnd, proposeSlots, type Slot, slotFor } from '../scheduling/index.ts';
import type { Executor } from './callback-store.ts';
import {
  configVersion,
  firstRow,
  type QueueConfig,
  type QueueConfigs,
  serviceNotFound,
} from './queue-config.ts';

/** Counts one more booking in a slot; false when `capacity` is given and already reached. */
export async function reserveSlot(
  tx: Executor,
  key: { tenantId: string; virtualQueue: string; slotStart: number },
  capacity: number | null,
): Promise<boolean> {
  if (capacity !== null && capacity <= 0) return false;
  const guard = capacity === null ? undefined : sql`${slotBookings.count} < ${capacity}`;
  const rows = await tx
    .insert(slotBookings)
    .values({ ...key, count: 1 })
    .onConflictDoUpdate({
      target: [slotBookings.tenantId, slotBookings.virtualQueue, slotBookings.slotStart],
      set: { count: sql`${slotBookings.count} + 1` },
      ...(guard ? { setWhere: guard } : {}),
    })
    .returning({ count: slotBookings.count });
  return rows.length > 0;
}

/**
 * Scheduled callbacks per slot starting in [fromMs, toMs), as one text value `start:count,…`
 * rather than a row per slot: a month of 15-minute slots is thousands of rows, and decoding them
 * one by one cost more than the availability computation itself.
 */
const countsText = (tenantId: string, virtualQueue: string, fromMs: number, toMs: number) => sql`(
  select string_agg(slot_start || ':' || count, ',') from slot_bookings
  where tenant_id = ${tenantId} and virtual_queue = ${virtualQueue}
    and slot_start >= ${fromMs} and slot_start < ${toMs})`;

function parseCounts(text: string | null | undefined): Map<number, number> {
  const booked = new Map<number, number>();
  if (!text) return booked;
  for (const pair of text.split(',')) {
    const colon = pair.indexOf(':');
    booked.set(Number(pair.slice(0, colon)), Number(pair.slice(colon + 1)));
  }
  return booked;
}

export async function bookedCounts(
  db: Executor,
  tenantId: string,
  virtualQueue: string,
  fromMs: number,
  toMs: number,
): Promise<Map<number, number>> {
  const row = firstRow<{ counts: string | null }>(
    await db.execute(sql`select ${countsText(tenantId, virtualQueue, fromMs, toMs)} as counts`),
  );
  return parseCounts(row?.counts);
}

/**
 * A slot as the APIs show it: the GES availability shape, with the local time in the business
 * zone, and startMs kept for existing clients of the 429 answer.
 */
export function slotRecord(slot: Slot) {
  return {
    utcTime: new Date(slot.startMs).toISOString(),
    localTime: slot.localTime,
    capacity: slot.remaining,
    total: slot.total,
    startMs: slot.startMs,
  };
}

function grid(config: QueueConfig) {
  return {
    businessHours: config.hours,
    timeZone: config.hours.timeZone,
    slotDurationMinutes: config.settings.slotDurationMinutes,
    slotCapacity: config.settings.slotCapacity,
    capacityRule: config.capacityRule,
  };
}

/** The slot a desired time falls in, with its full capacity (0 when closed or the rule says 0). */
export function slotOf(config: QueueConfig, desiredMs: number): { startMs: number; total: number } {
  const { startMs } = slotFor(desiredMs, grid(config));
  const [slot] = computeSlots({ ...grid(config), fromMs: startMs, toMs: startMs + 1, booked: new Map() });
  return { startMs, total: slot?.startMs === startMs ? slot.total : 0 };
}

export async function slotsBetween(
  db: Database,
  config: QueueConfig,
  fromMs: number,
  toMs: number,
): Promise<Slot[]> {
  const booked = await bookedCounts(db, config.tenantId, config.settings.virtualQueue, fromMs, toMs);
  return computeSlots({ ...grid(config), fromMs, toMs, booked });
}

/**
 * A queue's configuration and its slots in a range that depends on it (the horizon), in one
 * round trip when the queue was seen before: the configuration's version check and the slot
 * counts (for the range of the configuration last seen) are one statement. Only when the check
 * finds an edit are the counts read again, for the new configuration.
 */
export async function queueSlots(
  db: Database,
  queues: QueueConfigs,
  key: { tenantId: string; virtualQueue: string },
  rangeOf: (config: QueueConfig) => { fromMs: number; toMs: number },
): Promise<{ config: QueueConfig; slots: Slot[] }> {
  const { tenantId, virtualQueue } = key;
  const guess = queues.lastKnown(tenantId, virtualQueue);
  let config: QueueConfig | undefined;
  let booked: Map<number, number> | undefined;
  if (guess) {
    const { fromMs, toMs } = rangeOf(guess);
    const row = firstRow<{ version: string | null; counts: string | null }>(
      await db.execute(
        sql`select ${configVersion(tenantId, virtualQueue)} as version,
          ${countsText(tenantId, virtualQueue, fromMs, toMs)} as counts`,
      ),
    );
    config = await queues.atVersion(tenantId, virtualQueue, row?.version);
    if (config === guess) booked = parseCounts(row?.counts);
  } else {
    config = await queues.find(tenantId, virtualQueue);
  }
  if (!config) throw serviceNotFound(virtualQueue);
  const { fromMs, toMs } = rangeOf(config);
  booked ??= await bookedCounts(db, tenantId, virtualQueue, fromMs, toMs);
  return { config, slots: computeSlots({ ...grid(config), fromMs, toMs, booked }) };
}

/**
 * The nearest slots with room at or after a desired time, within the horizon, none started before
 * now (or before `earliestStartMs` when later).
 */
export async function proposals(
  db: Database,
  config: QueueConfig,
  desiredMs: number,
  nowMs: number,
  count = 5,
  earliestStartMs = nowMs,
): Promise<Slot[]> {
  const end = horizonEnd(nowMs, config.settings.schedulingHorizonDays);
  const from = Math.max(desiredMs, nowMs);
  const booked = await bookedCounts(
    db,
    config.tenantId,
    config.settings.virtualQueue,
    from - 86_400_000,
    end,
  );
  return proposeSlots({
    ...grid(config),
    desiredMs: from,
    horizonEndMs: end,
    booked,
    count,
    earliestStartMs: Math.max(nowMs, earliestStartMs),
  });
}

/**
 * The free slot nearest a desired time: the one holding it, else the free slot whose start is
 * closest (a tie goes to the later one), none started before now.
 */
export async function nearestFreeSlot(
  db: Database,
  config: QueueConfig,
  desiredMs: number,
  nowMs: number,
): Promise<Slot | undefined> {
  const [after] = await proposals(db, config, desiredMs, nowMs, 1);
  if (after && after.startMs <= desiredMs) return after;
  const earlier = desiredMs > nowMs ? await slotsBetween(db, config, nowMs, desiredMs) : [];
  const before = earlier.findLast((slot) => slot.remaining > 0);
  if (!before) return after;
  if (!after) return before;
  return desiredMs - before.startMs < after.startMs - desiredMs ? before : after;
}
