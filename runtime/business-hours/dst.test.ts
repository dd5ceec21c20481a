import { describe, expect, it } from 'vitest';
import { compileBusinessHours } from './calendar.ts';
import { allDay, at, iso, open, weekdays } from './test-hours.ts';

const HOUR = 3600;

describe('DST in America/New_York', () => {
  const NY = 'America/New_York';

  it('moves an opening inside the spring gap to the first valid instant', () => {
    const hours = weekdays(NY, open(['02:30', '05:00']), { weekend: open(['02:30', '05:00']) });
    const calendar = compileBusinessHours(hours);
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist.
    const opening = calendar.nextOpening(at(NY, '2026-03-08T00:00'));
    expect(iso(opening?.startMs ?? 0)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(calendar.openForSeconds(opening?.startMs ?? 0)).toBe(2 * HOUR);
  });

  it('reads a repeated local time in the autumn overlap as its first occurrence', () => {
    const hours = weekdays(NY, open(['01:30', '03:00']), { weekend: open(['01:30', '03:00']) });
    const calendar = compileBusinessHours(hours);
    // 1 November 2026: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    const opening = calendar.nextOpening(at(NY, '2026-11-01T00:00'));
    expect(iso(opening?.startMs ?? 0)).toBe('2026-11-01T05:30:00.000Z');
    // 01:30 EDT to 03:00 EST is two and a half real hours.
    expect(calendar.openForSeconds(opening?.startMs ?? 0)).toBe(2.5 * HOUR);
  });

  it('keeps a night shift crossing the DST change to its wall-clock end', () => {
    const night = compileBusinessHours(
      weekdays(NY, open(['22:00', '06:00']), { weekend: open(['22:00', '06:00']) }),
    );
    // Saturday 22:00 EST to Sunday 06:00 EDT is 7 real hours.
    expect(night.openForSeconds(at(NY, '2026-03-07T22:00'))).toBe(7 * HOUR);
    // In autumn the same shift lasts 9 real hours.
    expect(night.openForSeconds(at(NY, '2026-10-31T22:00'))).toBe(9 * HOUR);
  });

  it('makes an all-day Sunday 23 hours long in spring and 25 in autumn', () => {
    const allSunday = weekdays(NY, open(['09:00', '10:00']), { weekend: allDay });
    allSunday.weekly.sat = open(['09:00', '10:00']);
    const calendar = compileBusinessHours(allSunday);
    expect(calendar.openForSeconds(at(NY, '2026-03-08T00:00'))).toBe(23 * HOUR);
    expect(calendar.openForSeconds(at(NY, '2026-11-01T00:00'))).toBe(25 * HOUR);
  });
});

describe('DST in Europe/London', () => {
  const LONDON = 'Europe/London';
  const calendar = compileBusinessHours(
    weekdays(LONDON, open(['01:15', '03:00']), { weekend: open(['01:15', '03:00']) }),
  );

  it('opens at 02:00 BST when 01:15 falls in the spring gap', () => {
    // 29 March 2026: 01:00 GMT jumps to 02:00 BST.
    expect(iso(calendar.nextOpening(at(LONDON, '2026-03-29T00:00'))?.startMs ?? 0)).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('opens at the first 01:15 in the autumn overlap', () => {
    // 25 October 2026: 02:00 BST falls back to 01:00 GMT; the first 01:15 is 00:15Z.
    expect(iso(calendar.nextOpening(at(LONDON, '2026-10-25T00:00'))?.startMs ?? 0)).toBe(
      '2026-10-25T00:15:00.000Z',
    );
  });
});

describe('DST in Australia/Lord_Howe (30-minute shift)', () => {
  const LH = 'Australia/Lord_Howe';
  const calendar = compileBusinessHours(
    weekdays(LH, open(['02:10', '04:00']), { weekend: open(['02:10', '04:00']) }),
  );

  it('moves 02:10 to 02:30 when the clocks skip 02:00-02:30', () => {
    // 4 October 2026: 02:00 +10:30 becomes 02:30 +11:00.
    const opening = calendar.nextOpening(at(LH, '2026-10-04T00:00'));
    expect(iso(opening?.startMs ?? 0)).toBe('2026-10-03T15:30:00.000Z');
    expect(calendar.openForSeconds(opening?.startMs ?? 0)).toBe(1.5 * HOUR);
  });

  it('uses the first 01:45 when 01:30-02:00 repeats', () => {
    const early = compileBusinessHours(
      weekdays(LH, open(['01:45', '02:15']), { weekend: open(['01:45', '02:15']) }),
    );
    // 5 April 2026: 02:00 +11:00 falls back to 01:30 +10:30; first 01:45 is 14:45Z.
    const opening = early.nextOpening(at(LH, '2026-04-05T00:00'));
    expect(iso(opening?.startMs ?? 0)).toBe('2026-04-04T14:45:00.000Z');
    // From the first 01:45 to 02:15 +10:30 is an hour in real time.
    expect(early.openForSeconds(opening?.startMs ?? 0)).toBe(HOUR);
  });
});

describe('DST in America/Santiago (change at midnight)', () => {
  const SCL = 'America/Santiago';

  it('opens an all-day Sunday at 01:00 when midnight does not exist', () => {
    const calendar = compileBusinessHours(weekdays(SCL, open(['09:00', '18:00']), { weekend: allDay }));
    // 6 September 2026: 00:00 -04:00 becomes 01:00 -03:00.
    const status = calendar.status(at(SCL, '2026-09-06T01:00'));
    expect(status.open).toBe(true);
    // Saturday's all-day hours run straight into Sunday's.
    expect(calendar.endOfBusinessDay(at(SCL, '2026-09-05T12:00'))).toBe(at(SCL, '2026-09-07T00:00'));
  });

  it('keeps "until midnight" to the wall-clock midnight after a repeated 23:00 hour', () => {
    // 4 April 2026 24:00 -03:00 falls back to 23:00 -04:00, so 23:00-24:00 happens twice...
    const calendar = compileBusinessHours(weekdays(SCL, open(['09:00']), { weekend: open(['22:00']) }));
    const opening = calendar.nextOpening(at(SCL, '2026-04-04T12:00'));
    expect(iso(opening?.startMs ?? 0)).toBe('2026-04-05T01:00:00.000Z'); // 22:00 -03:00
    // ...and the interval ends at the only 00:00, -04:00 (04:00Z): 3 real hours.
    expect(iso(opening?.endMs ?? 0)).toBe('2026-04-05T04:00:00.000Z');
  });
});

describe('Asia/Kolkata (no DST)', () => {
  const IN = 'Asia/Kolkata';
  const calendar = compileBusinessHours(weekdays(IN, open(['09:30', '18:00'])));

  it('opens at 09:30 +05:30 every weekday of the year', () => {
    for (const date of ['2026-03-09', '2026-07-06', '2026-11-02']) {
      expect(iso(calendar.nextOpening(Date.parse(`${date}T00:00:00Z`))?.startMs ?? 0)).toBe(
        `${date}T04:00:00.000Z`,
      );
    }
  });
});
