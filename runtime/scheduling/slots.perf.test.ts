import { describe, expect, it } from 'vitest';
import { compileBusinessHours } from '../business-hours/calendar.ts';
import { at, open, weekdays } from '../business-hours/test-hours.ts';
import { computeSlots } from './slots.ts';

const NY = 'America/New_York';
const DAY = 86_400_000;

describe('slot availability speed', () => {
  it('computes 30 days of 15-minute slots with 10,000 bookings in under 5 ms (median)', () => {
    const businessHours = compileBusinessHours(
      weekdays(NY, open(['00:00', '23:00']), { weekend: open(['06:00', '22:00']) }),
    );
    const fromMs = at(NY, '2026-03-01T00:00'); // spans the spring DST change
    const booked = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) booked.set(fromMs + i * 15 * 60_000, 1 + (i % 4));
    const run = () =>
      computeSlots({
        businessHours,
        timeZone: NY,
        slotDurationMinutes: 15,
        slotCapacity: 5,
        fromMs,
        toMs: fromMs + 30 * DAY,
        booked,
      });
    // Warm the per-day caches and the JIT, as a long-running server would be.
    for (let i = 0; i < 10; i++) run();
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const start = performance.now();
      run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    expect(run().length).toBeGreaterThan(2500);
    expect(times[10]).toBeLessThan(5);
  });
});
