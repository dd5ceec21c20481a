/**
 * Slots across both DST changes of a year, in every zone that has them (1-hour, 30-minute and
 * 2-hour shifts, 30- and 45-minute offsets), against the minute-by-minute model of dst-model.ts:
 * the grid (both passes of a repeated hour, gap starts moved to the gap's end), business hours
 * (edges as "the first instant the wall clock reads it"), the capacity rule read at the wall
 * clock, booked counts, the slot of a desired time, and proposals.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { DayHours } from '../../schemas/business-hours.generated.ts';
import { compileBusinessHours } from '../business-hours/calendar.ts';
import { weekdays } from '../business-hours/test-hours.ts';
import type { CapacityCalendar } from './capacity-rule.ts';
import {
  firstReaching,
  isoIn,
  modelStarts,
  ruleValue,
  transitionBetween,
  wallMinutes,
  wallParts,
} from './dst-model.ts';
import { proposeSlots } from './propose.ts';
import { computeSlots, slotFor } from './slots.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DURATIONS = [5, 10, 15, 20, 30, 60, 120] as const;
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Zones whose offset differs between January and July 2026: every zone with DST changes. */
const DST_ZONES = Intl.supportedValuesOf('timeZone').filter(
  (zone) =>
    DateTime.fromMillis(Date.UTC(2026, 0, 1), { zone }).offset !==
    DateTime.fromMillis(Date.UTC(2026, 6, 1), { zone }).offset,
);
const UNUSUAL = ['Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Antarctica/Troll'];

/** The zone's two changes of 2026 (spring and autumn, in either order). */
function transitions(zone: string): number[] {
  const edges = [Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1), Date.UTC(2027, 0, 1)];
  return [0, 1].flatMap((i) => transitionBetween(zone, edges[i] as number, edges[i + 1] as number) ?? []);
}

const minuteOf = fc.integer({ min: 0, max: 1439 });
const quarterOf = fc.integer({ min: 0, max: 95 }).map((q) => q * 15);
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const dayHours: fc.Arbitrary<DayHours> = fc.oneof(
  fc.constant<DayHours>({ kind: 'allDay' }),
  fc.constant<DayHours>({ kind: 'closed' }),
  fc
    .array(
      fc.tuple(fc.oneof(minuteOf, quarterOf), fc.option(fc.oneof(minuteOf, quarterOf), { nil: undefined })),
      {
        minLength: 1,
        maxLength: 3,
      },
    )
    .map((spans) => ({
      kind: 'intervals' as const,
      intervals: spans.map(([start, end]) =>
        end === undefined ? { start: hhmm(start) } : { start: hhmm(start), end: hhmm(end) },
      ),
    })),
);
const capacityRule: fc.Arbitrary<CapacityCalendar | undefined> = fc.option(
  fc.constantFrom<30 | 60>(30, 60).chain((duration) =>
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...WEEKDAY_KEYS),
          fc.integer({ min: 0, max: 47 }),
          fc.integer({ min: 0, max: 3 }),
        ),
        {
          maxLength: 120,
        },
      )
      .map((cells) => {
        const days: CapacityCalendar['days'] = {};
        for (const [day, half, value] of cells) {
          const minute = duration === 60 ? Math.floor(half / 2) * 60 : half * 30;
          days[day] = { ...days[day], [hhmm(minute)]: value };
        }
        return { duration, days };
      }),
  ),
  { nil: undefined },
);

const scenario = fc.record({
  zone: fc.oneof(fc.constantFrom(...DST_ZONES), fc.constantFrom(...UNUSUAL)),
  which: fc.integer({ min: 0, max: 1 }),
  duration: fc.constantFrom(...DURATIONS),
  week: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
  rule: capacityRule,
  slotCapacity: fc.integer({ min: 1, max: 3 }),
  // Where the compared window [from, to) lies around the change, in minutes (not on any boundary).
  fromMinute: fc.integer({ min: -24 * 60, max: -1 }),
  toMinute: fc.integer({ min: 1, max: 24 * 60 }),
  bookings: fc.array(fc.integer({ min: -24 * 60, max: 24 * 60 - 1 }), { maxLength: 40 }),
  probes: fc.array(fc.integer({ min: -24 * 60 * 60, max: 24 * 60 * 60 - 1 }), {
    minLength: 1,
    maxLength: 20,
  }),
});

