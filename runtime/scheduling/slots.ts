/**
 * Scheduling slots. Slots are Slot Duration long and aligned to the local wall clock of the
 * business-hours zone (8:00, 8:15, …), so they keep their local meaning across DST: a slot whose
 * local start does not exist (spring gap) is skipped, and in a repeated hour only the first
 * occurrence has slots. Conditions are checked only at a slot's start (seed, "How capacity is
 * evaluated for a short time interval"): the business must be open then and, with a capacity
 * rule, the rule's value then must be above 0; it then becomes the slot's total.
 */
import type { BusinessHoursCalendar } from '../business-hours/calendar.ts';
import { formatLocalIso, weekdayOf, zoneTime } from '../business-hours/zone-time.ts';
import { type CapacityCalendar, compileCapacityRule } from './capacity-rule.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

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
  const time = zoneTime(query.timeZone);
  const rule = query.capacityRule ? compileCapacityRule(query.capacityRule) : undefined;
  const bookedAt = bookedLookup(query.booked);
  const open = query.businessHours.openIntervals(fromMs, toMs);
  let openIndex = 0;
  const slots: Slot[] = [];
  const lastDay = time.localParts(toMs).epochDay;
  for (let day = time.localParts(fromMs).epochDay; day <= lastDay; day++) {
    const weekday = weekdayOf(day);
    for (let minute = 0; minute < 1440; minute += duration) {
      const start = time.resolve(day, minute);
      if (!start.exists || start.ms < fromMs) continue;
      if (start.ms >= toMs) break;
      while (openIndex < open.length && (open[openIndex]?.endMs ?? 0) <= start.ms) openIndex++;
      const interval = open[openIndex];
      if (!interval || interval.startMs > start.ms) continue;
      const total = rule ? rule.valueAt(weekday, minute) : query.slotCapacity;
      if (total <= 0) continue;
      const localMs = day * DAY + minute * MINUTE;
      const endMs = Math.min(start.ms + duration * MINUTE, time.resolve(day, minute + duration).ms);
      slots.push({
        startMs: start.ms,
        endMs,
        localTime: formatLocalIso(localMs, (localMs - start.ms) / MINUTE),
        total,
        remaining: Math.max(0, total - bookedAt(start.ms)),
      });
    }
  }
  return slots;
}

/**
 * The slot a desired time falls in. In a DST hole (the second pass of a repeated hour, or a gap
 * inside a long slot) it is the next slot, as a spring-gap time moves forward. Ignores business
 * hours and capacity: use computeSlots to know whether the slot is bookable.
 */
export function slotFor(desiredMs: number, grid: SlotGrid): { startMs: number; endMs: number } {
  const time = zoneTime(grid.timeZone);
  const duration = grid.slotDurationMinutes;
  const { epochDay, minuteOfDay } = time.localParts(desiredMs);
  const first = Math.floor(minuteOfDay / duration) * duration;
  // Two days of candidates always reach a slot after any DST hole.
  for (let minute = first; minute < first + 2 * 1440; minute += duration) {
    const start = time.resolve(epochDay, minute);
    if (!start.exists) continue;
    const endMs = Math.min(start.ms + duration * MINUTE, time.resolve(epochDay, minute + duration).ms);
    // The slot containing the desired time, or else the first one after it.
    if (desiredMs < endMs || start.ms > desiredMs) return { startMs: start.ms, endMs };
  }
  throw new RangeError('No slot found within two days');
}

/** Start of the slot a desired time falls in. */
export function slotStartFor(desiredMs: number, grid: SlotGrid): number {
  return slotFor(desiredMs, grid).startMs;
}

function bookedLookup(booked: BookedCounts): (slotStartMs: number) => number {
  if (typeof booked === 'function') return booked;
  return (slotStartMs) => booked.get(slotStartMs) ?? 0;
}
