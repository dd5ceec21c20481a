import { describe, expect, it } from 'vitest';
import { compileBusinessHours } from '../business-hours/calendar.ts';
import { at, open, weekdays } from '../business-hours/test-hours.ts';
import { proposeSlots } from './propose.ts';

const NY = 'America/New_York';
const base = {
  businessHours: compileBusinessHours(weekdays(NY, open(['08:00', '09:00']))),
  timeZone: NY,
  slotDurationMinutes: 15,
  slotCapacity: 1,
};

describe('proposeSlots', () => {
  it('offers the nearest slots with room after a full desired slot', () => {
    const full = at(NY, '2026-01-05T08:00');
    const slots = proposeSlots({
      ...base,
      desiredMs: full + 60_000,
      horizonEndMs: full + 30 * 86_400_000,
      booked: new Map([[full, 1]]),
      count: 3,
    });
    expect(slots.map((slot) => slot.localTime.slice(11, 16))).toEqual(['08:15', '08:30', '08:45']);
  });

  it('moves past closed hours and the weekend', () => {
    const friday = at(NY, '2026-01-09T08:50');
    const slots = proposeSlots({
      ...base,
      desiredMs: friday,
      horizonEndMs: friday + 30 * 86_400_000,
      booked: new Map(),
      count: 2,
    });
    expect(slots.map((slot) => slot.localTime.slice(0, 16))).toEqual([
      '2026-01-09T08:45',
      '2026-01-12T08:00',
    ]);
  });

  it('proposes the next slot, not the one under way, at an instant off the slot boundary', () => {
    const now = at(NY, '2026-01-05T08:07');
    const slots = proposeSlots({
      ...base,
      desiredMs: now,
      horizonEndMs: now + 30 * 86_400_000,
      booked: new Map(),
      count: 1,
      earliestStartMs: now,
    });
    expect(slots.map((slot) => slot.localTime.slice(11, 16))).toEqual(['08:15']);
  });

  it('proposes nothing beyond the scheduling horizon', () => {
    const friday = at(NY, '2026-01-09T09:00');
    expect(
      proposeSlots({ ...base, desiredMs: friday, horizonEndMs: friday + 86_400_000, booked: new Map() }),
    ).toEqual([]);
  });
});
