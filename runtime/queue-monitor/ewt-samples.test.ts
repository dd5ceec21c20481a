import { describe, expect, it } from 'vitest';
import { ewtAtPoints, quarterOf, SAMPLE_EVERY_MS } from './ewt-samples.ts';

const at = (iso: string) => Date.parse(iso);

describe('EWT samples over the day', () => {
  it('files a sample under the quarter hour it was taken in', () => {
    expect(quarterOf(at('2026-03-03T17:00:00.000Z'))).toBe(at('2026-03-03T17:00:00.000Z'));
    expect(quarterOf(at('2026-03-03T17:14:59.999Z'))).toBe(at('2026-03-03T17:00:00.000Z'));
    expect(quarterOf(at('2026-03-03T17:15:00.000Z'))).toBe(at('2026-03-03T17:15:00.000Z'));
    // Local midnights fall on quarter hours, even at a 45-minute offset (Asia/Kathmandu, +05:45).
    expect(quarterOf(at('2026-03-02T18:15:00.000Z'))).toBe(at('2026-03-02T18:15:00.000Z'));
  });

  it('gives each interval start the EWT sampled in its quarter hour, -1 kept, null where none was taken', () => {
    const q = (iso: string) => at(iso);
    const samples = [
      { quarterAt: q('2026-03-03T17:00:00.000Z'), ewtSeconds: -1 },
      { quarterAt: q('2026-03-03T17:15:00.000Z'), ewtSeconds: 480 },
      { quarterAt: q('2026-03-03T17:30:00.000Z'), ewtSeconds: 720 },
      { quarterAt: q('2026-03-03T18:00:00.000Z'), ewtSeconds: 90 },
    ];
    const points = [
      '2026-03-03T16:45:00.000Z',
      '2026-03-03T17:00:00.000Z',
      '2026-03-03T17:15:00.000Z',
      '2026-03-03T17:30:00.000Z',
      '2026-03-03T17:45:00.000Z',
      '2026-03-03T18:00:00.000Z',
    ].map(at);
    expect(ewtAtPoints(samples, points)).toEqual([null, -1, 480, 720, null, 90]);
    // Hourly intervals read the quarter each hour starts.
    expect(ewtAtPoints(samples, [points[1]!, points[1]! + 4 * SAMPLE_EVERY_MS])).toEqual([-1, 90]);
  });
});
