/**
 * The day and time a caller keys in for a scheduled callback, read in the queue's time zone.
 * The local date and minute go to the engine as they are: it turns them into an instant with the
 * same rule as business hours (runtime/business-hours/zone-time.ts).
 *
 * Day forms: `offset`, days from today (0 today, 1 tomorrow, up to 99); `dayOfMonth`, 1-31, the
 * next date from today with that day number (a month without it is skipped: 31 on 5 April means
 * 31 May). Time forms: `hhmm24`, 3 or 4 digits on the 24-hour clock (930 or 0930, 1415); `hhmm12`,
 * 3 or 4 digits on the 12-hour clock (1-12), then 1 for AM or 2 for PM.
 */
import type { DateTime } from 'luxon';

export type DayForm = 'offset' | 'dayOfMonth';
export type TimeForm = 'hhmm24' | 'hhmm12';

/** The local date (`YYYY-MM-DD`) the caller meant, or undefined when the digits are no day. */
export function requestedDate(digits: string, form: DayForm, today: DateTime): string | undefined {
  if (!/^[0-9]{1,2}$/.test(digits)) return undefined;
  const value = Number(digits);
  const start = today.startOf('day');
  if (form === 'offset') return start.plus({ days: value }).toISODate() ?? undefined;
  if (value < 1 || value > 31) return undefined;
  // The next date with that day number: this month's if still ahead, else the first month after that has it.
  for (let months = 0; months <= 12; months++) {
    const month = start.startOf('month').plus({ months });
    if (value > (month.daysInMonth ?? 0)) continue;
    const date = month.set({ day: value });
    if (date >= start) return date.toISODate() ?? undefined;
  }
  return undefined;
}

/**
 * Minutes since midnight of the keyed time; for the 12-hour form the hour as keyed (1-12), still
 * to be read with AM or PM. Undefined when the digits are no time.
 */
export function requestedClock(digits: string, form: TimeForm): { hour: number; minute: number } | undefined {
  if (!/^[0-9]{3,4}$/.test(digits)) return undefined;
  const hour = Number(digits.slice(0, -2));
  const minute = Number(digits.slice(-2));
  if (minute > 59) return undefined;
  if (form === 'hhmm24' ? hour > 23 : hour < 1 || hour > 12) return undefined;
  return { hour, minute };
}

/** Minutes since midnight of a 12-hour clock time: 12 AM is midnight, 12 PM is noon. */
export function twelveHourMinutes(clock: { hour: number; minute: number }, pm: boolean): number {
  return ((clock.hour % 12) + (pm ? 12 : 0)) * 60 + clock.minute;
}
