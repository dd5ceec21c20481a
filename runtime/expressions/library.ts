/** The function library by name. Its names and arities are schemas/expressions/functions.ts. */
import { dateFunctions } from './date-functions.ts';
import type { ExpressionScope } from './scope.ts';
import { textFunctions } from './text-functions.ts';

export type LibraryFunction = (args: unknown[], scope: ExpressionScope) => unknown;

export const library: ReadonlyMap<string, LibraryFunction> = new Map(
  Object.entries({ ...textFunctions, ...dateFunctions }),
);
