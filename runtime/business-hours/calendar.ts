/**
 * A compiled business-hours resource: answers open?, open-for, next opening and open intervals.
 *
 * Model: every local date (in the resource's zone) has the hours of its weekday, unless an enabled
 * special day covers that date, in which case the special day's hours replace them. A special day
 * with its own time zone replaces the same calendar dates, and its hours are read in its own zone.
 * An interval belongs to the date it starts on, so a night shift that started on Monday still runs
 * into a Tuesday holiday. When several enabled special days cover a date, the first listed wins.
 * Touching or overlapping intervals form one continuous opening: open-for and end-of-day follow
 * them across midnight.
 */
import type { BusinessHoursStatus } from '../../blocks/contract.ts';
import type { BusinessHours, DayHours, SpecialDay } from '../../schemas/business-hours.generated.ts';
import { localSpans } from './day-hours.ts';
import { epochDayOf, weekdayOf, type ZoneTime, zoneTime } from './zone-time.ts';

export interface OpenInterval {
  startMs: number;
  endMs: number;
  /** Name (or date) of the special day whose hours these are; null for weekly hours. */
  specialDay: string | null;
}

export interface BusinessHoursCalendar {
  readonly name: string;
  readonly timeZone: string;
  status(atMs: number, timeZoneOverride?: string): BusinessHoursStatus;
  isOpen(atMs: number): boolean;
  /** Seconds until the continuous opening that contains `atMs` closes; 0 when closed. */
  openForSeconds(atMs: number): number;
  /** The next continuous opening that starts after `atMs` (within 400 days), or null. */
  nextOpening(atMs: number): { startMs: number; endMs: number } | null;
  /** Open intervals overlapping [fromMs, toMs), clipped to it, sorted, touching ones of one source merged. */
  openIntervals(fromMs: number, toMs: number): OpenInterval[];
  /** Close of the continuous opening that contains `atMs` (end-of-day purge); null when closed. */
  endOfBusinessDay(atMs: number): number | null;
}

const DAY = 86_400_000;
/** How far open-for, next opening and end of day look; a business open longer is treated as open until then. */
export const SEARCH_DAYS = 400;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface DatedSpecialDay {
  first: number;
  last: number;
  label: string;
  hours: DayHours;
  time: ZoneTime;
}

export function compileBusinessHours(doc: BusinessHours): BusinessHoursCalendar {
  return compileInZone(doc, doc.timeZone, new Map());
}

function compileInZone(
  doc: BusinessHours,
  zoneName: string,
  overrides: Map<string, BusinessHoursCalendar>,
): BusinessHoursCalendar {
  const time = zoneTime(zoneName);
  const specialDays: DatedSpecialDay[] = (doc.specialDays ?? [])
    .filter((day: SpecialDay) => day.enabled !== false)
    .map((day) => ({
      first: epochDayOf(day.from),
      last: epochDayOf(day.to ?? day.from),
      label: day.name ?? day.from,
      hours: day.hours,
      time: day.timeZone ? zoneTime(day.timeZone) : time,
    }));

  const dayCache = new Map<number, OpenInterval[]>();
  /** Intervals that start on a local date, as instants. */
  const intervalsOfDay = (epochDay: number): OpenInterval[] => {
    let intervals = dayCache.get(epochDay);
    if (intervals) return intervals;
    const special = specialDays.find((day) => day.first <= epochDay && epochDay <= day.last);
    const hours = special ? special.hours : doc.weekly[WEEKDAYS[weekdayOf(epochDay)] ?? 'sun'];
    const dayTime = special ? special.time : time;
    intervals = localSpans(hours)
      .map((span) => ({
        startMs: dayTime.resolve(epochDay, span.start).ms,
        endMs: dayTime.resolve(epochDay, span.end).ms,
        specialDay: special ? special.label : null,
      }))
      .filter((interval) => interval.endMs > interval.startMs);
    dayCache.set(epochDay, intervals);
    return intervals;
  };

  /** Raw intervals of the dates that can reach [fromMs, toMs), sorted by start. */
  const rawIntervals = (fromMs: number, toMs: number): OpenInterval[] => {
    // Two days of margin: an interval may start the day before and special-day zones may differ.
    const firstDay = time.localParts(fromMs).epochDay - 2;
    const lastDay = time.localParts(toMs).epochDay + 1;
    const result: OpenInterval[] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      for (const interval of intervalsOfDay(day)) {
        if (interval.endMs > fromMs && interval.startMs < toMs) result.push(interval);
      }
    }
    return result.sort((a, b) => a.startMs - b.startMs);
  };

  const isOpen = (atMs: number) => rawIntervals(atMs, atMs + 1).length > 0;

  /** Follows touching or overlapping intervals forward from `atMs` while the business stays open. */
  const continuousEnd = (atMs: number): number | null => {
    if (!isOpen(atMs)) return null;
    const limit = atMs + SEARCH_DAYS * DAY;
    let end = atMs;
    while (end < limit) {
      const windowEnd = Math.min(end + 7 * DAY, limit);
      // Sorted by start: once an interval starts after `end`, no later one can extend the chain.
      for (const interval of rawIntervals(end, windowEnd)) {
        if (interval.startMs > end) break;
        end = Math.max(end, interval.endMs);
      }
      if (end < windowEnd) return end;
    }
    return limit;
  };

  const calendar: BusinessHoursCalendar = {
    name: doc.name,
    timeZone: zoneName,
    isOpen,
    status(atMs, timeZoneOverride) {
      if (timeZoneOverride && timeZoneOverride !== zoneName) {
        let other = overrides.get(timeZoneOverride);
        if (!other) {
          other = compileInZone(doc, timeZoneOverride, overrides);
          overrides.set(timeZoneOverride, other);
        }
        return other.status(atMs);
      }
      const containing = rawIntervals(atMs, atMs + 1)[0];
      return {
        open: containing !== undefined,
        specialDay: containing ? containing.specialDay : specialDayOn(time.localParts(atMs).epochDay),
        openForSeconds: calendar.openForSeconds(atMs),
        timeZone: zoneName,
      };
    },
    openForSeconds(atMs) {
      const end = continuousEnd(atMs);
      // Rounded up: 0 must mean closed, even in the last second before closing.
      return end === null ? 0 : Math.ceil((end - atMs) / 1000);
    },
    endOfBusinessDay: continuousEnd,
    nextOpening(atMs) {
      const limit = atMs + SEARCH_DAYS * DAY;
      for (let windowStart = atMs; windowStart < limit; windowStart += 7 * DAY) {
        const next = rawIntervals(windowStart, Math.min(windowStart + 7 * DAY, limit)).find(
          (interval) => interval.startMs > atMs && !isOpen(interval.startMs - 1),
        );
        if (next) return { startMs: next.startMs, endMs: continuousEnd(next.startMs) ?? next.endMs };
      }
      return null;
    },
    openIntervals(fromMs, toMs) {
      const merged: OpenInterval[] = [];
      for (const interval of rawIntervals(fromMs, toMs)) {
        const startMs = Math.max(interval.startMs, fromMs);
        const endMs = Math.min(interval.endMs, toMs);
        const last = merged[merged.length - 1];
        if (last && last.specialDay === interval.specialDay && startMs <= last.endMs) {
          last.endMs = Math.max(last.endMs, endMs);
        } else {
          merged.push({ startMs, endMs, specialDay: interval.specialDay });
        }
      }
      return merged;
    },
  };

  function specialDayOn(epochDay: number): string | null {
    return specialDays.find((day) => day.first <= epochDay && epochDay <= day.last)?.label ?? null;
  }

  return calendar;
}
