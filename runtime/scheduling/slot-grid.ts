/**
 * The wall-clock grid of slot starts in a zone: every instant at which the local clock reads a
 * multiple of Slot Duration since midnight (8:00, 8:15, …), in instant order.
 *
 * - A repeated hour (autumn overlap) is two passes of the wall clock, so each grid time in it is
 *   two starts, one per pass: the slots of the second pass are slots of their own, counted apart.
 * - A grid time inside a spring-forward gap moves forward to the first instant after the gap, as
 *   every local time does (docs/decisions.md, "Issue 8"); when a grid time already starts there,
 *   they are one start.
 * - A slot runs from its start to the next start, so the slots cover time without a hole: every
 *   instant lies in exactly one slot (slotFor).
 */
import { type DayShift, weekdayOf, type ZoneTime } from '../business-hours/zone-time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface GridStart {
  /** The start instant. */
  ms: number;
  /** UTC offset in minutes at the start. */
  offset: number;
}

/**
 * Grid starts from the local day before `fromMs` to the local day after `toMs`, so the result
 * holds the start at or before `fromMs` and the first start after `toMs` (a slot's end).
 */
export function gridStarts(
  time: ZoneTime,
  durationMinutes: number,
  fromMs: number,
  toMs: number,
): GridStart[] {
  const firstDay = time.localParts(fromMs).epochDay - 1;
  const lastDay = time.localParts(toMs).epochDay + 1;
  const starts: GridStart[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const shift = time.dayShift(day);
    if (shift.before === shift.after) {
      const base = day * DAY - shift.before * MINUTE;
      for (let minute = 0; minute < 1440; minute += durationMinutes)
        starts.push({ ms: base + minute * MINUTE, offset: shift.before });
    } else {
      starts.push(...shiftedDay(day, shift, durationMinutes));
    }
  }
  return ordered(starts);
}

/** A day with a transition: both passes of an overlap, gap times moved to the transition. */
function shiftedDay(day: number, shift: DayShift, durationMinutes: number): GridStart[] {
  const { before, after, transition } = shift;
  const starts: GridStart[] = [];
  for (let minute = 0; minute < 1440; minute += durationMinutes) {
    const localMs = day * DAY + minute * MINUTE;
    const onBefore = localMs - before * MINUTE;
    const onAfter = localMs - after * MINUTE;
    const firstPass = onBefore < transition;
    const secondPass = onAfter >= transition;
    if (firstPass) starts.push({ ms: onBefore, offset: before });
    if (secondPass) starts.push({ ms: onAfter, offset: after });
    if (!firstPass && !secondPass) starts.push({ ms: transition, offset: after });
  }
  return starts;
}

/** Sorted by instant without duplicates (a no-op on days without a transition). */
function ordered(starts: GridStart[]): GridStart[] {
  let sorted = true;
  for (let i = 1; i < starts.length; i++) {
    if ((starts[i] as GridStart).ms <= (starts[i - 1] as GridStart).ms) {
      sorted = false;
      break;
    }
  }
  if (sorted) return starts;
  starts.sort((a, b) => a.ms - b.ms);
  return starts.filter((start, i) => i === 0 || start.ms !== (starts[i - 1] as GridStart).ms);
}

/** The local wall clock at a grid start: day, minute of the day and weekday (0 = Sunday). */
export function wallClock(start: GridStart): { localMs: number; minuteOfDay: number; weekday: number } {
  const localMs = start.ms + start.offset * MINUTE;
  const epochDay = Math.floor(localMs / DAY);
  return {
    localMs,
    minuteOfDay: Math.floor((localMs - epochDay * DAY) / MINUTE),
    weekday: weekdayOf(epochDay),
  };
}
