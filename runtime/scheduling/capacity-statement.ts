/**
 * The JSON form of a capacity calendar, as pasted into the Capacity page:
 * `{"days":{"sun":{"02:00":2},"tue":{"07:00":3}},"duration":60}`. Pasting replaces the whole
 * calendar (seed: "the pasted capacity data completely overwrites the existing data"), so a parse
 * returns the complete new calendar and nothing is merged.
 */
import { type CapacityCalendar, WEEKDAY_KEYS } from './capacity-rule.ts';

export interface CapacityIssue {
  /** JSON Pointer into the statement. */
  pointer: string;
  message: string;
}

export type CapacityParseResult =
  | { ok: true; calendar: CapacityCalendar }
  | { ok: false; errors: CapacityIssue[] };

const SLOT_KEY = /^([01][0-9]|2[0-3]):(00|30)$/;
const MAX_CAPACITY = 100_000;

export function parseCapacityStatement(statement: string | unknown): CapacityParseResult {
  let value: unknown = statement;
  if (typeof statement === 'string') {
    try {
      value = JSON.parse(statement);
    } catch (error) {
      return { ok: false, errors: [{ pointer: '', message: `Not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const errors: CapacityIssue[] = [];
  if (!isObject(value))
    return { ok: false, errors: [{ pointer: '', message: 'Expected an object with "days" and "duration"' }] };
  for (const key of Object.keys(value)) {
    if (key !== 'days' && key !== 'duration')
      errors.push({ pointer: `/${key}`, message: `Unknown property "${key}"` });
  }
  const duration = value.duration;
  if (duration !== 30 && duration !== 60) {
    errors.push({ pointer: '/duration', message: 'duration must be 60 (hourly) or 30 (half-hourly)' });
  }
  const days: Record<string, Record<string, number>> = {};
  if (!isObject(value.days)) {
    errors.push({ pointer: '/days', message: 'days must be an object of weekdays (sun..sat)' });
  } else {
    for (const [dayKey, slots] of Object.entries(value.days)) {
      const dayPointer = `/days/${dayKey}`;
      if (!(WEEKDAY_KEYS as readonly string[]).includes(dayKey)) {
        errors.push({
          pointer: dayPointer,
          message: `Unknown weekday "${dayKey}"; use sun, mon, tue, wed, thu, fri, sat`,
        });
        continue;
      }
      if (!isObject(slots)) {
        errors.push({ pointer: dayPointer, message: 'Expected an object of "HH:mm": capacity' });
        continue;
      }
      const day: Record<string, number> = {};
      for (const [slotKey, capacity] of Object.entries(slots)) {
        const pointer = `${dayPointer}/${slotKey}`;
        if (!SLOT_KEY.test(slotKey)) {
          errors.push({ pointer, message: `"${slotKey}" is not a timeslot start (HH:00 or HH:30)` });
        } else if (duration === 60 && slotKey.endsWith(':30')) {
          errors.push({
            pointer,
            message: `"${slotKey}" is not an hourly timeslot; use :00 or set duration 30`,
          });
        } else if (
          typeof capacity !== 'number' ||
          !Number.isInteger(capacity) ||
          capacity < 0 ||
          capacity > MAX_CAPACITY
        ) {
          errors.push({ pointer, message: `Capacity must be a whole number from 0 to ${MAX_CAPACITY}` });
        } else {
          day[slotKey] = capacity;
        }
      }
      days[dayKey] = day;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, calendar: { duration: duration as 30 | 60, days } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
