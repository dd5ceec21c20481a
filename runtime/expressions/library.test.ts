import { describe, expect, it } from 'vitest';
import { functionSignatures } from '../../schemas/expressions/index.ts';
import { evaluate, library, mapScope } from './index.ts';

// 2025-03-14 08:30 UTC is a Friday, 09:30 in Paris.
const nowMs = Date.UTC(2025, 2, 14, 8, 30);
const scope = mapScope(
  new Map<string, unknown>([
    ['Timezone', 'Europe/Paris'],
    ['digits', '0612345678'],
    ['empty', ''],
    ['unset', undefined],
  ]),
  { nowMs: () => nowMs },
);
const run = (source: string) => evaluate(source, scope);

describe('function library', () => {
  it('implements every documented function and nothing else', () => {
    expect([...library.keys()].sort()).toEqual(Object.keys(functionSignatures).sort());
  });

  it('runs every documented example; examples that state an equality hold', () => {
    const exampleScope = mapScope(
      new Map<string, unknown>([
        ['ANI', '+33612345678'],
        ['DNIS', '800'],
        ['choice', '1'],
        ['AccountNumber', 'A'],
        ['CallbackTime', '2025-03-14T12:00:00Z'],
      ]),
      { nowMs: () => nowMs },
    );
    for (const [name, { example }] of Object.entries(functionSignatures)) {
      const result = evaluate(example, exampleScope);
      const clockBound = /now\(\)|today\(\)/.test(example);
      if (example.includes('==') && !clockBound) expect(result, name).toBe(true);
    }
  });

  it.each([
    ["len('abc')", 3],
    ['len([1, 2])', 2],
    ['len(unset)', 0],
    ["upper('abc')", 'ABC'],
    ["lower('ÀB')", 'àb'],
    ["trim('  a  ')", 'a'],
    ['substr(digits, 0, 2)', '06'],
    ['substr(digits, -4)', '5678'],
    ['substr(digits, 8, 10)', '78'],
    ["indexOf('abc', 'c')", 2],
    ["indexOf('abc', 'z')", -1],
    ['indexOf([1, 2], 2)', 1],
    ["startsWith(digits, '06')", true],
    ["endsWith(digits, '78')", true],
    ["contains(digits, '1234')", true],
    ["contains(['a', 'b'], 'b')", true],
    ["replace('a.b.c', '.', '$&')", 'a$&b$&c'],
    ["padStart('7', 3, '0')", '007'],
    ["padStart('7', 3)", '  7'],
    ['toString(42)', '42'],
    ['toString(unset)', ''],
    ['toString([1])', '[1]'],
    ["toNumber(' 42 ')", 42],
    ['toNumber(true)', 1],
    ["isNumber('12.5')", true],
    ["isNumber('1a')", false],
    ['isNumber(empty)', false],
    ['isEmpty(empty)', true],
    ['isEmpty([])', true],
    ["isEmpty('x')", false],
    ["concat('a', 1, true, unset)", 'a1true'],
    ['abs(-3)', 3],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(1.005, 2)', 1.01],
    ['floor(2.7)', 2],
    ['ceil(2.1)', 3],
    ['min(3, 1, 2)', 1],
    ["max(3, '10', 2)", 10],
    ['isDefined(unset)', false],
    ['isDefined(digits)', true],
  ])('%s gives %j', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('reads the clock in the call time zone', () => {
    expect(run('now()')).toBe('2025-03-14T09:30:00+01:00');
    expect(run('today()')).toBe('2025-03-14');
    expect(run('hour()')).toBe(9);
    expect(run('minute()')).toBe(30);
    expect(run('weekday()')).toBe(5);
  });

  it('reads ISO texts without an offset as wall-clock time in the call zone', () => {
    expect(run("hour('2025-03-14T23:15')")).toBe(23);
    expect(run("hour('2025-03-14T23:15:00Z')")).toBe(0);
    expect(run("weekday('2025-03-16')")).toBe(7);
  });

  it('formats, adds and subtracts minutes', () => {
    expect(run("formatDate('2025-03-14T09:05', 'dd/MM/yyyy HH:mm')")).toBe('14/03/2025 09:05');
    expect(run("addMinutes('2025-03-14T23:30', 45)")).toBe('2025-03-15T00:15:00+01:00');
    expect(run("diffMinutes('2025-03-14T10:00', '2025-03-14T09:30:30')")).toBe(29);
    expect(run("diffMinutes('2025-03-14T09:00', '2025-03-14T10:00')")).toBe(-60);
  });

  it('fails clearly on values a function cannot use', () => {
    expect(() => run("hour('yesterday')")).toThrow(/hour\(\) needs an ISO 8601 date-time/);
    expect(() => run('hour(unset)')).toThrow(/hour\(\) needs/);
    expect(() => run("abs('x')")).toThrow(/abs\(\) needs a number/);
    expect(() => run("padStart('x', 100000)")).toThrow(/may not exceed/);
  });
});
