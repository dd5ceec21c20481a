/**
 * An independent model of wall-clock slots for the DST property tests: it reads the zone's wall
 * clock minute by minute through luxon and applies the rules as written in docs/decisions.md
 * ("Issue 8"), with none of the arithmetic of zone-time.ts or slot-grid.ts.
 *
 * - A grid start is a minute whose wall clock reads a multiple of the slot duration, or the first
 *   minute after a forward jump that skipped one.
 * - A local time (a business-hours edge) means the first minute at which the wall clock reads it
 *   or has passed it.
 */
import { DateTime } from 'luxon';
import type { CapacityCalendar } from './capacity-rule.ts';

const MINUTE = 60_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface WallMinute {
  ms: number;
  /** Local wall-clock minutes since 1970-01-01T00:00 local. */
  wall: number;
}

/** Every minute of [fromMs, toMs) with its wall clock. */
export function wallMinutes(zone: string, fromMs: number, toMs: number): WallMinute[] {
  const minutes: WallMinute[] = [];
  for (let ms = fromMs; ms < toMs; ms += MINUTE)
    minutes.push({ ms, wall: ms / MINUTE + DateTime.fromMillis(ms, { zone }).offset });
  return minutes;
}

/** Luxon's ISO text of an instant in the zone. */
export function isoIn(zone: string, ms: number): string {
  return DateTime.fromMillis(ms, { zone }).toISO() ?? '';
}

/** Indexes of the grid starts among the minutes (the first minute is never judged). */
export function modelStarts(minutes: WallMinute[], duration: number): number[] {
  const starts: number[] = [];
  for (let i = 1; i < minutes.length; i++) {
    const { wall } = minutes[i] as WallMinute;
    const previous = (minutes[i - 1] as WallMinute).wall;
    const onGrid = wall % duration === 0;
    const skippedOne = wall > previous + 1 && Math.floor(wall / duration) > Math.floor(previous / duration);
    if (onGrid || skippedOne) starts.push(i);
  }
  return starts;
}

/** The first minute whose wall clock reads `wall` or later; undefined past the window. */
export function firstReaching(minutes: WallMinute[], wall: number): number | undefined {
  return minutes.find((minute) => minute.wall >= wall)?.ms;
}

/** Weekday (0 = Sunday) and minute of the day of a wall-clock minute. */
export function wallParts(wall: number): { weekday: number; minuteOfDay: number } {
  const day = Math.floor(wall / 1440);
  return { weekday: (((day + 4) % 7) + 7) % 7, minuteOfDay: wall - day * 1440 };
}

/** The capacity-rule value for a wall-clock minute, read straight from the calendar's keys. */
export function ruleValue(rule: CapacityCalendar, wall: number): number {
  const { weekday, minuteOfDay } = wallParts(wall);
  const hour = Math.floor(minuteOfDay / 60);
  const half = rule.duration === 60 ? 0 : minuteOfDay % 60 >= 30 ? 30 : 0;
  const key = `${String(hour).padStart(2, '0')}:${String(half).padStart(2, '0')}`;
  return rule.days[WEEKDAYS[weekday] ?? 'sun']?.[key] ?? 0;
}

/** The instant of the zone's offset change between two instants (bisection on luxon's offset). */
export function transitionBetween(zone: string, fromMs: number, toMs: number): number | undefined {
  const offset = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  if (offset(fromMs) === offset(toMs)) return undefined;
  let lo = fromMs;
  let hi = toMs;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offset(mid) === offset(lo)) lo = mid;
    else hi = mid;
  }
  return hi;
}
