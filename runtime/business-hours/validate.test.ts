import { describe, expect, it } from 'vitest';
import { closed, open, weekdays } from './test-hours.ts';
import { validateBusinessHours } from './validate.ts';

describe('validateBusinessHours', () => {
  it('accepts well-formed hours', () => {
    expect(
      validateBusinessHours(weekdays('Europe/London', open(['09:00', '12:00'], ['13:00', '17:00']))),
    ).toEqual([]);
  });

  it('rejects a time zone that is not IANA', () => {
    expect(validateBusinessHours(weekdays('Mars/Olympus', closed))).toEqual([
      { pointer: '/timeZone', message: '"Mars/Olympus" is not an IANA time zone' },
    ]);
  });

  it('requires intervals when the kind is intervals, and only then', () => {
    const hours = weekdays('UTC', closed);
    hours.weekly.mon = { kind: 'intervals' };
    hours.weekly.tue = { kind: 'allDay', intervals: [{ start: '09:00' }] };
    expect(validateBusinessHours(hours).map((issue) => issue.pointer)).toEqual([
      '/weekly/mon/intervals',
      '/weekly/tue/intervals',
    ]);
  });

  it('reports overlapping intervals, including one that crosses midnight', () => {
    const hours = weekdays('UTC', open(['09:00', '12:00'], ['11:00', '13:00']));
    hours.weekly.sat = open(['22:00', '02:00'], ['23:00']);
    const pointers = validateBusinessHours(hours).map((issue) => issue.pointer);
    expect(pointers).toContain('/weekly/mon/intervals/1');
    expect(pointers).toContain('/weekly/sat/intervals/1');
  });

  it('rejects a special day range that ends before it starts, and impossible dates', () => {
    const hours = weekdays('UTC', closed, {
      specialDays: [
        { from: '2026-05-10', to: '2026-05-01', hours: closed },
        { from: '2026-02-30', hours: closed, timeZone: 'Nowhere/Here' },
      ],
    });
    expect(validateBusinessHours(hours).map((issue) => issue.pointer)).toEqual([
      '/specialDays/0/to',
      '/specialDays/1/timeZone',
      '/specialDays/1/from',
    ]);
  });
});
