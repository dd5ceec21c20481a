export { type CompiledExpression, compile } from './compile.ts';
export {
  compileExpression,
  defaultMaxSteps,
  type EvaluateOptions,
  evaluate,
  renderTemplate,
} from './evaluate.ts';
export { ExpressionError } from './expression-error.ts';
export { library } from './library.ts';
export { type MapScopeOptions, mapScope } from './map-scope.ts';
export type { ExpressionScope } from './scope.ts';
export { toText } from './values.ts';
