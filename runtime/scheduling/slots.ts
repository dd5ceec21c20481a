/**
 * Scheduling slots. Slots are Slot Duration long and aligned to the local wall clock of the
 * business-hours zone (8:00, 8:15, …), so they keep their local meaning across DST (slot-grid.ts):
 * a repeated hour has slots in both passes, each counted apart (bookings are keyed by the slot's
 * UTC start), and a start inside a spring gap moves to the end of the gap. Conditions are checked
 * only at a slot's start (seed, "How capacity is evaluated for a short time interval"): the
 * business must be open then and, with a capacity rule, the rule's value for the wall-clock time
 * then must be above 0; it then becomes the slot's total.
 */
import type { BusinessHoursCalendar } from '../business-hours/calendar.ts';
import { formatLocalIso, zoneTime } from '../business-hours/zone-time.ts';
import { type CapacityCalendar, compileCapacityRule } from './capacity-rule.ts';
import { type GridStart, gridStarts, wallClock } from './slot-grid.ts';

export interface Slot {
  startMs: number;
  endMs: number;
  /** Start in the business zone, ISO 8601 with offset. */
  localTime: string;
  /** The slot's full capacity. */
  total: number;
  /** How many more callbacks it can take (0 when full). */
  remaining: number;
}

/** Booked scheduled callbacks per slot start. */
export type BookedCounts = ReadonlyMap<number, number> | ((slotStartMs: number) => number);

export interface SlotGrid {
  /** Zone of the business hours; the capacity rule has none of its own. */
  timeZone: string;
  slotDurationMinutes: number;
}

export interface SlotQuery extends SlotGrid {
  businessHours: BusinessHoursCalendar;
  slotCapacity: number;
  capacityRule?: CapacityCalendar | undefined;
  /** Slots that start in [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  booked: BookedCounts;
}

/** Every bookable slot starting in [fromMs, toMs), full ones included (remaining 0). */
export function computeSlots(query: SlotQuery): Slot[] {
  const { fromMs, toMs, slotDurationMinutes: duration } = query;
  if (!(toMs > fromMs) || !(duration > 0)) return [];
  const rule = query.capacityRule ? compileCapacityRule(query.capacityRule) : undefined;
  const bookedAt = bookedLookup(query.booked);
  const open = query.businessHours.openIntervals(fromMs, toMs);
  const starts = gridStarts(zoneTime(query.timeZone), duration, fromMs, toMs);
  let openIndex = 0;
  const slots: Slot[] = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const start = starts[i] as GridStart;
    if (start.ms < fromMs) continue;
    if (start.ms >= toMs) break;
    while (openIndex < open.length && (open[openIndex]?.endMs ?? 0) <= start.ms) openIndex++;
    const interval = open[openIndex];
    if (!interval || interval.startMs > start.ms) continue;
    // Conditions are read at the start as the wall clock shows it (both passes of a repeated
    // hour read the same capacity-rule timeslot).
    const wall = wallClock(start);
    const total = rule ? rule.valueAt(wall.weekday, wall.minuteOfDay) : query.slotCapacity;
    if (total <= 0) continue;
    slots.push({
      startMs: start.ms,
      endMs: (starts[i + 1] as GridStart).ms,
      localTime: formatLocalIso(wall.localMs, start.offset),
      total,
      remaining: Math.max(0, total - bookedAt(start.ms)),
    });
  }
  return slots;
}

/**
 * The slot a desired time falls in: the last grid start at or before it, up to the next start.
 * Every instant has one, including both passes of a repeated hour. Ignores business hours and
 * capacity: use computeSlots to know whether the slot is bookable.
 */
export function slotFor(desiredMs: number, grid: SlotGrid): { startMs: number; endMs: number } {
  const starts = gridStarts(zoneTime(grid.timeZone), grid.slotDurationMinutes, desiredMs, desiredMs);
  for (let i = starts.length - 2; i >= 0; i--) {
    const start = starts[i] as GridStart;
    if (start.ms <= desiredMs) return { startMs: start.ms, endMs: (starts[i + 1] as GridStart).ms };
  }
  throw new RangeError('No slot found around the desired time');
}

/** Start of the slot a desired time falls in. */
export function slotStartFor(desiredMs: number, grid: SlotGrid): number {
  return slotFor(desiredMs, grid).startMs;
}

function bookedLookup(booked: BookedCounts): (slotStartMs: number) => number {
  if (typeof booked === 'function') return booked;
  return (slotStartMs) => booked.get(slotStartMs) ?? 0;
}
