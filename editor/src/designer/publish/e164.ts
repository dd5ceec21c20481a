/**
 * The same E.164 check as the runtime (libphonenumber), run as the user types, so `12345` is
 * refused beside the field before any request.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type E164Problem = 'missingPlus' | 'notANumber' | 'notE164';

export function e164Problem(value: string): E164Problem | null {
  if (!value.startsWith('+')) return 'missingPlus';
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed?.isValid()) return 'notANumber';
  return parsed.number === value ? null : 'notE164';
}
