/** A failure while evaluating an expression; codes are from schemas/error-catalogue.json. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  constructor(
    readonly code: 'EXPRESSION_ERROR' | 'STEP_LIMIT' | 'EXPRESSION_LIMIT',
    message: string,
  ) {
    super(message);
  }
}

export function expressionError(message: string): never {
  throw new ExpressionError('EXPRESSION_ERROR', message);
}
