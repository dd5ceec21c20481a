/**
 * Capacity rules (seed, "Configuring Capacity rules"): a weekly calendar of hour or half-hour
 * timeslots; each value caps scheduled callbacks per Slot Duration of the queue inside that
 * timeslot and overrides the queue's Slot Capacity. A timeslot with no value has capacity 0.
 */
import type { CapacityRule } from '../../schemas/capacity-rule.generated.ts';

export type { CapacityRule };
export type CapacityCalendar = Pick<CapacityRule, 'duration' | 'days'>;
export type TimeslotLength = CapacityRule['duration'];

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

const HALF_HOURS = 48;

export interface CompiledCapacityRule {
  /** Capacity of the timeslot containing a local minute of a weekday (0 = Sunday). */
  valueAt(weekday: number, minuteOfDay: number): number;
}

const compiled = new WeakMap<CapacityCalendar, CompiledCapacityRule>();

/** Flattens the calendar to half-hour cells; memoised per rule object, so edit by replacing the object. */
export function compileCapacityRule(rule: CapacityCalendar): CompiledCapacityRule {
  const known = compiled.get(rule);
  if (known) return known;
  const cells = new Int32Array(7 * HALF_HOURS);
  WEEKDAY_KEYS.forEach((key, weekday) => {
    for (const [hhmm, value] of Object.entries(rule.days[key] ?? {})) {
      if (value === undefined) continue;
      const half = Number(hhmm.slice(0, 2)) * 2 + (hhmm.slice(3) === '30' ? 1 : 0);
      cells[weekday * HALF_HOURS + half] = value;
      // An hourly rule's value holds for the whole hour.
      if (rule.duration === 60) cells[weekday * HALF_HOURS + half + 1] = value;
    }
  });
  const result: CompiledCapacityRule = {
    valueAt: (weekday, minuteOfDay) => cells[weekday * HALF_HOURS + Math.floor(minuteOfDay / 30)] ?? 0,
  };
  compiled.set(rule, result);
  return result;
}

/**
 * Switches the timeslot length as the seed describes: 30→60 keeps the top-of-hour values and drops
 * the half-hour ones; 60→30 copies each hour's value to its half hour.
 */
export function changeTimeslotLength<Rule extends CapacityCalendar>(
  rule: Rule,
  duration: TimeslotLength,
): Rule {
  if (rule.duration === duration) return rule;
  const days: CapacityCalendar['days'] = {};
  for (const key of WEEKDAY_KEYS) {
    const day = rule.days[key];
    if (!day) continue;
    const converted: Record<string, number> = {};
    for (const [hhmm, value] of Object.entries(day)) {
      if (value === undefined || !hhmm.endsWith(':00')) continue;
      converted[hhmm] = value;
      if (duration === 30) converted[`${hhmm.slice(0, 2)}:30`] = value;
    }
    days[key] = converted;
  }
  return { ...rule, duration, days };
}
