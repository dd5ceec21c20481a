/**
 * The expression AST: jsep's tree after checking it against the supported subset, reduced to
 * the node kinds the subset has. Plain JSON, so the editor can keep it and the runtime can
 * compile it.
 */
export type ExpressionNode =
  | { type: 'literal'; value: string | number | boolean | null | undefined }
  | { type: 'variable'; name: string }
  | { type: 'member'; object: ExpressionNode; property: ExpressionNode; optional: boolean }
  | { type: 'array'; elements: ExpressionNode[] }
  | { type: 'unary'; operator: UnaryOperator; argument: ExpressionNode }
  | { type: 'binary'; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode }
  | { type: 'logical'; operator: LogicalOperator; left: ExpressionNode; right: ExpressionNode }
  | { type: 'conditional'; test: ExpressionNode; consequent: ExpressionNode; alternate: ExpressionNode }
  | { type: 'call'; name: string; arguments: ExpressionNode[] };

export const unaryOperators = ['-', '+', '!'] as const;
export type UnaryOperator = (typeof unaryOperators)[number];

export const binaryOperators = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '==',
  '!=',
  '===',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
] as const;
export type BinaryOperator = (typeof binaryOperators)[number];

export const logicalOperators = ['&&', '||', '??'] as const;
export type LogicalOperator = (typeof logicalOperators)[number];

/** Property names that lead to prototypes or constructors; never readable. */
export const forbiddenProperties: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type ParseErrorCode = 'EXPRESSION_SYNTAX' | 'EXPRESSION_UNSUPPORTED' | 'UNKNOWN_FUNCTION';

export interface ParseSuccess {
  ok: true;
  ast: ExpressionNode;
  /** Top-level identifiers the expression reads, deduplicated, in order of appearance. */
  variables: string[];
  /** Library functions the expression calls, deduplicated, in order of appearance. */
  functions: string[];
}

export interface ParseFailure {
  ok: false;
  code: ParseErrorCode;
  message: string;
  /** Character offset in the source where the problem was found, when known. */
  index?: number;
}

export type ParseResult = ParseSuccess | ParseFailure;
