import { describe, expect, it } from 'vitest';
import { compileBusinessHours } from './index.ts';

const nineToSix = { kind: 'intervals' as const, intervals: [{ start: '09:00', end: '18:00' }] };
const calendar = compileBusinessHours({
  name: 'Office',
  timeZone: 'Europe/London',
  weekly: {
    mon: nineToSix,
    tue: nineToSix,
    wed: nineToSix,
    thu: nineToSix,
    fri: nineToSix,
    sat: { kind: 'closed' },
    sun: { kind: 'closed' },
  },
});

describe('open-for', () => {
  it('is never 0 while open, even in the last second before closing', () => {
    const lastHalfSecond = Date.parse('2026-11-24T17:59:59.500Z');
    expect(calendar.isOpen(lastHalfSecond)).toBe(true);
    expect(calendar.openForSeconds(lastHalfSecond)).toBe(1);
    expect(calendar.openForSeconds(Date.parse('2026-11-24T18:00:00Z'))).toBe(0);
  });
});
