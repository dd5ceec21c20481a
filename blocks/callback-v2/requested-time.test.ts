import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { requestedClock, requestedDate, twelveHourMinutes } from './requested-time.ts';

// Friday 30 January 2026, 23:30 in Auckland: already the 30th there (10:30 UTC): "today" is the queue zone's date.
const today = DateTime.fromISO('2026-01-30T23:30', { zone: 'Pacific/Auckland' });

describe('requestedDate', () => {
  it('counts an offset in days from today in the queue zone', () => {
    expect(['0', '1', '2', '30'].map((d) => requestedDate(d, 'offset', today))).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('takes the next date with a day of the month, skipping months without it', () => {
    expect(requestedDate('30', 'dayOfMonth', today)).toBe('2026-01-30');
    expect(requestedDate('29', 'dayOfMonth', today)).toBe('2026-03-29'); // February 2026 has no 29th
    expect(requestedDate('1', 'dayOfMonth', today)).toBe('2026-02-01');
  });

  it('refuses digits that are no day', () => {
    expect(requestedDate('0', 'dayOfMonth', today)).toBeUndefined();
    expect(requestedDate('32', 'dayOfMonth', today)).toBeUndefined();
    expect(requestedDate('123', 'offset', today)).toBeUndefined();
    expect(requestedDate('', 'offset', today)).toBeUndefined();
  });
});

describe('requestedClock', () => {
  it('reads 24-hour and 12-hour times of 3 or 4 digits', () => {
    expect(requestedClock('0930', 'hhmm24')).toEqual({ hour: 9, minute: 30 });
    expect(requestedClock('930', 'hhmm24')).toEqual({ hour: 9, minute: 30 });
    expect(requestedClock('2359', 'hhmm24')).toEqual({ hour: 23, minute: 59 });
    expect(requestedClock('1215', 'hhmm12')).toEqual({ hour: 12, minute: 15 });
  });

  it('refuses times that do not exist on the chosen clock', () => {
    expect(['2400', '1260', '45', '12345'].map((d) => requestedClock(d, 'hhmm24'))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(requestedClock('0030', 'hhmm12')).toBeUndefined();
    expect(requestedClock('1330', 'hhmm12')).toBeUndefined();
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(twelveHourMinutes({ hour: 12, minute: 5 }, false)).toBe(5);
    expect(twelveHourMinutes({ hour: 12, minute: 5 }, true)).toBe(12 * 60 + 5);
    expect(twelveHourMinutes({ hour: 2, minute: 30 }, true)).toBe(14 * 60 + 30);
  });
});
