/**
 * A DNIS is an E.164 number that libphonenumber knows as valid: `12345` or `+1555000` would be
 * accepted by a digit pattern and then never ring, so the check uses the numbering plans.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ApiError } from '../http/problem.ts';

/** The number in E.164 form, or null when `raw` is not exactly a valid E.164 number. */
export function e164(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw);
  if (!parsed?.isValid()) return null;
  // E.164 only: "+1 800 555 0100" parses too, but the stored key must be one spelling.
  return parsed.number === raw ? parsed.number : null;
}

/** Hono has decoded the path parameter once already; a second decode would misread a `%`. */
export function dnisParam(dnis: string): string {
  const number = e164(dnis);
  if (!number) {
    throw new ApiError('VALIDATION_FAILED', `${dnis} is not a valid phone number in E.164 form`, {
      errors: [{ pointer: '/path/dnis', message: 'must be a valid number in E.164 form, e.g. +18005550100' }],
    });
  }
  return number;
}
