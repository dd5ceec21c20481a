export type {
  BinaryOperator,
  ExpressionNode,
  LogicalOperator,
  ParseErrorCode,
  ParseFailure,
  ParseResult,
  ParseSuccess,
  UnaryOperator,
} from './ast.ts';
export { forbiddenProperties } from './ast.ts';
export { type FunctionSignature, functionSignatures, isLibraryFunction } from './functions.ts';
export { maxExpressionDepth, parseExpression } from './parse.ts';
export { findSystemVariable, type SystemVariable, systemVariables } from './system-variables.ts';
export {
  parseTemplate,
  type TemplateExpression,
  type TemplateParseResult,
  type TemplatePart,
} from './template.ts';
