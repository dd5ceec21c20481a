import { describe, expect, it } from 'vitest';
import {
  checkBusinessHours,
  describeDay,
  newBusinessHours,
  newSpecialDay,
  withKind,
} from './hours-document.ts';

const zones = ['Europe/Berlin', 'America/New_York', 'UTC'];

describe('business hours document', () => {
  it('starts new business hours as 09:00-17:00 on weekdays and closed at the weekend', () => {
    const hours = newBusinessHours('Support', 'Europe/Berlin');
    expect(describeDay(hours.weekly.mon)).toBe('09:00–17:00');
    expect(describeDay(hours.weekly.sun)).toBe('Closed');
    expect(checkBusinessHours(hours, zones)).toEqual([]);
  });

  it('describes all-day, overnight and open-ended intervals', () => {
    expect(describeDay({ kind: 'allDay' })).toBe('Open all day');
    expect(
      describeDay({
        kind: 'intervals',
        intervals: [
          { start: '08:00', end: '12:00' },
          { start: '22:00', end: '06:00' },
        ],
      }),
    ).toBe('08:00–12:00, 22:00–06:00 (next day)');
    expect(describeDay({ kind: 'intervals', intervals: [{ start: '18:00' }] })).toBe('18:00–midnight');
  });

  it('drops intervals when a day becomes closed and offers office hours when it opens again', () => {
    const closed = withKind({ kind: 'intervals', intervals: [{ start: '10:00', end: '11:00' }] }, 'closed');
    expect(closed).toEqual({ kind: 'closed' });
    expect(withKind(closed, 'intervals')).toEqual({
      kind: 'intervals',
      intervals: [{ start: '09:00', end: '17:00' }],
    });
  });

  it('points at each field a user must fix before saving', () => {
    const hours = newBusinessHours('bad name!', 'Mars/Olympus');
    hours.weekly.tue = { kind: 'intervals', intervals: [] };
    hours.weekly.wed = { kind: 'intervals', intervals: [{ start: '9:00', end: '17:00' }] };
    hours.specialDays = [{ ...newSpecialDay('2026-12-26'), to: '2026-12-24' }];
    expect(checkBusinessHours(hours, zones).map((p) => p.pointer)).toEqual([
      '/name',
      '/timeZone',
      '/weekly/tue/intervals',
      '/weekly/wed/intervals/0/start',
      '/specialDays/0/to',
    ]);
  });
});
