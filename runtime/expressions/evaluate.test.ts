import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionError, evaluate, mapScope } from './index.ts';

const variables = new Map<string, unknown>([
  ['n', 7],
  ['text', 'hello'],
  ['list', [10, 20, 30]],
  ['caller', { name: 'Ada', account: { id: 'A-1' } }],
  ['unset', undefined],
  ['nothing', null],
]);
const scope = mapScope(variables, { nowMs: () => 0 });
const run = (source: string) => evaluate(source, scope);

function failure(source: string): ExpressionError {
  try {
    run(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('evaluate', () => {
  it.each([
    ['1 + 2', 3],
    ['7 - 10', -3],
    ['6 * 7', 42],
    ['7 / 2', 3.5],
    ['7 % 3', 1],
    ["'a' + 'b'", 'ab'],
    ["'n' + 1", 'n1'],
    ["'6' * 2", 12],
    ['-n', -7],
    ["+'3'", 3],
    ['!n', false],
    ['!!text', true],
    ["1 == '1'", true],
    ["1 != '1'", false],
    ["1 === '1'", false],
    ["1 !== '1'", true],
    ['null == undefined', true],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ["'b' > 'a'", true],
    ['true && n', 7],
    ['0 && n', 0],
    ['0 || n', 7],
    ['null ?? n', 7],
    ['0 ?? n', 0],
    ["n > 5 ? 'big' : 'small'", 'big'],
    ['[1, n, text]', [1, 7, 'hello']],
    ['1 / 0', Number.POSITIVE_INFINITY],
  ])('evaluates %s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['2 * 3 % 4', 2],
    ['1 + 1 == 2 && 3 > 2', true],
    ['false || true && false', false],
    ["n > 5 ? n < 10 ? 'mid' : 'high' : 'low'", 'mid'],
    ['-n * 2', -14],
    ['!false == true', true],
  ])('respects precedence in %s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('reads strings in single and double quotes, with escapes', () => {
    expect(run("'it\\'s'")).toBe("it's");
    expect(run('"say \\"hi\\""')).toBe('say "hi"');
  });

  it('reads own properties of objects, list items and text length', () => {
    expect(run('caller.name')).toBe('Ada');
    expect(run("caller['account'].id")).toBe('A-1');
    expect(run('list[1]')).toBe(20);
    expect(run('list.length')).toBe(3);
    expect(run('text.length')).toBe(5);
    expect(run('text[0]')).toBe('h');
    expect(run('caller.missing')).toBeUndefined();
    expect(run('unset?.x')).toBeUndefined();
  });

  it('gives undefined for inherited members rather than host functions', () => {
    expect(run('caller.toString')).toBeUndefined();
    expect(run('caller.hasOwnProperty')).toBeUndefined();
    expect(run('list.map')).toBeUndefined();
    expect(run('text.toUpperCase')).toBeUndefined();
  });

  it('refuses prototype and constructor reads computed at run time', () => {
    expect(failure("caller['__pro' + 'to__']").message).toMatch(/__proto__/);
    expect(failure("list['constr' + 'uctor']").message).toMatch(/constructor/);
    expect(failure("text[concat('proto', 'type')]").message).toMatch(/prototype/);
  });

  it('names an unknown variable', () => {
    expect(failure('missing + 1').message).toMatch(/unknown variable missing/);
    expect(run('unset')).toBeUndefined();
  });

  it('fails reading a member of undefined or null', () => {
    expect(failure('unset.x').code).toBe('EXPRESSION_ERROR');
    expect(failure('nothing.x').message).toMatch(/cannot read x of null/);
  });

  it('refuses arithmetic and comparison on lists and objects', () => {
    expect(failure('list + 1').message).toMatch(/operator \+ cannot be used with a list/);
    expect(failure('caller < 1').code).toBe('EXPRESSION_ERROR');
    expect(run('list == list')).toBe(true);
    expect(run("list == '10,20,30'")).toBe(false);
  });

  it('throws EXPRESSION_ERROR for expressions that do not parse', () => {
    expect(failure('a = 1').code).toBe('EXPRESSION_ERROR');
    expect(failure('1 +').code).toBe('EXPRESSION_ERROR');
  });

  it('stops an expression with more steps than the limit', () => {
    const big = `[${Array.from({ length: 10_000 }, () => '1').join(',')}]`;
    const error = failure(big);
    expect(error.code).toBe('STEP_LIMIT');
    expect(() => evaluate('1 + 2 + 3', scope, { maxSteps: 4 })).toThrow(/more than 4/);
    expect(evaluate('1 + 2 + 3', scope, { maxSteps: 5 })).toBe(6);
  });

  it('computes a + b as JavaScript does for numbers', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const local = mapScope(
          new Map([
            ['a', a],
            ['b', b],
          ]),
        );
        expect(evaluate('a + b', local)).toBe(a + b);
        expect(evaluate('a * b - a', local)).toBe(a * b - a);
        expect(evaluate('a < b', local)).toBe(a < b);
      }),
    );
  });

  it('computes integer literals in source as JavaScript does', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1 }), (a, b) => {
        expect(run(`${a} + ${b}`)).toBe(a + b);
        expect(run(`${a} % ${b}`)).toBe(a % b);
      }),
    );
  });
});
