import { describe, expect, it } from 'vitest';
import { localInstant } from './queue-routes.ts';

describe('a GES start or end without an offset', () => {
  it('is the wall-clock time in the zone, seconds kept', () => {
    expect(new Date(localInstant('2026-03-04T08:00:30', 'America/Los_Angeles')).toISOString()).toBe(
      '2026-03-04T16:00:30.000Z',
    );
  });

  it('means the end of the gap when the zone skips it (spring forward), as business hours do', () => {
    // 02:30 does not exist in New York on 8 March 2026: clocks go from 02:00 EST to 03:00 EDT.
    expect(new Date(localInstant('2026-03-08T02:30:00', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('means the first pass of a repeated hour (fall back)', () => {
    // 01:30 happens twice in New York on 1 November 2026; the first is EDT (UTC-4).
    expect(new Date(localInstant('2026-11-01T01:30:00', 'America/New_York')).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });
});
