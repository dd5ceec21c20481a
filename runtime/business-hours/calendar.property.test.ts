import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayHours } from '../../schemas/business-hours.generated.ts';
import { compileBusinessHours } from './calendar.ts';
import { weekdays } from './test-hours.ts';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
];
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const dayHours: fc.Arbitrary<DayHours> = fc.oneof(
  fc.constant<DayHours>({ kind: 'closed' }),
  fc.constant<DayHours>({ kind: 'allDay' }),
  fc.tuple(hhmm, fc.option(hhmm, { nil: undefined })).map(([start, end]) => ({
    kind: 'intervals' as const,
    intervals: [end === undefined ? { start } : { start, end }],
  })),
);
const calendars = fc
  .tuple(fc.constantFrom(...ZONES), dayHours, dayHours)
  .map(([zone, week, weekend]) => compileBusinessHours(weekdays(zone, week, { weekend })));
// Around the 2026 DST changes of the sampled zones, plus an ordinary stretch.
const instants = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 2, 6), max: Date.UTC(2026, 3, 8) }),
  fc.integer({ min: Date.UTC(2026, 8, 4), max: Date.UTC(2026, 10, 3) }),
);

describe('business-hours properties', () => {
  it('openIntervals agrees with isOpen at sampled instants', () => {
    fc.assert(
      fc.property(
        calendars,
        instants,
        fc.array(fc.integer({ min: 0, max: 3 * 86_400_000 }), { maxLength: 20 }),
        (calendar, from, offsets) => {
          const to = from + 3 * 86_400_000;
          const intervals = calendar.openIntervals(from, to);
          for (const offset of offsets) {
            const t = from + offset;
            if (t >= to) continue;
            const inInterval = intervals.some((i) => i.startMs <= t && t < i.endMs);
            expect(inInterval).toBe(calendar.isOpen(t));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('open-for is 0 when closed, and otherwise the business stays open until it ends', () => {
    fc.assert(
      fc.property(calendars, instants, (calendar, t) => {
        const seconds = calendar.openForSeconds(t);
        if (!calendar.isOpen(t)) {
          expect(seconds).toBe(0);
          return;
        }
        expect(seconds).toBeGreaterThan(0);
        const end = calendar.endOfBusinessDay(t) ?? 0;
        expect(calendar.isOpen(end - 1)).toBe(true);
        expect(calendar.isOpen(end)).toBe(end - t >= 400 * 86_400_000);
      }),
      { numRuns: 200 },
    );
  });

  it('the next opening starts closed-before, open-at', () => {
    fc.assert(
      fc.property(calendars, instants, (calendar, t) => {
        const next = calendar.nextOpening(t);
        if (!next) return;
        expect(next.startMs).toBeGreaterThan(t);
        expect(calendar.isOpen(next.startMs)).toBe(true);
        expect(calendar.isOpen(next.startMs - 1)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