describe('slots across DST changes, against a minute-by-minute model', () => {
  it('finds the DST zones, including 30- and 45-minute offsets and the 30-minute Lord Howe shift', () => {
    expect(DST_ZONES.length).toBeGreaterThan(50);
    for (const zone of UNUSUAL) expect(transitions(zone)).toHaveLength(2);
  });

  it('agrees on slots, totals, counts, the slot of a time and proposals in both passes', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const change = transitions(s.zone)[s.which];
        if (change === undefined) return;
        // The model's window reaches 30 hours either side; everything compared lies within 25.
        const windowFrom = change - 30 * HOUR;
        const minutes = wallMinutes(s.zone, windowFrom, change + 30 * HOUR);
        const hours = weekdays(s.zone, { kind: 'closed' });
        WEEKDAY_KEYS.forEach((key, i) => {
          hours.weekly[key] = s.week[i] as DayHours;
        });
        const businessHours = compileBusinessHours(hours);

        // Model: business hours as instants (each edge the first minute reaching it).
        const open: [number, number][] = [];
        const firstWall = (minutes[0]?.wall ?? 0) - ((minutes[0]?.wall ?? 0) % 1440);
        // From the day before the window: its intervals may run into the window.
        for (let day = firstWall / 1440 - 1; day <= (minutes.at(-1)?.wall ?? 0) / 1440; day++) {
          const dayHoursOf = s.week[wallParts(day * 1440).weekday] as DayHours;
          for (const [start, end] of spansOf(dayHoursOf)) {
            const from = firstReaching(minutes, day * 1440 + start);
            const to = firstReaching(minutes, day * 1440 + end) ?? Number.POSITIVE_INFINITY;
            if (from !== undefined && to > from) open.push([from, to]);
          }
        }
        const isOpen = (ms: number) => open.some(([from, to]) => from <= ms && ms < to);

        // Model: the grid, the slot of an instant, totals and counts.
        const starts = modelStarts(minutes, s.duration).map((i) => minutes[i]!);
        const slotOfMs = (ms: number) => {
          const i = starts.findLastIndex((start) => start.ms <= ms);
          return { startMs: starts[i]!.ms, endMs: starts[i + 1]!.ms };
        };
        const booked = new Map<number, number>();
        for (const minute of s.bookings) {
          const { startMs } = slotOfMs(change + minute * MINUTE);
          booked.set(startMs, (booked.get(startMs) ?? 0) + 1);
        }
        const fromMs = change + s.fromMinute * MINUTE + 17_000;
        const toMs = change + s.toMinute * MINUTE + 17_000;
        const expected = starts.flatMap((start, i) => {
          if (start.ms < fromMs || start.ms >= toMs || !isOpen(start.ms)) return [];
          const total = s.rule ? ruleValue(s.rule, start.wall) : s.slotCapacity;
          if (total <= 0) return [];
          return [
            {
              startMs: start.ms,
              endMs: starts[i + 1]!.ms,
              localTime: isoIn(s.zone, start.ms),
              total,
              remaining: Math.max(0, total - (booked.get(start.ms) ?? 0)),
            },
          ];
        });

        // The system: bookings counted by the slot each falls in, as booking does.
        const grid = { timeZone: s.zone, slotDurationMinutes: s.duration };
        const counted = new Map<number, number>();
        for (const minute of s.bookings) {
          const { startMs } = slotFor(change + minute * MINUTE, grid);
          counted.set(startMs, (counted.get(startMs) ?? 0) + 1);
        }
        expect(counted).toEqual(booked);
        const query = {
          ...grid,
          businessHours,
          slotCapacity: s.slotCapacity,
          capacityRule: s.rule,
          booked: counted,
        };
        expect(computeSlots({ ...query, fromMs, toMs })).toEqual(expected);
        for (const seconds of s.probes) {
          const ms = change + seconds * 1000;
          expect(slotFor(ms, grid)).toEqual(slotOfMs(ms));
        }
        const proposed = proposeSlots({
          ...query,
          desiredMs: fromMs,
          horizonEndMs: toMs,
          earliestStartMs: fromMs,
          count: 3,
        });
        expect(proposed).toEqual(expected.filter((slot) => slot.remaining > 0).slice(0, 3));
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

/** Open spans of a day in local minutes; an end at or before the start runs into the next day. */
function spansOf(hours: DayHours): [number, number][] {
  if (hours.kind === 'closed') return [];
  if (hours.kind === 'allDay') return [[0, 1440]];
  return (hours.intervals ?? []).map((interval) => {
    const start = Number(interval.start.slice(0, 2)) * 60 + Number(interval.start.slice(3));
    if (interval.end === undefined) return [start, 1440];
    const end = Number(interval.end.slice(0, 2)) * 60 + Number(interval.end.slice(3));
    return [start, end <= start ? end + 1440 : end];
  });
}
