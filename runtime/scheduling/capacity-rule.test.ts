import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/capacity-rule.schema.json' with { type: 'json' };
import { type CapacityRule, changeTimeslotLength, compileCapacityRule } from './capacity-rule.ts';

const halfHourly: CapacityRule = {
  name: 'Mornings',
  duration: 30,
  days: { mon: { '09:00': 8, '09:30': 10, '10:00': 8, '10:30': 10 } },
};

describe('capacity rule', () => {
  it('keeps the top-of-hour values when switching from half-hourly to hourly', () => {
    expect(changeTimeslotLength(halfHourly, 60).days).toEqual({ mon: { '09:00': 8, '10:00': 8 } });
  });

  it('copies each hour to its half hour when switching from hourly to half-hourly', () => {
    const hourly: CapacityRule = { name: 'Hourly', duration: 60, days: { mon: { '09:00': 8, '10:00': 8 } } };
    expect(changeTimeslotLength(hourly, 30).days).toEqual({
      mon: { '09:00': 8, '09:30': 8, '10:00': 8, '10:30': 8 },
    });
  });

  it('reads an hourly value for the whole hour and 0 where no value is set', () => {
    const rule = compileCapacityRule({ duration: 60, days: { tue: { '07:00': 3 } } });
    expect(rule.valueAt(2, 7 * 60)).toBe(3);
    expect(rule.valueAt(2, 7 * 60 + 45)).toBe(3);
    expect(rule.valueAt(2, 8 * 60)).toBe(0);
    expect(rule.valueAt(1, 7 * 60)).toBe(0);
  });

  it('reads a half-hourly value only for its half hour', () => {
    const rule = compileCapacityRule(halfHourly);
    expect(rule.valueAt(1, 9 * 60 + 15)).toBe(8);
    expect(rule.valueAt(1, 9 * 60 + 45)).toBe(10);
  });

  it('matches its JSON Schema, and the schema refuses a bad key', () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(halfHourly)).toBe(true);
    expect(validate({ ...halfHourly, days: { mon: { '9:15': 1 } } })).toBe(false);
  });
});
