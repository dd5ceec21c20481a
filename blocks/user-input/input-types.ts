/**
 * What each input type accepts and stores. Callers can only press 0-9, * and #, so dates,
 * times, decimals and international prefixes are keyed in digit conventions (see definition).
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { DateTime } from 'luxon';

export type InputType = 'digits' | 'number' | 'boolean' | 'date' | 'time' | 'phone' | 'currency';

/** Fixed lengths; other types use the block's minDigits/maxDigits. */
export const fixedLength: Partial<Record<InputType, number>> = { boolean: 1, date: 8, time: 4 };

export type Parsed = { ok: true; value: string | number | boolean } | { ok: false };

const invalid: Parsed = { ok: false };

export function parseInput(inputType: InputType, digits: string, defaultCountry: string): Parsed {
  switch (inputType) {
    case 'digits':
      return /^[0-9*#]+$/.test(digits) ? { ok: true, value: digits } : invalid;
    case 'number':
      return /^[0-9]+$/.test(digits) ? { ok: true, value: Number(digits) } : invalid;
    case 'boolean':
      return digits === '1'
        ? { ok: true, value: true }
        : digits === '2'
          ? { ok: true, value: false }
          : invalid;
    case 'date': {
      const date = /^[0-9]{8}$/.test(digits) ? DateTime.fromFormat(digits, 'yyyyMMdd') : undefined;
      return date?.isValid ? { ok: true, value: date.toISODate()! } : invalid;
    }
    case 'time': {
      const match = /^([01][0-9]|2[0-3])([0-5][0-9])$/.exec(digits);
      return match ? { ok: true, value: `${match[1]}:${match[2]}` } : invalid;
    }
    case 'phone':
      return parsePhone(digits, defaultCountry);
    case 'currency':
      return /^[0-9]+(\*[0-9]{1,2})?$/.test(digits)
        ? { ok: true, value: Number(digits.replace('*', '.')) }
        : invalid;
  }
}

function parsePhone(digits: string, defaultCountry: string): Parsed {
  if (!/^[0-9*]+$/.test(digits)) return invalid;
  // A leading * or 00 stands for the + a keypad cannot type.
  const text = digits.startsWith('*')
    ? `+${digits.slice(1)}`
    : digits.startsWith('00')
      ? `+${digits.slice(2)}`
      : digits;
  if (text.includes('*')) return invalid;
  const phone = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  return phone?.isValid() ? { ok: true, value: phone.number } : invalid;
}
