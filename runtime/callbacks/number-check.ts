/**
 * The number check of a booking and of each dial: the queue's number-validation rule when it has
 * one (a country failure is reported without checking the patterns), else only that the number
 * is a valid phone number. Returns the E.164 form.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ApiError } from '../http/problem.ts';
import { testNumber } from '../rules/number-validation/index.ts';
import type { QueueConfig } from './queue-config.ts';

export type NumberCheck =
  | { ok: true; e164: string }
  | {
      ok: false;
      code: 'INVALID_PHONE_NUMBER' | 'COUNTRY_NOT_PERMITTED' | 'NUMBER_BLOCKED';
      message: string;
      /** For a designer (the test-call trace): the rule and the part of it that refused. */
      explanation: string;
    };

export function checkNumber(config: Pick<QueueConfig, 'numberRule'>, number: string): NumberCheck {
  if (!config.numberRule) {
    const parsed = parsePhoneNumberFromString(number.trim());
    if (!parsed?.isValid())
      return {
        ok: false,
        code: 'INVALID_PHONE_NUMBER',
        message: `${number} is not a valid phone number in international form`,
        explanation: `${number} is not a valid phone number (the queue has no number-validation rule; only validity is checked)`,
      };
    return { ok: true, e164: parsed.number };
  }
  const result = testNumber(config.numberRule, number);
  if (result.ok) return { ok: true, e164: result.e164 };
  switch (result.reason) {
    case 'INVALID_NUMBER':
      return {
        ok: false,
        code: 'INVALID_PHONE_NUMBER',
        message: `${number} is not a valid phone number in international form`,
        explanation: `Rule ${config.numberRule.name} refused ${number}: it is not a valid phone number`,
      };
    case 'COUNTRY_NOT_PERMITTED':
      return {
        ok: false,
        code: 'COUNTRY_NOT_PERMITTED',
        message: `Callbacks to ${result.country ?? 'this country'} are not permitted by rule ${config.numberRule.name}`,
        explanation: `Rule ${config.numberRule.name} refused ${number}: callbacks to ${result.country ?? 'its country'} are not permitted`,
      };
    case 'NUMBER_BLOCKED':
      return {
        ok: false,
        code: 'NUMBER_BLOCKED',
        message: `${result.e164} is blocked by rule ${config.numberRule.name}`,
        explanation: `Rule ${config.numberRule.name} refused ${result.e164}: it matches the blocked pattern ${result.pattern}`,
      };
  }
}

/** The 4xx a failed check answers, naming the field. */
export function numberRefusal(check: Extract<NumberCheck, { ok: false }>): ApiError {
  return new ApiError(check.code, check.message, {
    errors: [{ pointer: '/phoneNumber', message: check.message }],
  });
}

export function requireNumber(config: Pick<QueueConfig, 'numberRule'>, number: string): string {
  const check = checkNumber(config, number);
  if (!check.ok) throw numberRefusal(check);
  return check.e164;
}
