import { describe, expect, it } from 'vitest';
import { compileBusinessHours } from './calendar.ts';
import { allDay, at, closed, open, weekdays } from './test-hours.ts';

const NY = 'America/New_York';
const office = compileBusinessHours(weekdays(NY, open(['08:00', '18:00'])));

describe('weekly hours', () => {
  it('is open inside an interval and closed outside it', () => {
    expect(office.isOpen(at(NY, '2026-01-05T08:00'))).toBe(true);
    expect(office.isOpen(at(NY, '2026-01-05T17:59'))).toBe(true);
    expect(office.isOpen(at(NY, '2026-01-05T18:00'))).toBe(false);
    expect(office.isOpen(at(NY, '2026-01-05T07:59'))).toBe(false);
    expect(office.isOpen(at(NY, '2026-01-10T12:00'))).toBe(false);
  });

  it('answers open-for in seconds until close, and 0 when closed', () => {
    expect(office.openForSeconds(at(NY, '2026-01-05T17:00'))).toBe(3600);
    expect(office.openForSeconds(at(NY, '2026-01-05T19:00'))).toBe(0);
  });

  it('finds the next opening after a weekend', () => {
    expect(office.nextOpening(at(NY, '2026-01-09T18:30'))).toEqual({
      startMs: at(NY, '2026-01-12T08:00'),
      endMs: at(NY, '2026-01-12T18:00'),
    });
  });

  it('finds no next opening for hours that are always closed', () => {
    const never = compileBusinessHours(weekdays(NY, closed));
    expect(never.nextOpening(at(NY, '2026-01-05T12:00'))).toBeNull();
  });

  it('keeps an interval without an end open until midnight', () => {
    const late = compileBusinessHours(weekdays(NY, open(['20:00'])));
    expect(late.openForSeconds(at(NY, '2026-01-05T23:00'))).toBe(3600);
    expect(late.isOpen(at(NY, '2026-01-06T00:00'))).toBe(false);
  });

  it('runs an interval whose end is before its start into the next day', () => {
    const night = compileBusinessHours(weekdays(NY, open(['22:00', '06:00'])));
    expect(night.isOpen(at(NY, '2026-01-06T05:00'))).toBe(true);
    // Friday's shift runs into Saturday although Saturday itself is closed.
    expect(night.isOpen(at(NY, '2026-01-10T03:00'))).toBe(true);
    expect(night.isOpen(at(NY, '2026-01-11T03:00'))).toBe(false);
  });

  it('follows continuing intervals across midnight for open-for and end of day', () => {
    const hours = weekdays(NY, open(['09:00']), { weekend: closed });
    hours.weekly.tue = open(['00:00', '02:00'], ['09:00']);
    const calendar = compileBusinessHours(hours);
    expect(calendar.openForSeconds(at(NY, '2026-01-05T23:00'))).toBe(3 * 3600);
    expect(calendar.endOfBusinessDay(at(NY, '2026-01-05T23:00'))).toBe(at(NY, '2026-01-06T02:00'));
    expect(calendar.endOfBusinessDay(at(NY, '2026-01-06T03:00'))).toBeNull();
  });

  it('caps open-for of a business that never closes at the search horizon', () => {
    const always = compileBusinessHours(weekdays(NY, allDay, { weekend: allDay }));
    expect(always.openForSeconds(at(NY, '2026-01-05T12:00'))).toBe(400 * 86_400);
  });

  it('lists open intervals clipped to the range', () => {
    expect(office.openIntervals(at(NY, '2026-01-05T12:00'), at(NY, '2026-01-06T09:00'))).toEqual([
      { startMs: at(NY, '2026-01-05T12:00'), endMs: at(NY, '2026-01-05T18:00'), specialDay: null },
      { startMs: at(NY, '2026-01-06T08:00'), endMs: at(NY, '2026-01-06T09:00'), specialDay: null },
    ]);
  });

  it('merges touching intervals into one opening', () => {
    const split = compileBusinessHours(weekdays(NY, open(['08:00', '12:00'], ['12:00', '18:00'])));
    expect(split.openIntervals(at(NY, '2026-01-05T00:00'), at(NY, '2026-01-06T00:00'))).toHaveLength(1);
  });
});

describe('special days', () => {
  const holidays = compileBusinessHours(
    weekdays(NY, open(['08:00', '18:00']), {
      specialDays: [
        { name: 'New Year', from: '2026-01-01', hours: closed },
        { name: 'Sale', from: '2026-01-10', to: '2026-01-11', hours: open(['10:00', '14:00']) },
        { name: 'Cancelled', from: '2026-01-12', enabled: false, hours: closed },
        { name: 'Tokyo launch', from: '2026-01-13', timeZone: 'Asia/Tokyo', hours: open(['09:00', '10:00']) },
      ],
    }),
  );

  it('closes a weekday that is a holiday and names it', () => {
    const status = holidays.status(at(NY, '2026-01-01T12:00'));
    expect(status).toEqual({ open: false, specialDay: 'New Year', openForSeconds: 0, timeZone: NY });
  });

  it('opens a weekend covered by a date range with its own hours', () => {
    expect(holidays.isOpen(at(NY, '2026-01-11T11:00'))).toBe(true);
    expect(holidays.status(at(NY, '2026-01-11T11:00')).specialDay).toBe('Sale');
    expect(holidays.isOpen(at(NY, '2026-01-11T15:00'))).toBe(false);
  });

  it('ignores a disabled special day', () => {
    expect(holidays.isOpen(at(NY, '2026-01-12T12:00'))).toBe(true);
  });

  it('reads a special day in its own time zone', () => {
    // 09:00-10:00 in Tokyo on 13 January is 19:00-20:00 on 12 January in New York.
    expect(holidays.isOpen(at('Asia/Tokyo', '2026-01-13T09:30'))).toBe(true);
    expect(holidays.isOpen(at(NY, '2026-01-13T12:00'))).toBe(false);
  });
});

describe('time zone override', () => {
  it('reads the weekly hours in the override zone', () => {
    const instant = at('Europe/London', '2026-01-05T09:00'); // 04:00 in New York
    expect(office.status(instant).open).toBe(false);
    const status = office.status(instant, 'Europe/London');
    expect(status.open).toBe(true);
    expect(status.timeZone).toBe('Europe/London');
    expect(status.openForSeconds).toBe(9 * 3600);
  });
});
