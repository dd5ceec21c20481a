/**
 * Wall-clock arithmetic in an IANA zone. Business hours, slots and capacity rules are all stated
 * in local wall-clock time, so everything here converts between a local (day, minute) and an
 * instant. Luxon answers "what is the offset at this instant" (about 10 µs a call); the rest is
 * plain arithmetic, cached per local day so a month of slots costs a few dozen offset look-ups.
 *
 * DST rules (callback-settings.md, docs/decisions.md "Issue 8"): a local time means the first
 * instant at which the wall clock reads it or has passed it. So a time inside a spring-forward gap
 * resolves to the first instant after the gap (the transition), and a time inside an autumn
 * overlap to its first occurrence. Slot grids (runtime/scheduling/slot-grid.ts) also need the
 * second occurrence: `dayShift` gives what they need.
 */
import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Wider than any UTC offset (+14 h / -12 h), so a day's bracket covers every instant of that day. */
const BRACKET = 18 * 3_600_000;

export interface LocalParts {
  /** Days since 1970-01-01 in the local calendar. */
  epochDay: number;
  /** Minutes since local midnight, 0..1439. */
  minuteOfDay: number;
  /** 0 = Sunday .. 6 = Saturday. */
  weekday: number;
}

export interface ZoneTime {
  readonly zoneName: string;
  /** UTC offset in minutes at an instant. */
  offsetAt(ms: number): number;
  localParts(ms: number): LocalParts;
  /**
   * The instant of a local wall-clock time. `minuteOfDay` may exceed 1439 (it runs into the next
   * days). `exists` is false when the time fell in a DST gap and was moved forward.
   */
  resolve(epochDay: number, minuteOfDay: number): { ms: number; exists: boolean };
  /**
   * The offsets around a local day (18 hours either side) and the instant they change at;
   * `before === after` (and no transition inside the day) on an ordinary day.
   */
  dayShift(epochDay: number): DayShift;
}

export interface DayShift {
  /** Offset in minutes before the transition. */
  before: number;
  /** Offset in minutes after it. */
  after: number;
  /** First instant on the `after` offset. */
  transition: number;
}

export function isValidTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

const cache = new Map<string, ZoneTime>();

/** One shared, memoised ZoneTime per zone name. Throws on an unknown zone. */
export function zoneTime(zoneName: string): ZoneTime {
  const known = cache.get(zoneName);
  if (known) return known;
  if (!IANAZone.isValidZone(zoneName)) throw new RangeError(`Unknown IANA time zone: ${zoneName}`);
  const zone = IANAZone.create(zoneName);
  const offsetAt = (ms: number) => zone.offset(ms);
  // Per local day: its offsets before and after, and the transition instant between them (the
  // same offset twice and no transition on an ordinary day). Assumes at most one transition in a
  // day and the 18 hours either side, which holds for every zone in tzdb since 1970.
  const days = new Map<number, DayShift>();
  const dayOffsets = (epochDay: number) => {
    let known = days.get(epochDay);
    if (!known) {
      const from = epochDay * DAY - BRACKET;
      const to = (epochDay + 1) * DAY + BRACKET;
      const before = offsetAt(from);
      const after = offsetAt(to);
      let transition = to;
      if (before !== after) {
        // Offsets change on whole minutes: bisect to the first minute on the new offset.
        let lo = from;
        let hi = to;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
          if (offsetAt(mid) === before) lo = mid;
          else hi = mid;
        }
        transition = hi;
      }
      known = { before, after, transition };
      days.set(epochDay, known);
    }
    return known;
  };

  const resolveLocalMs = (localMs: number): { ms: number; exists: boolean } => {
    const { before, after, transition } = dayOffsets(Math.floor(localMs / DAY));
    const onOldOffset = localMs - before * MINUTE;
    if (before === after) return { ms: onOldOffset, exists: true };
    // The earlier valid reading wins, which is the first occurrence of a repeated time.
    if (onOldOffset < transition) return { ms: onOldOffset, exists: true };
    const onNewOffset = localMs - after * MINUTE;
    if (onNewOffset >= transition) return { ms: onNewOffset, exists: true };
    // In a spring-forward gap: the first valid instant is the transition itself.
    return { ms: transition, exists: false };
  };

  const time: ZoneTime = {
    zoneName,
    offsetAt,
    localParts(ms) {
      const localMs = ms + offsetAt(ms) * MINUTE;
      const epochDay = Math.floor(localMs / DAY);
      return {
        epochDay,
        minuteOfDay: Math.floor((localMs - epochDay * DAY) / MINUTE),
        weekday: weekdayOf(epochDay),
      };
    },
    resolve: (epochDay, minuteOfDay) => resolveLocalMs(epochDay * DAY + minuteOfDay * MINUTE),
    dayShift: dayOffsets,
  };
  cache.set(zoneName, time);
  return time;
}

/** 1970-01-01 was a Thursday (4). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a local epoch day. */
export function isoDateOf(epochDay: number): string {
  let text = dateTexts.get(epochDay);
  if (text === undefined) {
    text = new Date(epochDay * DAY).toISOString().slice(0, 10);
    if (dateTexts.size > 100_000) dateTexts.clear();
    dateTexts.set(epochDay, text);
  }
  return text;
}

/** Local epoch day of `YYYY-MM-DD`. */
export function epochDayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
}

/** `HH:mm` to minutes since midnight. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** ISO 8601 local time with offset, e.g. `2026-03-08T03:00:00.000-04:00`. */
export function localIso(time: ZoneTime, ms: number): string {
  const offset = time.offsetAt(ms);
  return formatLocalIso(ms + offset * MINUTE, offset);
}

/** The same, from a local wall-clock time already known with its offset (no zone look-up). */
export function formatLocalIso(localMs: number, offsetMinutes: number): string {
  const epochDay = Math.floor(localMs / DAY);
  const minute = Math.floor((localMs - epochDay * DAY) / MINUTE);
  const seconds = (localMs - epochDay * DAY - minute * MINUTE) / 1000;
  const secondsText = seconds === 0 ? '00.000' : (seconds + 100).toFixed(3).slice(1);
  return `${isoDateOf(epochDay)}T${clockText(minute)}:${secondsText}${offsetText(offsetMinutes)}`;
}

// Availability formats thousands of slot times a query; these small caches keep that cheap.
const dateTexts = new Map<number, string>();
const clockTexts: string[] = [];
const offsetTexts = new Map<number, string>();

function clockText(minute: number): string {
  let text = clockTexts[minute];
  if (text === undefined) {
    text = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    clockTexts[minute] = text;
  }
  return text;
}

function offsetText(offsetMinutes: number): string {
  let text = offsetTexts.get(offsetMinutes);
  if (text === undefined) {
    const abs = Math.abs(offsetMinutes);
    text = `${offsetMinutes < 0 ? '-' : '+'}${clockText(abs)}`;
    offsetTexts.set(offsetMinutes, text);
  }
  return text;
}
