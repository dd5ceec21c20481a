import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, localTimeFormatter } from './local-time.ts';

const luxon = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: false });

describe('localTimeFormatter', () => {
  it("writes exactly Luxon's text every 5 minutes across DST changes in several zones", () => {
    const zones = [
      'UTC',
      'utc',
      'GMT',
      'Etc/UTC',
      'Europe/London',
      'America/New_York',
      'America/Los_Angeles',
      'America/Santiago',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ];
    // Spring and autumn changes of both hemispheres fall within these weeks of 2026.
    const weeks = ['2026-03-06', '2026-03-26', '2026-04-02', '2026-09-03', '2026-10-01', '2026-10-23'];
    for (const zone of zones) {
      const format = localTimeFormatter(zone);
      for (const week of weeks) {
        const from = Date.parse(`${week}T00:00:00Z`);
        for (let ms = from; ms < from + 9 * 86_400_000; ms += 5 * 60_000)
          if (format(ms) !== luxon(ms, zone))
            expect([zone, ms, format(ms)]).toEqual([zone, ms, luxon(ms, zone)]);
      }
    }
  });

  it('keeps seconds and milliseconds of instants off the minute', () => {
    const ms = Date.parse('2026-03-08T07:00:59.123Z');
    expect(localTimeFormatter('America/New_York')(ms)).toBe('2026-03-08T03:00:59.123-04:00');
    expect(localTimeFormatter('UTC')(ms)).toBe(new Date(ms).toISOString());
  });

  it('knows IANA zones and refuses others', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('UTC+3')).toBe(false);
  });
});
