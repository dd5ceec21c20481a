import { describe, expect, it } from 'vitest';
import { compileBusinessHours } from '../business-hours/calendar.ts';
import { allDay, at, iso, open, weekdays } from '../business-hours/test-hours.ts';
import type { CapacityCalendar } from './capacity-rule.ts';
import { computeSlots, slotFor } from './slots.ts';

const NY = 'America/New_York';
const noBookings = new Map<number, number>();

function day(
  timeZone: string,
  hours: ReturnType<typeof weekdays>,
  date: string,
  extra: Partial<Parameters<typeof computeSlots>[0]> = {},
) {
  return computeSlots({
    businessHours: compileBusinessHours(hours),
    timeZone,
    slotDurationMinutes: 15,
    slotCapacity: 5,
    fromMs: at(timeZone, `${date}T00:00`),
    toMs: nextMidnight(timeZone, date),
    booked: noBookings,
    ...extra,
  });
}
function nextMidnight(timeZone: string, date: string): number {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return at(timeZone, `${next}T00:00`);
}
const localTimes = (slots: { localTime: string }[]) => slots.map((slot) => slot.localTime.slice(11, 16));

describe('computeSlots', () => {
  it('starts at 8:00 when the office opens at 7:50 with 15-minute slots', () => {
    const slots = day(NY, weekdays(NY, open(['07:50', '18:00'])), '2026-01-05');
    expect(localTimes(slots).slice(0, 2)).toEqual(['08:00', '08:15']);
    expect(localTimes(slots).at(-1)).toBe('17:45');
  });

  it('applies the seed 7:50 example with a half-hourly rule of 10 from 7:30 to 8:30', () => {
    const rule: CapacityCalendar = { duration: 30, days: { mon: { '07:30': 10, '08:00': 10 } } };
    const slots = day(NY, weekdays(NY, open(['07:50', '18:00'])), '2026-01-05', { capacityRule: rule });
    expect(slots.map((slot) => [slot.localTime.slice(11, 16), slot.total])).toEqual([
      ['08:00', 10],
      ['08:15', 10],
    ]);
  });

  it('applies the seed "March" rule over the queue slot capacity of 5', () => {
    const march: CapacityCalendar = { duration: 60, days: {} };
    for (const weekday of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) {
      const hours: Record<string, number> = {};
      for (let hour = 8; hour < 18; hour++)
        hours[`${String(hour).padStart(2, '0')}:00`] = hour === 12 || hour === 13 ? 15 : 10;
      march.days[weekday] = hours;
    }
    const hours = weekdays(NY, open(['08:00', '18:00']));
    const slots = day(NY, hours, '2026-03-02', { capacityRule: march });
    expect(slots).toHaveLength(40);
    const totalAt = (hhmm: string) => slots.find((slot) => slot.localTime.slice(11, 16) === hhmm)?.total;
    expect([
      totalAt('08:00'),
      totalAt('11:45'),
      totalAt('12:00'),
      totalAt('13:45'),
      totalAt('14:00'),
      totalAt('17:45'),
    ]).toEqual([10, 10, 15, 15, 10, 10]);
    // Without the rule every slot has the queue's Slot Capacity.
    expect(new Set(day(NY, hours, '2026-03-02').map((slot) => slot.total))).toEqual(new Set([5]));
  });

  it('leaves out open slots whose rule value is 0', () => {
    const slots = day(NY, weekdays(NY, open(['08:00', '18:00'])), '2026-01-05', {
      capacityRule: { duration: 60, days: { mon: { '09:00': 2 } } },
    });
    expect(localTimes(slots)).toEqual(['09:00', '09:15', '09:30', '09:45']);
  });

  it('counts bookings against a slot and keeps full slots with nothing remaining', () => {
    const eight = at(NY, '2026-01-05T08:00');
    const slots = day(NY, weekdays(NY, open(['08:00', '09:00'])), '2026-01-05', {
      booked: new Map([
        [eight, 5],
        [eight + 15 * 60_000, 2],
      ]),
    });
    expect(slots.map((slot) => slot.remaining)).toEqual([0, 3, 5, 5]);
    const viaFunction = day(NY, weekdays(NY, open(['08:00', '09:00'])), '2026-01-05', {
      booked: (start) => (start === eight ? 9 : 0),
    });
    expect(viaFunction[0]?.remaining).toBe(0);
  });

  it('skips slots in the spring gap and keeps wall-clock alignment after it', () => {
    const sunday = weekdays(NY, open(['09:00', '10:00']), { weekend: allDay });
    const slots = day(NY, sunday, '2026-03-08', { slotDurationMinutes: 60 });
    expect(localTimes(slots)).toHaveLength(23);
    expect(localTimes(slots).slice(0, 3)).toEqual(['00:00', '01:00', '03:00']);
    expect(slots[1]?.localTime).toBe('2026-03-08T01:00:00.000-05:00');
    expect(slots[2]?.localTime).toBe('2026-03-08T03:00:00.000-04:00');
  });

  it('gives the repeated autumn hour slots in both passes, each a slot of its own', () => {
    const sunday = weekdays(NY, open(['09:00', '10:00']), { weekend: allDay });
    const slots = day(NY, sunday, '2026-11-01', { slotDurationMinutes: 60 });
    expect(slots).toHaveLength(25);
    expect(slots.slice(1, 4).map((slot) => [iso(slot.startMs), iso(slot.endMs), slot.localTime])).toEqual([
      ['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z', '2026-11-01T01:00:00.000-04:00'],
      ['2026-11-01T06:00:00.000Z', '2026-11-01T07:00:00.000Z', '2026-11-01T01:00:00.000-05:00'],
      ['2026-11-01T07:00:00.000Z', '2026-11-01T08:00:00.000Z', '2026-11-01T02:00:00.000-05:00'],
    ]);
  });

  it('counts a booking in the second pass against the second pass only', () => {
    const sunday = weekdays(NY, open(['09:00', '10:00']), { weekend: allDay });
    const secondPass = Date.UTC(2026, 10, 1, 6, 0);
    const slots = day(NY, sunday, '2026-11-01', {
      slotDurationMinutes: 60,
      booked: new Map([[secondPass, 5]]),
    });
    expect(slots.slice(1, 4).map((slot) => slot.remaining)).toEqual([5, 0, 5]);
  });

  it('starts the slot of a grid time inside the 30-minute Lord Howe gap when the gap ends', () => {
    const LH = 'Australia/Lord_Howe';
    const slots = day(LH, weekdays(LH, allDay, { weekend: allDay }), '2026-10-04', {
      slotDurationMinutes: 60,
    });
    // 02:00 does not exist (02:00 jumps to 02:30): its slot starts at 02:30 and runs to 03:00.
    expect(localTimes(slots).slice(0, 5)).toEqual(['00:00', '01:00', '02:30', '03:00', '04:00']);
    expect(slots[1]?.endMs).toBe(at(LH, '2026-10-04T02:30'));
    expect(slots[2]?.endMs).toBe(at(LH, '2026-10-04T03:00'));
  });
});

describe('slotFor', () => {
  const grid = { timeZone: NY, slotDurationMinutes: 15 };

  it('maps a desired time to the slot it falls in', () => {
    const slot = slotFor(at(NY, '2026-01-05T08:07'), grid);
    expect(slot).toEqual({ startMs: at(NY, '2026-01-05T08:00'), endMs: at(NY, '2026-01-05T08:15') });
  });

  it('maps a time in the second pass of a repeated hour to the second pass of its slot', () => {
    // 06:10Z on 1 November 2026 is 01:10 EST, the second 01:10; 05:10Z is the first.
    expect(iso(slotFor(Date.UTC(2026, 10, 1, 6, 10), grid).startMs)).toBe('2026-11-01T06:00:00.000Z');
    expect(iso(slotFor(Date.UTC(2026, 10, 1, 5, 10), grid).startMs)).toBe('2026-11-01T05:00:00.000Z');
  });
});
