import { describe, expect, it } from 'vitest';
import { openSegments } from './day-segments.ts';

describe('open segments of a day (minutes from midnight)', () => {
  it('draws nothing for a closed day and the whole bar for an all-day one', () => {
    expect(openSegments({ kind: 'closed' })).toEqual([]);
    expect(openSegments({ kind: 'allDay' })).toEqual([{ from: 0, to: 1440 }]);
  });

  it('runs an open-ended or overnight interval to midnight', () => {
    expect(
      openSegments({
        kind: 'intervals',
        intervals: [{ start: '09:30', end: '12:00' }, { start: '22:00', end: '02:00' }, { start: '18:00' }],
      }),
    ).toEqual([
      { from: 570, to: 720 },
      { from: 1320, to: 1440 },
      { from: 1080, to: 1440 },
    ]);
  });
});
