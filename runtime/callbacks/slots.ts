/**
 * Slot capacity in the database. A slot's count lives in one slot_bookings row; booking
 * increments it with `INSERT … ON CONFLICT DO UPDATE … WHERE count < capacity`, which PostgreSQL
 * runs under the row's lock, so concurrent bookings (in any process) never exceed the capacity.
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { slotBookings } from '../db/schema.ts';
import { computeSlots, horizonEnd, proposeSlots, type Slot, slotFor } from '../scheduling/index.ts';
import type { Executor } from './callback-store.ts';
import type { QueueConfig } from './queue-config.ts';

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

export async function bookedCounts(
  db: Executor,
  tenantId: string,
  virtualQueue: string,
  fromMs: number,
  toMs: number,
): Promise<Map<number, number>> {
  const rows = await db
    .select({ slotStart: slotBookings.slotStart, count: slotBookings.count })
    .from(slotBookings)
    .where(
      and(
        eq(slotBookings.tenantId, tenantId),
        eq(slotBookings.virtualQueue, virtualQueue),
        gte(slotBookings.slotStart, fromMs),
        lt(slotBookings.slotStart, toMs),
      ),
    );
  return new Map(rows.map((r) => [r.slotStart, r.count]));
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

/** The nearest slots with room at or after a desired time, within the horizon. */
export async function proposals(
  db: Database,
  config: QueueConfig,
  desiredMs: number,
  nowMs: number,
  count = 5,
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
  return proposeSlots({ ...grid(config), desiredMs: from, horizonEndMs: end, booked, count }).filter(
    (slot) => slot.startMs >= nowMs,
  );
}
