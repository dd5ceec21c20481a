/**
 * Pure edits and checks of a business-hours document (schemas/business-hours.schema.json) for
 * the business-hours screen. The runtime validates what is saved; these checks are for comfort.
 */
import type { BusinessHours, DayHours, SpecialDay } from '../../../schemas/business-hours.generated.ts';

export type Weekday = keyof BusinessHours['weekly'];
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export const NINE_TO_FIVE: DayHours = { kind: 'intervals', intervals: [{ start: '09:00', end: '17:00' }] };

/** Office hours Monday to Friday, closed at the weekend: the usual starting point. */
export function newBusinessHours(name: string, timeZone: string): BusinessHours {
  const closed: DayHours = { kind: 'closed' };
  return {
    name,
    timeZone,
    weekly: {
      mon: NINE_TO_FIVE,
      tue: NINE_TO_FIVE,
      wed: NINE_TO_FIVE,
      thu: NINE_TO_FIVE,
      fri: NINE_TO_FIVE,
      sat: closed,
      sun: closed,
    },
    specialDays: [],
  };
}

/** Changes a day's kind; switching to intervals starts from 09:00-17:00, other kinds drop intervals. */
export function withKind(day: DayHours, kind: DayHours['kind']): DayHours {
  if (kind === day.kind) return day;
  if (kind === 'intervals')
    return { kind, intervals: day.intervals?.length ? day.intervals : NINE_TO_FIVE.intervals! };
  return { kind };
}

export function newSpecialDay(date: string): SpecialDay {
  return { name: '', from: date, enabled: true, hours: { kind: 'closed' } };
}

export interface HoursProblem {
  pointer: string;
  message: string;
}

/** Problems a user can fix before saving, with the pointer of the field. */
export function checkBusinessHours(hours: BusinessHours, knownTimeZones: readonly string[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  if (!NAME.test(hours.name))
    problems.push({
      pointer: '/name',
      message: 'Use letters, digits, space, _ . or -, up to 64 characters.',
    });
  const zoneKnown = (zone: string) => knownTimeZones.length === 0 || knownTimeZones.includes(zone);
  if (!zoneKnown(hours.timeZone))
    problems.push({ pointer: '/timeZone', message: `Unknown time zone ${hours.timeZone}.` });
  for (const day of WEEKDAYS) problems.push(...checkDay(hours.weekly[day], `/weekly/${day}`));
  (hours.specialDays ?? []).forEach((special, i) => {
    const at = `/specialDays/${i}`;
    if (!DATE.test(special.from)) problems.push({ pointer: `${at}/from`, message: 'Pick a date.' });
    if (special.to !== undefined && (!DATE.test(special.to) || special.to < special.from))
      problems.push({ pointer: `${at}/to`, message: 'The last day must be on or after the first.' });
    if (special.timeZone !== undefined && !zoneKnown(special.timeZone))
      problems.push({ pointer: `${at}/timeZone`, message: `Unknown time zone ${special.timeZone}.` });
    problems.push(...checkDay(special.hours, `${at}/hours`));
  });
  return problems;
}

function checkDay(day: DayHours, at: string): HoursProblem[] {
  if (day.kind !== 'intervals') return [];
  const intervals = day.intervals ?? [];
  if (intervals.length === 0)
    return [{ pointer: `${at}/intervals`, message: 'Add an interval or mark the day closed.' }];
  return intervals.flatMap((interval, i) => {
    const problems: HoursProblem[] = [];
    if (!TIME.test(interval.start))
      problems.push({ pointer: `${at}/intervals/${i}/start`, message: 'Start must be HH:mm.' });
    if (interval.end !== undefined && !TIME.test(interval.end))
      problems.push({ pointer: `${at}/intervals/${i}/end`, message: 'End must be HH:mm.' });
    return problems;
  });
}

/** One line for a day: `Closed`, `Open all day`, `09:00–12:00, 13:00–17:00`, `22:00–06:00 (next day)`. */
export function describeDay(day: DayHours): string {
  if (day.kind === 'closed') return 'Closed';
  if (day.kind === 'allDay') return 'Open all day';
  return (day.intervals ?? [])
    .map((i) => {
      if (i.end === undefined) return `${i.start}–midnight`;
      return i.end <= i.start ? `${i.start}–${i.end} (next day)` : `${i.start}–${i.end}`;
    })
    .join(', ');
}
