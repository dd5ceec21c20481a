/**
 * parseExpression: jsep's parser, then a pass that keeps only the supported subset and turns
 * jsep's tree into our ExpressionNode. jsep's global operator tables are left alone (other
 * code may use jsep); operators outside the subset parse and are rejected here, with a clearer
 * message than a syntax error.
 */
import jsep from 'jsep';
import {
  type BinaryOperator,
  binaryOperators,
  type ExpressionNode,
  forbiddenProperties,
  type LogicalOperator,
  logicalOperators,
  type ParseFailure,
  type ParseResult,
  type UnaryOperator,
  unaryOperators,
} from './ast.ts';
import { functionSignatures, isLibraryFunction } from './functions.ts';
import { reservedWords, unsupportedSyntaxAt } from './unsupported-syntax.ts';

/** Deeper trees are rejected so that compiling and evaluating never exhaust the call stack. */
export const maxExpressionDepth = 100;

const cacheLimit = 2000;
const cache = new Map<string, ParseResult>();

class Rejection extends Error {
  constructor(readonly failure: ParseFailure) {
    super(failure.message);
  }
}

function reject(code: ParseFailure['code'], message: string): never {
  throw new Rejection({ ok: false, code, message });
}

/** Parses an expression of the supported subset. Results are cached by source text. */
export function parseExpression(source: string): ParseResult {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const result = parseUncached(source);
  // Bounded: drop the oldest entry (Map keeps insertion order).
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  cache.set(source, result);
  return result;
}

function parseUncached(source: string): ParseResult {
  if (source.trim() === '')
    return { ok: false, code: 'EXPRESSION_SYNTAX', message: 'the expression is empty' };
  let tree: jsep.Expression;
  try {
    tree = jsep(source);
  } catch (error) {
    return syntaxFailure(source, error);
  }
  const variables = new Set<string>();
  const functions = new Set<string>();
  try {
    const ast = convert(tree, 0, { variables, functions });
    return { ok: true, ast, variables: [...variables], functions: [...functions] };
  } catch (error) {
    if (error instanceof Rejection) return error.failure;
    throw error;
  }
}

function syntaxFailure(source: string, error: unknown): ParseFailure {
  if (error instanceof RangeError) {
    return { ok: false, code: 'EXPRESSION_UNSUPPORTED', message: 'the expression is nested too deeply' };
  }
  const { index, description } = error as { index?: number; description?: string };
  if (typeof index === 'number') {
    const unsupported = unsupportedSyntaxAt(source, index);
    if (unsupported !== undefined)
      return { ok: false, code: 'EXPRESSION_UNSUPPORTED', message: unsupported, index };
  }
  const message = description ?? (error instanceof Error ? error.message : String(error));
  return typeof index === 'number'
    ? { ok: false, code: 'EXPRESSION_SYNTAX', message: `${message} at character ${index}`, index }
    : { ok: false, code: 'EXPRESSION_SYNTAX', message };
}

interface Reads {
  variables: Set<string>;
  functions: Set<string>;
}

