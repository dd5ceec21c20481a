/**
 * Compiles a checked AST into a tree of closures, once per source, so evaluating is a chain of
 * direct calls instead of a walk with a switch per node (the interpreter's budget is about
 * 200,000 blocks a second).
 */
import type { BinaryOperator, ExpressionNode } from '../../schemas/expressions/index.ts';
import { charge, produced } from './budget.ts';
import { expressionError } from './expression-error.ts';
import { library } from './library.ts';
import type { ExpressionScope } from './scope.ts';
import { primitive, readProperty } from './values.ts';

export type Compiled = (scope: ExpressionScope) => unknown;

export interface CompiledExpression {
  run: Compiled;
  /**
   * Nodes in the tree. The subset has no loops or user functions, so no evaluation takes more
   * steps than this: the step bound is checked once, against this count, not per node.
   */
  steps: number;
}

export function compile(ast: ExpressionNode): CompiledExpression {
  const counter = { steps: 0 };
  const run = node(ast, counter);
  return { run, steps: counter.steps };
}

function node(ast: ExpressionNode, counter: { steps: number }): Compiled {
  counter.steps += 1;
  const child = (n: ExpressionNode) => node(n, counter);
  switch (ast.type) {
    case 'literal': {
      const { value } = ast;
      return () => value;
    }
    case 'variable': {
      const { name } = ast;
      return (scope) => {
        const value = scope.get(name);
        if (value === undefined && !scope.has(name)) return expressionError(`unknown variable ${name}`);
        return value;
      };
    }
    case 'member': {
      const object = child(ast.object);
      const { optional } = ast;
      if (ast.property.type === 'literal') {
        const key = ast.property.value;
        return (scope) => readProperty(object(scope), key, optional);
      }
      const property = child(ast.property);
      return (scope) => readProperty(object(scope), property(scope), optional);
    }
    case 'array': {
      const elements = ast.elements.map(child);
      return (scope) => {
        charge(elements.length, 'a list');
        return elements.map((element) => element(scope));
      };
    }
    case 'unary': {
      const argument = child(ast.argument);
      if (ast.operator === '!') return (scope) => !argument(scope);
      if (ast.operator === '-') return (scope) => -(primitive(argument(scope), '-') as number);
      return (scope) => +(primitive(argument(scope), '+') as number);
    }
    case 'binary':
      return binary(ast.operator, child(ast.left), child(ast.right));
    case 'logical': {
      const left = child(ast.left);
      const right = child(ast.right);
      if (ast.operator === '&&') return (scope) => left(scope) && right(scope);
      if (ast.operator === '||') return (scope) => left(scope) || right(scope);
      return (scope) => left(scope) ?? right(scope);
    }
    case 'conditional': {
      const test = child(ast.test);
      const consequent = child(ast.consequent);
      const alternate = child(ast.alternate);
      return (scope) => (test(scope) ? consequent(scope) : alternate(scope));
    }
    case 'call': {
      const fn = library.get(ast.name);
      if (fn === undefined) return expressionError(`unknown function ${ast.name}()`);
      const args = ast.arguments.map(child);
      const what = `the result of ${ast.name}()`;
      return (scope) =>
        produced(
          fn(
            args.map((arg) => arg(scope)),
            scope,
          ),
          what,
        );
    }
  }
}

type Operands = (a: unknown, b: unknown) => unknown;

// JavaScript semantics on primitives (so 1 / 0 is Infinity and '2' * 3 is 6); objects and lists
// are refused rather than converted, which would run their toString/valueOf.
const operations: Record<BinaryOperator, Operands> = {
  '+': (a, b) => (primitive(a, '+') as number) + (primitive(b, '+') as number),
  '-': (a, b) => (primitive(a, '-') as number) - (primitive(b, '-') as number),
  '*': (a, b) => (primitive(a, '*') as number) * (primitive(b, '*') as number),
  '/': (a, b) => (primitive(a, '/') as number) / (primitive(b, '/') as number),
  '%': (a, b) => (primitive(a, '%') as number) % (primitive(b, '%') as number),
  '<': (a, b) => (primitive(a, '<') as number) < (primitive(b, '<') as number),
  '<=': (a, b) => (primitive(a, '<=') as number) <= (primitive(b, '<=') as number),
  '>': (a, b) => (primitive(a, '>') as number) > (primitive(b, '>') as number),
  '>=': (a, b) => (primitive(a, '>=') as number) >= (primitive(b, '>=') as number),
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  // Loose equality only between primitives; an object or list equals only itself.
  // biome-ignore lint/suspicious/noDoubleEquals: the subset's == is JavaScript's loose equality
  '==': (a, b) => (isObject(a) || isObject(b) ? a === b : a == b),
  // biome-ignore lint/suspicious/noDoubleEquals: the subset's != is JavaScript's loose inequality
  '!=': (a, b) => (isObject(a) || isObject(b) ? a !== b : a != b),
};

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function binary(operator: BinaryOperator, left: Compiled, right: Compiled): Compiled {
  const operate = operations[operator];
  if (operator === '+') {
    // The common case (numbers, or text) without the primitive checks.
    return (scope) => {
      const a = left(scope);
      const b = right(scope);
      if (typeof a === 'number' && typeof b === 'number') return a + b;
      if (typeof a === 'string' && typeof b === 'string') {
        charge(a.length + b.length, 'a text');
        return a + b;
      }
      return produced(operate(a, b), 'a text');
    };
  }
  return (scope) => operate(left(scope), right(scope));
}
