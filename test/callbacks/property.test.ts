/**
 * Availability and booking against a simple reference model, with random inputs (fast-check):
 * the pure slot computation on many runs, the booking service on a real database on a few.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBusinessHours } from '../../runtime/business-hours/calendar.ts';
import { type CapacityCalendar, computeSlots, proposeSlots } from '../../runtime/scheduling/index.ts';
import type { BusinessHours, DayHours } from '../../schemas/business-hours.generated.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MONDAY = Date.parse('2026-03-02T00:00:00Z');
const MINUTE = 60_000;
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** One weekday: closed, or up to two disjoint intervals on a 5-minute grid. */
const dayHours = fc
  .uniqueArray(fc.integer({ min: 0, max: 287 }), { minLength: 0, maxLength: 4 })
  .map((cuts) => cuts.sort((a, b) => a - b).map((c) => c * 5))
  .map((cuts) => {
    const intervals: [number, number][] = [];
    for (let i = 0; i + 1 < cuts.length; i += 2) intervals.push([cuts[i]!, cuts[i + 1]!]);
    return intervals;
  });

const capacityRule = fc.option(
  fc.constantFrom<30 | 60>(30, 60).chain((duration) =>
    fc
      .dictionary(
        fc.constantFrom(...DAYS),
        fc.dictionary(
          fc.integer({ min: 0, max: 1440 / duration - 1 }).map((i) => hhmm(i * duration)),
          fc.integer({ min: 0, max: 6 }),
          { maxKeys: 12 },
        ),
        { maxKeys: 7 },
      )
      .map((days): CapacityCalendar => ({ duration, days })),
  ),
  { nil: undefined },
);

