/**
 * Errors as RFC 9457 problem details, with a stable `code` from the shared catalogue and the
 * request's `corrId`. Handlers throw ApiError; the app's error handler writes the response.
 */
import catalogue from '../../schemas/error-catalogue.json' with { type: 'json' };
import type { ErrorCode } from '../../schemas/error-codes.generated.ts';

export interface FieldError {
  pointer: string;
  message: string;
}

const entries = new Map(catalogue.errors.map((e) => [e.code, e]));

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: { errors?: FieldError[] } & Record<string, unknown> = {},
  ) {
    const entry = entries.get(code);
    super(detail ?? entry?.title ?? code);
    this.status = entry?.status ?? 500;
  }
}

export function problemBody(error: ApiError, corrId: string, instance: string): Record<string, unknown> {
  const entry = entries.get(error.code);
  return {
    type: `https://ringback.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: entry?.title ?? error.code,
    status: error.status,
    detail: error.message,
    instance,
    code: error.code,
    corrId,
    ...error.extra,
  };
}
