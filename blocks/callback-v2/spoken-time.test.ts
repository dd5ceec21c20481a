import { describe, expect, it } from 'vitest';
import { spokenTime } from './spoken-time.ts';

describe('spokenTime', () => {
  it('reads a slot as words in the queue zone, in English and in French', () => {
    const ms = Date.parse('2026-11-24T18:15:00Z');
    expect(spokenTime(ms, 'America/Los_Angeles', 'en-US')).toBe('Tuesday, November 24 at 10:15 AM');
    expect(spokenTime(ms, 'America/Los_Angeles', 'fr-FR')).toBe('mardi 24 novembre à 10:15');
    expect(spokenTime(ms, 'Europe/Paris', 'fr-FR')).toBe('mardi 24 novembre à 19:15');
  });

  it('tells the two passes of a repeated hour apart by the zone name', () => {
    const first = spokenTime(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York', 'en-US');
    const second = spokenTime(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York', 'en-US');
    expect([first, second]).toEqual([
      'Sunday, November 1 at 1:30 AM EDT',
      'Sunday, November 1 at 1:30 AM EST',
    ]);
    // The hour after the overlap is said once, without a zone.
    expect(spokenTime(Date.parse('2026-11-01T07:30:00Z'), 'America/New_York', 'en-US')).toBe(
      'Sunday, November 1 at 2:30 AM',
    );
  });

  it('tells apart the passes of the 30-minute Lord Howe overlap too', () => {
    // 5 April 2026: 02:00 (UTC+11) goes back to 01:30 (UTC+10:30); 01:45 happens twice.
    const first = spokenTime(Date.parse('2026-04-04T14:45:00Z'), 'Australia/Lord_Howe', 'en-US');
    const second = spokenTime(Date.parse('2026-04-04T15:15:00Z'), 'Australia/Lord_Howe', 'en-US');
    expect(first).not.toBe(second);
    expect(first.startsWith('Sunday, April 5 at 1:45 AM')).toBe(true);
    expect(second.startsWith('Sunday, April 5 at 1:45 AM')).toBe(true);
  });

  it('falls back to English for a language Intl does not know', () => {
    expect(spokenTime(Date.parse('2026-11-24T18:15:00Z'), 'UTC', 'zz-ZZ')).toBe(
      'Tuesday, November 24 at 6:15 PM',
    );
  });
});
