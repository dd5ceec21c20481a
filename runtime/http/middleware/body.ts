import type { Context } from 'hono';
import { schemaValidator } from '../../../schemas/validation/index.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';
import { bodyIssues } from './hostile-input.ts';

/**
 * Reads a JSON body: undefined when there is none; refused when it is not JSON, is sent as
 * another media type, or holds text the database cannot store or nesting too deep (every such
 * field named). The size limit is enforced before this by the body-limit middleware.
 */
export async function readJsonValue(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const type = c.req.header('content-type') ?? '';
  if (type && !/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError('MALFORMED_JSON', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const errors = bodyIssues(value);
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `${errors.length} field(s) failed validation`, { errors });
  }
  return value;
}

/** Reads a JSON body and validates it against its schema; every failing field is reported at once. */
export async function readJsonBody(
  c: Context<AppEnv>,
  schemaId: string,
  optional: boolean,
): Promise<unknown> {
  const value = await readJsonValue(c);
  if (value === undefined) {
    if (optional) return undefined;
    throw new ApiError('VALIDATION_FAILED', 'A JSON body is required', {
      errors: [{ pointer: '', message: 'a JSON body is required' }],
    });
  }
  const errors = schemaValidator().validate(schemaId, value);
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `${errors.length} field(s) failed validation`, { errors });
  }
  return value;
}
