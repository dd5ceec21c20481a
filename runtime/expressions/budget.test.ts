import { describe, expect, it } from 'vitest';
import { expressionLimits } from './budget.ts';
import { ExpressionError, evaluate, mapScope, renderTemplate } from './index.ts';

const big = 'x'.repeat(expressionLimits.maxValueLength);
const scope = mapScope(
  new Map<string, unknown>([
    ['big', big],
    ['half', big.slice(0, expressionLimits.maxValueLength / 2)],
  ]),
  { nowMs: () => 0 },
);

function limitOf(run: () => unknown): ExpressionError {
  const started = performance.now();
  try {
    run();
  } catch (error) {
    // Refused before the value is built: at once, not after seconds of allocation.
    expect(performance.now() - started).toBeLessThan(1000);
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected the expression to be refused');
}

describe('what an expression may allocate', () => {
  it('refuses a replace that multiplies a text past the value bound, before building it', () => {
    const error = limitOf(() =>
      evaluate("replace(padStart('', 10000, 'a'), 'a', padStart('', 10000, 'b'))", scope),
    );
    expect(error.code).toBe('EXPRESSION_LIMIT');
    expect(error.message).toMatch(/replace\(\) would be 100000000 long/);
  });

  it('refuses a concatenation past the value bound, so a loop of blocks doubling a variable stops', () => {
    // Each round of `x = x + x` is one evaluation; the value bound ends the doubling.
    let x = 'ab';
    const rounds: number[] = [];
    const error = limitOf(() => {
      for (;;) {
        x = evaluate('x + x', mapScope(new Map([['x', x]]))) as string;
        rounds.push(x.length);
      }
    });
    expect(error.code).toBe('EXPRESSION_LIMIT');
    expect(Math.max(...rounds)).toBeLessThanOrEqual(expressionLimits.maxValueLength);
  });

  it('refuses concat() and list literals past the value bound', () => {
    expect(limitOf(() => evaluate('concat(big, big)', scope)).code).toBe('EXPRESSION_LIMIT');
    expect(limitOf(() => evaluate("big + '!'", scope)).code).toBe('EXPRESSION_LIMIT');
  });

  it('bounds the total one evaluation produces, even from values each under the bound', () => {
    // Each upper() is under the value bound; together they pass the total.
    const terms = Array.from({ length: 40 }, () => 'len(upper(big))').join(' + ');
    const error = limitOf(() => evaluate(terms, scope));
    expect(error.code).toBe('EXPRESSION_LIMIT');
    expect(error.message).toMatch(/more than 1000000/);
    // The budget is per evaluation: a smaller one right after is fine.
    expect(evaluate('len(upper(big)) + len(half + half)', scope)).toBe(2 * expressionLimits.maxValueLength);
  });

  it('bounds a prompt as a whole', () => {
    expect(renderTemplate('{half}{half}', scope)).toHaveLength(expressionLimits.maxValueLength);
    expect(limitOf(() => renderTemplate('{half}{half}!', scope)).code).toBe('EXPRESSION_LIMIT');
  });

  it('keeps ordinary expressions as they were', () => {
    expect(evaluate("replace('a-b-c', '-', '')", scope)).toBe('abc');
    expect(evaluate("padStart('7', 3, '0')", scope)).toBe('007');
    expect(evaluate("concat('a', 1, true)", scope)).toBe('a1true');
    expect(evaluate("[1, 'two'] ", scope)).toEqual([1, 'two']);
  });
});