const scenario = fc.record({
  week: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
  slotDurationMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60, 120),
  slotCapacity: fc.integer({ min: 0, max: 6 }),
  capacityRule,
  /** Bookings as (slot index among the reference's slots, count). */
  bookings: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { maxLength: 30 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** The reference: in UTC, a slot at every multiple of the duration where the office is open and the value > 0. */
function reference(s: Scenario): { startMs: number; total: number }[] {
  const slots: { startMs: number; total: number }[] = [];
  for (let day = 0; day < 7; day++) {
    const weekday = DAYS[(day + 1) % 7]!; // MONDAY is day 0
    for (let minute = 0; minute < 1440; minute += s.slotDurationMinutes) {
      const open = s.week[day]!.some(([start, end]) => start <= minute && minute < end);
      if (!open) continue;
      let total = s.slotCapacity;
      if (s.capacityRule) {
        const length = s.capacityRule.duration;
        total = s.capacityRule.days[weekday]?.[hhmm(Math.floor(minute / length) * length)] ?? 0;
      }
      if (total > 0) slots.push({ startMs: MONDAY + (day * 1440 + minute) * MINUTE, total });
    }
  }
  return slots;
}

function query(s: Scenario, booked: Map<number, number>) {
  const weekly = Object.fromEntries(
    DAYS.map((name, i): [string, DayHours] => {
      const intervals = s.week[(i + 6) % 7]!;
      return [
        name,
        intervals.length === 0
          ? { kind: 'closed' }
          : {
              kind: 'intervals',
              intervals: intervals.map(([a, b]) => ({ start: hhmm(a), end: hhmm(b) })),
            },
      ];
    }),
  ) as BusinessHours['weekly'];
  return {
    businessHours: compileBusinessHours({ name: 'P', timeZone: 'UTC', weekly }),
    timeZone: 'UTC',
    slotDurationMinutes: s.slotDurationMinutes,
    slotCapacity: s.slotCapacity,
    capacityRule: s.capacityRule,
    booked,
  };
}

function bookedOf(s: Scenario, expected: { startMs: number }[]) {
  const booked = new Map<number, number>();
  if (expected.length === 0) return booked;
  for (const [index, count] of s.bookings) {
    const start = expected[index % expected.length]!.startMs;
    booked.set(start, (booked.get(start) ?? 0) + count);
  }
  return booked;
}

describe('availability against a reference model (pure scheduling)', () => {
  it('has exactly the reference slots, each with capacity = total − booked, never negative', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const expected = reference(s);
        const booked = bookedOf(s, expected);
        const slots = computeSlots({ ...query(s, booked), fromMs: MONDAY, toMs: MONDAY + 7 * 1440 * MINUTE });
        expect(slots.map((x) => [x.startMs, x.total])).toEqual(expected.map((x) => [x.startMs, x.total]));
        for (const slot of slots) {
          expect(slot.remaining).toBe(Math.max(0, slot.total - (booked.get(slot.startMs) ?? 0)));
          expect(slot.remaining).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('proposes the first slots with room at or after the desired slot, in order', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 7 * 1440 - 1 }),
        fc.integer({ min: 1, max: 6 }),
        (s, at, count) => {
          const expected = reference(s);
          const booked = bookedOf(s, expected);
          const desiredMs = MONDAY + at * MINUTE;
          const horizonEndMs = MONDAY + 7 * 1440 * MINUTE;
          const proposed = proposeSlots({ ...query(s, booked), desiredMs, horizonEndMs, count });
          const ownSlotStart = desiredMs - (at % s.slotDurationMinutes) * MINUTE;
          const withRoom = expected.filter(
            (x) => x.startMs >= ownSlotStart && x.total > (booked.get(x.startMs) ?? 0),
          );
          expect(proposed.map((x) => x.startMs)).toEqual(withRoom.slice(0, count).map((x) => x.startMs));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('booking against a reference model (booking service on the database)', () => {
  let ctx: Sales;
  beforeAll(async () => {
    ctx = await startSales();
  });
  afterAll(() => ctx?.started.stop());

  // Wednesday 4 March 2026, 10:00-11:00 in Los Angeles: four open 15-minute slots.
  const slotStarts = [0, 1, 2, 3].map((i) => Date.parse('2026-03-04T18:00:00Z') + i * 15 * MINUTE);
  const operation = fc.oneof(
    fc.record({
      kind: fc.constant('book' as const),
      slot: fc.integer({ min: 0, max: 3 }),
      check: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  );
  let run = 0;
  let phone = 0;

  it('books iff the reference has room (when checking), and availability equals total − booked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.array(operation, { maxLength: 14 }),
        async (capacity, ops) => {
          const service = `Prop_${run++}_VQ`;
          await queueLike(ctx, service, { capacityRule: null, slotCapacity: capacity });
          const booked = [0, 0, 0, 0];
          const live: { id: string; slot: number }[] = [];
          for (const op of ops) {
            if (op.kind === 'book') {
              const reply = await ctx.ges('POST', '/callbacks/create', {
                serviceName: service,
                phoneNumber: `+1415557${String(phone++).padStart(4, '0')}`,
                desiredTime: new Date(slotStarts[op.slot]! + 5 * MINUTE).toISOString(),
                alwaysCheckCapacity: op.check,
              });
              const room = !op.check || booked[op.slot]! < capacity;
              expect(reply.status, JSON.stringify(reply.body)).toBe(room ? 200 : 429);
              if (room) {
                booked[op.slot]! += 1;
                live.push({ id: reply.body.data.id, slot: op.slot });
              }
            } else if (live.length > 0) {
              const [gone] = live.splice(op.pick % live.length, 1);
              const reply = await ctx.ges('POST', '/callbacks/cancel', { id: gone!.id });
              expect(reply.status).toBe(200);
              booked[gone!.slot]! -= 1;
            }
          }
          const availability = await ctx.ges(
            'GET',
            `/callbacks/availability/${service}?startMS=${slotStarts[0]}&endMS=${slotStarts[3]! + 1}&reportBusy=true`,
          );
          const expected =
            capacity === 0
              ? []
              : slotStarts.map((start, i) => ({
                  utcTime: new Date(start).toISOString(),
                  localTime: expect.any(String),
                  total: capacity,
                  capacity: Math.max(0, capacity - booked[i]!),
                }));
          expect(availability.body.data.slots).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });
});
