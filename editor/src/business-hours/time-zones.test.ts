import { describe, expect, it } from 'vitest';
import { searchTimeZones, supportedTimeZones } from './time-zones.ts';

const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Yerevan', 'UTC'];

describe('time zone search', () => {
  it('finds a zone by its city with spaces for underscores', () => {
    expect(searchTimeZones(zones, 'new york')).toEqual(['America/New_York']);
  });

  it('matches every word in any order and lists cities starting with the query first', () => {
    expect(searchTimeZones(zones, 'america')).toEqual(['America/New_York', 'America/Los_Angeles']);
    expect(searchTimeZones(['Europe/Old_Berlin', 'Europe/Berlin'], 'berlin')).toEqual([
      'Europe/Berlin',
      'Europe/Old_Berlin',
    ]);
  });

  it('lists every zone (up to the limit) for an empty query', () => {
    expect(searchTimeZones(zones, '  ', 2)).toEqual(['America/New_York', 'America/Los_Angeles']);
  });

  it('offers the IANA zones of the platform, UTC included', () => {
    const all = supportedTimeZones();
    expect(all).toContain('UTC');
    expect(all).toContain('Europe/Berlin');
  });
});
