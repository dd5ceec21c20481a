/**
 * The function library's signatures: the parser checks names and argument counts against this
 * list, the editor shows it as help. runtime/expressions implements each entry; a test there
 * keeps the two lists equal.
 */
export interface FunctionSignature {
  minArgs: number;
  /** null: any number of arguments from minArgs on. */
  maxArgs: number | null;
  /** Call shape shown to designers, e.g. `substr(text, start, length?)`. */
  signature: string;
  description: string;
  example: string;
}

function fn(
  signature: string,
  minArgs: number,
  maxArgs: number | null,
  description: string,
  example: string,
): FunctionSignature {
  return { signature, minArgs, maxArgs, description, example };
}

export const functionSignatures: Readonly<Record<string, FunctionSignature>> = {
  len: fn('len(value)', 1, 1, 'Length of a text or list; 0 for undefined or null.', "len('12345') == 5"),
  upper: fn('upper(text)', 1, 1, 'Text in upper case.', "upper('abc') == 'ABC'"),
  lower: fn('lower(text)', 1, 1, 'Text in lower case.', "lower('ABC') == 'abc'"),
  trim: fn('trim(text)', 1, 1, 'Text without leading and trailing white space.', "trim(' a ') == 'a'"),
  substr: fn(
    'substr(text, start, length?)',
    2,
    3,
    'Part of a text from start (0-based; negative counts from the end), at most length characters.',
    "substr('0612345678', 0, 2) == '06'",
  ),
  indexOf: fn(
    'indexOf(textOrList, search)',
    2,
    2,
    'Position of search in a text or list, or -1.',
    "indexOf('abc', 'c') == 2",
  ),
  startsWith: fn(
    'startsWith(text, prefix)',
    2,
    2,
    'Whether text starts with prefix.',
    "startsWith(ANI, '+33')",
  ),
  endsWith: fn('endsWith(text, suffix)', 2, 2, 'Whether text ends with suffix.', "endsWith(DNIS, '00')"),
  contains: fn(
    'contains(textOrList, search)',
    2,
    2,
    'Whether a text contains search, or a list contains the value.',
    "contains(['1', '2'], choice)",
  ),
  replace: fn(
    'replace(text, search, replacement)',
    3,
    3,
    'Text with every occurrence of search replaced (literal text, not a regular expression).',
    "replace('a-b-c', '-', '') == 'abc'",
  ),
  padStart: fn(
    'padStart(text, length, fill?)',
    2,
    3,
    'Text padded at the start with fill (default a space) to length (at most 10000).',
    "padStart('7', 3, '0') == '007'",
  ),
  toString: fn(
    'toString(value)',
    1,
    1,
    'Value as text: undefined and null give an empty text, lists and objects JSON.',
    "toString(42) == '42'",
  ),
  toNumber: fn(
    'toNumber(value)',
    1,
    1,
    'Value as a number; NaN when it is not one (check with isNumber).',
    "toNumber('42') == 42",
  ),
  isNumber: fn(
    'isNumber(value)',
    1,
    1,
    'Whether value is a finite number or a text that toNumber turns into one.',
    "isNumber('12') && !isNumber('1a')",
  ),
  isEmpty: fn(
    'isEmpty(value)',
    1,
    1,
    'Whether value is undefined, null, an empty text, an empty list or an empty object.',
    "isEmpty('')",
  ),
  concat: fn(
    'concat(value, ...)',
    1,
    null,
    'All values as text, joined.',
    "concat('a', 1, true) == 'a1true'",
  ),
  abs: fn('abs(number)', 1, 1, 'Absolute value.', 'abs(-3) == 3'),
  round: fn(
    'round(number, decimals?)',
    1,
    2,
    'Number rounded to decimals places (default 0), halves away from zero.',
    'round(2.345, 2) == 2.35',
  ),
  floor: fn('floor(number)', 1, 1, 'Largest integer not above number.', 'floor(2.7) == 2'),
  ceil: fn('ceil(number)', 1, 1, 'Smallest integer not below number.', 'ceil(2.1) == 3'),
  min: fn('min(number, ...)', 1, null, 'Smallest of the numbers.', 'min(3, 1, 2) == 1'),
  max: fn('max(number, ...)', 1, null, 'Largest of the numbers.', 'max(3, 1, 2) == 3'),
  now: fn(
    'now()',
    0,
    0,
    "The current instant as ISO 8601 in the call's time zone (the Timezone variable).",
    "now() == '2025-03-14T09:30:00-07:00'",
  ),
  today: fn('today()', 0, 0, "Today's date in the call's time zone, YYYY-MM-DD.", "today() == '2025-03-14'"),
  hour: fn(
    'hour(iso?)',
    0,
    1,
    "Hour 0-23 of iso (default now) in the call's time zone.",
    'hour() >= 9 && hour() < 17',
  ),
  minute: fn(
    'minute(iso?)',
    0,
    1,
    "Minute 0-59 of iso (default now) in the call's time zone.",
    'minute() < 30',
  ),
  weekday: fn(
    'weekday(iso?)',
    0,
    1,
    "Day of the week of iso (default now) in the call's time zone: 1 Monday to 7 Sunday.",
    'weekday() <= 5',
  ),
  formatDate: fn(
    'formatDate(iso, format)',
    2,
    2,
    "iso in the call's time zone formatted with Luxon tokens (yyyy MM dd HH mm ss EEEE...).",
    "formatDate(now(), 'dd/MM/yyyy')",
  ),
  addMinutes: fn(
    'addMinutes(iso, minutes)',
    2,
    2,
    "iso plus minutes (may be negative), as ISO 8601 in the call's time zone.",
    'addMinutes(now(), 90)',
  ),
  diffMinutes: fn(
    'diffMinutes(isoA, isoB)',
    2,
    2,
    'Whole minutes from isoB to isoA (isoA minus isoB), truncated toward zero.',
    'diffMinutes(CallbackTime, now()) > 15',
  ),
  isDefined: fn(
    'isDefined(value)',
    1,
    1,
    'Whether value is not undefined (a declared variable that was never set is undefined).',
    'isDefined(AccountNumber)',
  ),
};

export function isLibraryFunction(name: string): boolean {
  return Object.hasOwn(functionSignatures, name);
}
