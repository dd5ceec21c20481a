/** Builders shared by the business-hours and scheduling tests. */
import { DateTime } from 'luxon';
import type { BusinessHours, DayHours, SpecialDay } from '../../schemas/business-hours.generated.ts';

export const closed: DayHours = { kind: 'closed' };
export const allDay: DayHours = { kind: 'allDay' };
export function open(...intervals: [string, string?][]): DayHours {
  return {
    kind: 'intervals',
    intervals: intervals.map(([start, end]) => (end === undefined ? { start } : { start, end })),
  };
}

export function weekdays(
  timeZone: string,
  hours: DayHours,
  extra: { weekend?: DayHours; specialDays?: SpecialDay[] } = {},
): BusinessHours {
  const weekend = extra.weekend ?? closed;
  return {
    name: 'Office',
    timeZone,
    weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: weekend, sun: weekend },
    ...(extra.specialDays ? { specialDays: extra.specialDays } : {}),
  };
}

/** An unambiguous local wall-clock time (`2026-03-09T08:00`) in a zone, as epoch ms. */
export function at(timeZone: string, local: string): number {
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toMillis();
}

export const iso = (ms: number) => new Date(ms).toISOString();
