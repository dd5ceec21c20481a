import { describe, expect, it } from 'vitest';
import { parseCapacityStatement } from './capacity-statement.ts';

describe('parseCapacityStatement', () => {
  it('reads the seed sample', () => {
    const sample =
      '{"days":{"sun":{"02:00":2},"mon":{"05:00":2},"tue":{"07:00":3,"06:00":4},"wed":{"08:00":5},"thu":{"11:00":6},"fri":\n{"18:00":6},"sat":{"19:00":6}},"duration":60}';
    const result = parseCapacityStatement(sample);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.calendar.days.tue).toEqual({ '07:00': 3, '06:00': 4 });
  });

  it('returns the whole new calendar, so pasting drops values it does not mention', () => {
    const result = parseCapacityStatement({ duration: 60, days: { mon: { '10:00': 1 } } });
    expect(result).toEqual({ ok: true, calendar: { duration: 60, days: { mon: { '10:00': 1 } } } });
  });

  it('reports every bad field with its pointer', () => {
    const result = parseCapacityStatement({
      duration: 45,
      days: { mon: { '9:00': 1, '10:00': -1 }, funday: {}, tue: [] },
      name: 'x',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.pointer)).toEqual([
        '/name',
        '/duration',
        '/days/mon/9:00',
        '/days/mon/10:00',
        '/days/funday',
        '/days/tue',
      ]);
    }
  });

  it('refuses a half-hour key in an hourly calendar', () => {
    const result = parseCapacityStatement({ duration: 60, days: { mon: { '10:30': 1 } } });
    expect(result.ok ? [] : result.errors[0]?.message).toMatch(/not an hourly timeslot/);
  });

  it('explains text that is not JSON', () => {
    const result = parseCapacityStatement('{"days":');
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/^Not valid JSON/);
  });
});
