/**
 * A capacity rule as the Tools page edits it: a weekly grid of hour or half-hour timeslots,
 * Set All (one timeslot, every day) and Set Day (every timeslot of one day), the JSON statement
 * (pasting one replaces the whole rule: a timeslot it leaves out reads as 0), and the switch
 * between 30- and 60-minute timeslots, which keeps the top-of-the-hour values.
 */
import type { CapacityRule } from '../../../../schemas/capacity-rule.generated.ts';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];
export type Days = Partial<Record<Weekday, Record<string, number>>>;

export function timeslots(duration: 30 | 60): string[] {
  const slots: string[] = [];
  for (let h = 0; h < 24; h++) {
    const hour = String(h).padStart(2, '0');
    slots.push(`${hour}:00`);
    if (duration === 30) slots.push(`${hour}:30`);
  }
  return slots;
}

export function valueAt(days: Days, day: Weekday, slot: string): number {
  return days[day]?.[slot] ?? 0;
}

/** One cell; 0 is stored as absent, which means the same. */
export function setCell(days: Days, day: Weekday, slot: string, value: number): Days {
  const next = { ...(days[day] ?? {}) };
  if (value > 0) next[slot] = value;
  else delete next[slot];
  return { ...days, [day]: next };
}

export function setAll(days: Days, slot: string, value: number): Days {
  return weekdays.reduce((acc, day) => setCell(acc, day, slot, value), days);
}

export function setDay(days: Days, day: Weekday, value: number, duration: 30 | 60): Days {
  return timeslots(duration).reduce((acc, slot) => setCell(acc, day, slot, value), days);
}

/** Switching the timeslot length: half-hour values are dropped (60), top-of-hour values copied to :30 (30). */
export function convert(days: Days, to: 30 | 60): Days {
  const out: Days = {};
  for (const day of weekdays) {
    const source = days[day];
    if (!source) continue;
    const target: Record<string, number> = {};
    for (const [slot, value] of Object.entries(source)) {
      if (!slot.endsWith(':00')) continue;
      target[slot] = value;
      if (to === 30) target[`${slot.slice(0, 2)}:30`] = value;
    }
    out[day] = target;
  }
  return out;
}

export interface Statement {
  days: Days;
  duration: 30 | 60;
}

/** Reads a pasted JSON statement; throws a readable message when it is not one. */
export function parseStatement(text: string): Statement {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const value = parsed as { days?: unknown; duration?: unknown };
  if (!value || typeof value !== 'object' || typeof value.days !== 'object' || value.days === null)
    throw new Error('a statement is {"days": {…}, "duration": 30 | 60}');
  const duration = value.duration === undefined ? 60 : value.duration;
  if (duration !== 30 && duration !== 60) throw new Error('duration must be 30 or 60');
  const days: Days = {};
  for (const [day, slots] of Object.entries(value.days as Record<string, unknown>)) {
    if (!(weekdays as readonly string[]).includes(day)) throw new Error(`unknown day "${day}"`);
    const clean: Record<string, number> = {};
    for (const [slot, n] of Object.entries((slots ?? {}) as Record<string, unknown>)) {
      if (!/^([01][0-9]|2[0-3]):(00|30)$/.test(slot))
        throw new Error(`${day}: "${slot}" is not a timeslot (HH:00 or HH:30)`);
      if (duration === 60 && slot.endsWith(':30'))
        throw new Error(`${day}: ${slot} needs half-hour timeslots`);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw new Error(`${day} ${slot}: capacity must be a whole number ≥ 0`);
      if (n > 0) clean[slot] = n;
    }
    days[day as Weekday] = clean;
  }
  return { days, duration };
}

export function statementOf(rule: Pick<CapacityRule, 'days' | 'duration'>): string {
  return JSON.stringify({ days: rule.days, duration: rule.duration });
}
