import { describe, expect, it } from 'vitest';
import { checkHorizon } from './horizon.ts';

const now = Date.UTC(2026, 0, 5, 12);
const DAY = 86_400_000;

describe('checkHorizon', () => {
  it('accepts a time inside the horizon, including its last instant', () => {
    expect(checkHorizon(now + DAY, now, 30)).toEqual({ ok: true });
    expect(checkHorizon(now + 30 * DAY, now, 30)).toEqual({ ok: true });
  });

  it('refuses a time past the horizon or in the past', () => {
    expect(checkHorizon(now + 30 * DAY + 1, now, 30)).toEqual({
      ok: false,
      reason: 'BEYOND_HORIZON',
      latestMs: now + 30 * DAY,
    });
    expect(checkHorizon(now - 1, now, 30)).toMatchObject({ ok: false, reason: 'IN_THE_PAST' });
  });
});
