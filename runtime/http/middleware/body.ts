import type { Context } from 'hono';
import { schemaValidator } from '../../../schemas/validation/index.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';

/**
 * Reads and validates a JSON body against its schema. Every failing field is reported at once.
 * (The size limit is enforced before this by the body-limit middleware.)
 */
export async function readJsonBody(
  c: Context<AppEnv>,
  schemaId: string,
  optional: boolean,
): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (optional) return undefined;
    throw new ApiError('VALIDATION_FAILED', 'A JSON body is required', {
      errors: [{ pointer: '', message: 'a JSON body is required' }],
    });
  }
  const type = c.req.header('content-type') ?? '';
  if (type && !/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Send application/json, not ${type}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError('MALFORMED_JSON', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const errors = schemaValidator().validate(schemaId, value);
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `${errors.length} field(s) failed validation`, { errors });
  }
  return value;
}
