/**
 * What one evaluation may allocate and how long it may run. The step bound alone does not stop
 * a short expression from building a huge value (`replace` of a long text, `padStart`, or a
 * variable doubled by `x + x` in a loop of blocks: each evaluation is short, the value doubles),
 * so every text and list an expression produces is measured here:
 *  - no single value longer than `maxValueLength` (characters of a text, items of a list): this
 *    also bounds what a loop of blocks can grow a variable to, since each round is one evaluation;
 *  - no more than `maxTotalLength` produced by one evaluation (or one prompt) altogether;
 *  - no evaluation running past `maxMs` of wall time (generous: sizes and steps already bound
 *    the work; this is the last guard, and must not fail a sound expression on a loaded machine).
 * Sizes are checked BEFORE the value is built where it can be predicted (replace, padStart,
 * concat, `+`), so a refused value is never allocated. Past a bound the evaluation ends with
 * EXPRESSION_LIMIT. Evaluation is synchronous, so the one budget in force is module state.
 */
import { ExpressionError } from './expression-error.ts';

export const expressionLimits = {
  maxValueLength: 32_768,
  maxTotalLength: 1_000_000,
  maxMs: 1000,
} as const;

interface Budget {
  used: number;
  deadline: number;
}

let current: Budget | undefined;

/** Runs one evaluation (or one prompt) under a fresh budget. */
export function withBudget<T>(run: () => T): T {
  const outer = current;
  current = { used: 0, deadline: performance.now() + expressionLimits.maxMs };
  try {
    return run();
  } finally {
    current = outer;
  }
}

function limit(message: string): never {
  throw new ExpressionError('EXPRESSION_LIMIT', message);
}

/** Refuses a value about to be built of `length` characters or items when it would be too long. */
export function fits(length: number, what: string): void {
  if (length > expressionLimits.maxValueLength)
    limit(`${what} would be ${length} long, more than ${expressionLimits.maxValueLength}`);
}

/** Charges a value about to be built of `length` characters or items; refuses it past a bound. */
export function charge(length: number, what: string): void {
  fits(length, what);
  if (!current) return;
  current.used += length;
  if (current.used > expressionLimits.maxTotalLength)
    limit(`the expression produced more than ${expressionLimits.maxTotalLength} characters and items`);
  if (performance.now() > current.deadline)
    limit(`the expression ran longer than ${expressionLimits.maxMs} ms`);
}

/** Charges a value already built (one whose size cannot be predicted); returns it. */
export function produced<T>(value: T, what: string): T {
  if (typeof value === 'string' || Array.isArray(value)) charge(value.length, what);
  return value;
}