function convert(node: jsep.Expression, depth: number, reads: Reads): ExpressionNode {
  if (depth > maxExpressionDepth) {
    reject('EXPRESSION_UNSUPPORTED', `the expression is nested more than ${maxExpressionDepth} levels deep`);
  }
  const child = (n: jsep.Expression) => convert(n, depth + 1, reads);
  switch (node.type) {
    case 'Literal': {
      const { value } = node as jsep.Literal;
      if (value instanceof RegExp) reject('EXPRESSION_UNSUPPORTED', 'regular expressions are not supported');
      return { type: 'literal', value: value as string | number | boolean | null };
    }
    case 'Identifier': {
      const { name } = node as jsep.Identifier;
      if (name === 'undefined') return { type: 'literal', value: undefined };
      if (reservedWords.has(name)) reject('EXPRESSION_UNSUPPORTED', `'${name}' is not supported`);
      reads.variables.add(name);
      return { type: 'variable', name };
    }
    case 'MemberExpression':
      return convertMember(node as jsep.MemberExpression, child);
    case 'ArrayExpression': {
      const { elements } = node as jsep.ArrayExpression;
      if (elements.some((e) => e === null)) reject('EXPRESSION_SYNTAX', 'a list may not have empty places');
      return { type: 'array', elements: (elements as jsep.Expression[]).map(child) };
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as jsep.UnaryExpression;
      if (!(unaryOperators as readonly string[]).includes(operator)) {
        reject('EXPRESSION_UNSUPPORTED', `the operator ${operator} is not supported`);
      }
      return { type: 'unary', operator: operator as UnaryOperator, argument: child(argument) };
    }
    case 'BinaryExpression':
      return convertBinary(node as jsep.BinaryExpression, child);
    case 'ConditionalExpression': {
      const { test, consequent, alternate } = node as jsep.ConditionalExpression;
      return {
        type: 'conditional',
        test: child(test),
        consequent: child(consequent),
        alternate: child(alternate),
      };
    }
    case 'CallExpression':
      return convertCall(node as jsep.CallExpression, child, reads);
    case 'ThisExpression':
      return reject('EXPRESSION_UNSUPPORTED', "'this' is not supported");
    case 'Compound':
      return convertCompound(node as jsep.Compound);
    case 'SequenceExpression':
      return reject('EXPRESSION_UNSUPPORTED', 'the comma operator is not supported');
    default:
      return reject('EXPRESSION_UNSUPPORTED', `${node.type} is not supported`);
  }
}

type Child = (node: jsep.Expression) => ExpressionNode;

function convertMember(node: jsep.MemberExpression, child: Child): ExpressionNode {
  const object = child(node.object);
  let property: ExpressionNode;
  if (node.computed) {
    property = child(node.property);
  } else {
    property = { type: 'literal', value: (node.property as jsep.Identifier).name };
  }
  if (
    property.type === 'literal' &&
    typeof property.value === 'string' &&
    forbiddenProperties.has(property.value)
  ) {
    reject('EXPRESSION_UNSUPPORTED', `the property ${property.value} may not be read`);
  }
  return { type: 'member', object, property, optional: node.optional === true };
}

function convertBinary(node: jsep.BinaryExpression, child: Child): ExpressionNode {
  const { operator } = node;
  if ((logicalOperators as readonly string[]).includes(operator)) {
    return {
      type: 'logical',
      operator: operator as LogicalOperator,
      left: child(node.left),
      right: child(node.right),
    };
  }
  if (!(binaryOperators as readonly string[]).includes(operator)) {
    reject('EXPRESSION_UNSUPPORTED', `the operator ${operator} is not supported`);
  }
  return {
    type: 'binary',
    operator: operator as BinaryOperator,
    left: child(node.left),
    right: child(node.right),
  };
}

function convertCall(node: jsep.CallExpression, child: Child, reads: Reads): ExpressionNode {
  if (node.callee.type !== 'Identifier') {
    reject('EXPRESSION_UNSUPPORTED', 'only library functions can be called (no methods on values)');
  }
  if (node.optional === true) reject('EXPRESSION_UNSUPPORTED', 'optional calls (?.()) are not supported');
  const { name } = node.callee as jsep.Identifier;
  if (!isLibraryFunction(name)) reject('UNKNOWN_FUNCTION', `unknown function ${name}()`);
  const signature = functionSignatures[name]!;
  const count = node.arguments.length;
  if (count < signature.minArgs || (signature.maxArgs !== null && count > signature.maxArgs)) {
    reject(
      'EXPRESSION_UNSUPPORTED',
      `${signature.signature} cannot take ${count} argument${count === 1 ? '' : 's'}`,
    );
  }
  reads.functions.add(name);
  return { type: 'call', name, arguments: node.arguments.map(child) };
}

/** jsep reads `new Foo()`, `typeof a` or `a; b` as several expressions side by side. */
function convertCompound(node: jsep.Compound): never {
  const keyword = node.body.find(
    (n) => n.type === 'Identifier' && reservedWords.has((n as jsep.Identifier).name),
  );
  if (keyword) reject('EXPRESSION_UNSUPPORTED', `'${(keyword as jsep.Identifier).name}' is not supported`);
  return reject('EXPRESSION_SYNTAX', 'expected one expression, found several (a missing operator?)');
}
