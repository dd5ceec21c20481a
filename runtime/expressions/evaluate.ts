/**
 * evaluate and renderTemplate: parse (cached in schemas/expressions), compile (cached here),
 * check the step bound, run under an allocation and time budget (budget.ts).
 */
import { parseExpression, parseTemplate, type TemplatePart } from '../../schemas/expressions/index.ts';
import { charge, fits, withBudget } from './budget.ts';
import { type CompiledExpression, compile } from './compile.ts';
import { ExpressionError } from './expression-error.ts';
import type { ExpressionScope } from './scope.ts';
import { toText } from './values.ts';

export const defaultMaxSteps = 10_000;

export interface EvaluateOptions {
  /** Most AST nodes an evaluation may visit; default 10,000. */
  maxSteps?: number;
}

const cacheLimit = 2000;

/** Bounded cache: the oldest entry goes first (Map keeps insertion order). */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

const compiledExpressions = new Map<string, CompiledExpression | ExpressionError>();

/** Compiles an expression, or returns the error evaluating it would throw. */
export function compileExpression(source: string): CompiledExpression | ExpressionError {
  const cached = compiledExpressions.get(source);
  if (cached !== undefined) return cached;
  const parsed = parseExpression(source);
  const compiled = parsed.ok
    ? compile(parsed.ast)
    : new ExpressionError('EXPRESSION_ERROR', `${parsed.message} in expression: ${source}`);
  return remember(compiledExpressions, source, compiled);
}

export function evaluate(source: string, scope: ExpressionScope, options?: EvaluateOptions): unknown {
  const compiled = compileExpression(source);
  if (compiled instanceof ExpressionError) throw compiled;
  const maxSteps = options?.maxSteps ?? defaultMaxSteps;
  if (compiled.steps > maxSteps) {
    throw new ExpressionError(
      'STEP_LIMIT',
      `the expression has ${compiled.steps} steps, more than ${maxSteps}`,
    );
  }
  return withBudget(() => compiled.run(scope));
}

type CompiledTemplate = Array<string | CompiledExpression>;

const compiledTemplates = new Map<string, CompiledTemplate | ExpressionError>();

function compileTemplate(text: string): CompiledTemplate | ExpressionError {
  const cached = compiledTemplates.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseTemplate(text);
  const compiled = parsed.ok
    ? parsed.parts.map((part: TemplatePart) => (typeof part === 'string' ? part : compile(part.parsed.ast)))
    : new ExpressionError('EXPRESSION_ERROR', `${parsed.message} in prompt: ${text}`);
  return remember(compiledTemplates, text, compiled);
}

/** Fills in the `{expression}` parts of a prompt text; undefined and null show as nothing. */
export function renderTemplate(text: string, scope: ExpressionScope, options?: EvaluateOptions): string {
  const compiled = compileTemplate(text);
  if (compiled instanceof ExpressionError) throw compiled;
  const maxSteps = options?.maxSteps ?? defaultMaxSteps;
  return withBudget(() => {
    let out = '';
    for (const part of compiled) {
      if (typeof part === 'string') {
        fits(out.length + part.length, 'the prompt');
        out += part;
      } else {
        if (part.steps > maxSteps) {
          throw new ExpressionError(
            'STEP_LIMIT',
            `a prompt part has ${part.steps} steps, more than ${maxSteps}`,
          );
        }
        const text = toText(part.run(scope));
        charge(text.length, 'a prompt part');
        fits(out.length + text.length, 'the prompt');
        out += text;
      }
    }
    return out;
  });
}
