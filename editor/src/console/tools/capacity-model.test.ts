import { describe, expect, it } from 'vitest';
import { convert, parseStatement, setAll, setDay, timeslots, valueAt } from './capacity-model.ts';

describe('the capacity rule editor', () => {
  it('Set All fills one timeslot on every day; Set Day fills every timeslot of one day', () => {
    const all = setAll({}, '09:00', 8);
    expect(valueAt(all, 'sun', '09:00')).toBe(8);
    expect(valueAt(all, 'sat', '09:00')).toBe(8);
    const day = setDay(all, 'tue', 5, 30);
    expect(Object.keys(day.tue!)).toHaveLength(48);
    expect(valueAt(day, 'tue', '09:00')).toBe(5);
    expect(valueAt(day, 'wed', '09:30')).toBe(0);
    expect(timeslots(60)).toHaveLength(24);
  });

  it('converts as the guide says: 30→60 keeps the top of the hour, 60→30 copies it to the half hour', () => {
    const half = { mon: { '09:00': 8, '09:30': 10, '10:00': 8, '10:30': 10 } };
    expect(convert(half, 60)).toEqual({ mon: { '09:00': 8, '10:00': 8 } });
    expect(convert({ mon: { '09:00': 8, '10:00': 8 } }, 30)).toEqual({
      mon: { '09:00': 8, '09:30': 8, '10:00': 8, '10:30': 8 },
    });
  });

  it("reads the guide's JSON statement, and refuses half hours in an hourly one", () => {
    const statement = parseStatement(
      '{"days":{"sun":{"02:00":2},"mon":{"05:00":2},"tue":{"07:00":3,"06:00":4}},"duration":60}',
    );
    expect(statement).toEqual({
      duration: 60,
      days: { sun: { '02:00': 2 }, mon: { '05:00': 2 }, tue: { '07:00': 3, '06:00': 4 } },
    });
    expect(() => parseStatement('{"days":{"mon":{"05:30":2}},"duration":60}')).toThrow(/half-hour/);
    expect(() => parseStatement('{"days":{"someday":{}}}')).toThrow(/unknown day/);
    expect(() => parseStatement('nope')).toThrow(/not JSON/);
  });
});
