import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/number-validation-rule.schema.json' with { type: 'json' };
import { type NumberValidationRule, testNumber, validateNumberValidationRule } from './rule.ts';

const northAmerica: NumberValidationRule = {
  name: 'North America',
  permittedCountries: ['US', 'CA'],
  blockedPatterns: ['^\\+1212555\\d{4}$', '^\\+1900'],
};

describe('testNumber', () => {
  it('passes a number of a permitted country that no pattern blocks, in E.164', () => {
    expect(testNumber(northAmerica, '+1 (415) 555-2671')).toEqual({
      ok: true,
      e164: '+14155552671',
      country: 'US',
    });
    expect(testNumber(northAmerica, '(604) 555-0199', { defaultCountry: 'CA' })).toMatchObject({
      ok: true,
      country: 'CA',
    });
  });

  it('fails a number of a country that is not permitted without checking the patterns', () => {
    const rule = { ...northAmerica, blockedPatterns: ['^\\+44'] };
    expect(testNumber(rule, '+44 20 7946 0958')).toEqual({
      ok: false,
      reason: 'COUNTRY_NOT_PERMITTED',
      country: 'GB',
      e164: '+442079460958',
    });
  });

  it('tells apart countries that share a calling code', () => {
    // Jamaica is +1 876 but not in the rule.
    expect(testNumber(northAmerica, '+1 876 927 1234')).toMatchObject({
      ok: false,
      reason: 'COUNTRY_NOT_PERMITTED',
      country: 'JM',
    });
  });

  it('fails a number that a blocked pattern matches, naming the pattern', () => {
    expect(testNumber(northAmerica, '+1 212 555 0123')).toEqual({
      ok: false,
      reason: 'NUMBER_BLOCKED',
      country: 'US',
      e164: '+12125550123',
      pattern: '^\\+1212555\\d{4}$',
    });
  });

  it('matches in linear time: a pattern of many nested unbounded quantifiers is answered at once', () => {
    // Passes the save-time check (no quantifier inside a repeated group) yet, on a backtracking
    // engine, tries every split of the digits between the forty \d*: 24 of them already took 16 s
    // on V8 for one number, forty take hours.
    const polynomial = `^\\+(${'\\d*'.repeat(40)})x`;
    const rule = { ...northAmerica, blockedPatterns: [polynomial, '^\\+1415555\\d+$'] };
    expect(validateNumberValidationRule(rule)).toEqual([]);
    const started = performance.now();
    expect(testNumber(rule, '+1 415 555 2671')).toMatchObject({ ok: false, reason: 'NUMBER_BLOCKED' });
    expect(testNumber(rule, '+1 416 555 2671', { defaultCountry: 'CA' })).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('keeps the documented pattern syntax: classes, counts, escapes, named groups', () => {
    const rule = {
      ...northAmerica,
      blockedPatterns: ['^\\+1(800|888)[0-9]{7}$', '^\\u002B1900', '(?<area>212)555\\d{4}$', '^\\+1[^2-9]'],
    };
    expect(validateNumberValidationRule(rule)).toEqual([]);
    expect(testNumber(rule, '+1 800 555 0199')).toMatchObject({ reason: 'NUMBER_BLOCKED' });
    expect(testNumber(rule, '+1 900 555 0199')).toMatchObject({ reason: 'NUMBER_BLOCKED' });
    expect(testNumber(rule, '+1 212 555 0123')).toMatchObject({ reason: 'NUMBER_BLOCKED' });
    expect(testNumber(rule, '+1 415 555 2671')).toMatchObject({ ok: true });
  });

  it('fails what is not a phone number', () => {
    expect(testNumber(northAmerica, 'call me')).toEqual({ ok: false, reason: 'INVALID_NUMBER' });
    expect(testNumber(northAmerica, '+1 415 555')).toEqual({ ok: false, reason: 'INVALID_NUMBER' });
    expect(testNumber(northAmerica, '4155552671')).toEqual({ ok: false, reason: 'INVALID_NUMBER' });
  });
});

describe('validateNumberValidationRule', () => {
  it('accepts a sound rule', () => {
    expect(validateNumberValidationRule(northAmerica)).toEqual([]);
  });

  it('points at unknown countries and unsafe patterns', () => {
    const issues = validateNumberValidationRule({
      name: 'Bad',
      permittedCountries: ['US', 'XX'],
      blockedPatterns: ['^1', '(a+)+'],
    });
    expect(issues.map((issue) => issue.pointer)).toEqual(['/permittedCountries/1', '/blockedPatterns/1']);
  });

  it('requires at least one permitted country, as does the schema', () => {
    const rule = {
      name: 'Empty',
      permittedCountries: [],
      blockedPatterns: [],
    } as unknown as NumberValidationRule;
    expect(validateNumberValidationRule(rule)[0]?.pointer).toBe('/permittedCountries');
    expect(new Ajv2020({ strict: false }).compile(schema)(rule)).toBe(false);
  });
});
