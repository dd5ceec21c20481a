import { describe, expect, it } from 'vitest';
import { checkPatternSafety } from './pattern-safety.ts';

describe('checkPatternSafety', () => {
  it.each([
    '^1234[0-9]+',
    '^\\+1900\\d{7}$',
    '^\\+44(20|161)\\d+',
    '^\\+1(800|888|877)[0-9]{7}$',
    '(\\d{3})+',
    '^\\+33[^0-5]',
    '(a|b)*',
    '^\\+(?:1|7)\\d*$',
    '(?<area>\\d{3})-\\d{4}',
  ])('accepts %s', (pattern) => {
    expect(checkPatternSafety(pattern)).toEqual({ ok: true });
  });

  it.each([
    ['(a+)+', /inside a repeated group/],
    ['(\\d*)*$', /empty|inside a repeated group/],
    ['(a|a)*', /same character/],
    ['(a|ab)*', /same character/],
    ['(\\d|1)+', /same character/],
    ['(.|x)+', /same character/],
    ['(a?)*', /empty/],
    ['(a|)+', /empty/],
    ['(\\d{1,3})+', /inside a repeated group/],
    ['(\\d)\\1', /Backreferences/],
    ['(?<n>\\d)\\k<n>', /Backreferences/],
    ['(?<=\\+1)555', /lookbehind/],
    ['(?=\\+1)\\+1555', /Lookahead/],
    ['(?=(a+)+)', /Lookahead/],
    ['[', /Not a valid regular expression/],
    ['', /empty/],
    ['x'.repeat(201), /Longer than 200/],
  ])('refuses %s', (pattern, message) => {
    const check = checkPatternSafety(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });
});
