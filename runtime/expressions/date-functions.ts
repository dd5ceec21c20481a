/** The library's date and time helpers, in the call's time zone (the Timezone variable). */
import { DateTime } from 'luxon';
import { expressionError } from './expression-error.ts';
import type { LibraryFunction } from './library.ts';
import type { ExpressionScope } from './scope.ts';
import { describe, toNumber } from './values.ts';

function zone(scope: ExpressionScope): string {
  return scope.timeZone();
}

function nowIn(scope: ExpressionScope): DateTime {
  const now = DateTime.fromMillis(scope.nowMs(), { zone: zone(scope) });
  if (!now.isValid) return expressionError(`the time zone ${zone(scope)} is not valid`);
  return now;
}

/** An ISO text without an offset is read as wall-clock time in the call's zone. */
function instant(value: unknown, name: string, scope: ExpressionScope): DateTime {
  const parsed = typeof value === 'string' ? DateTime.fromISO(value, { zone: zone(scope) }) : undefined;
  if (parsed === undefined || !parsed.isValid) {
    return expressionError(`${name}() needs an ISO 8601 date-time, got ${describe(value)}`);
  }
  return parsed;
}

/** Only an omitted argument means now: an unset variable passed in is an error, not now. */
function instantOrNow(args: unknown[], name: string, scope: ExpressionScope): DateTime {
  return args.length === 0 ? nowIn(scope) : instant(args[0], name, scope);
}

function iso(dateTime: DateTime): string {
  return dateTime.toISO({ suppressMilliseconds: true }) ?? expressionError('the date is out of range');
}

export const dateFunctions: Record<string, LibraryFunction> = {
  now: (_args, scope) => iso(nowIn(scope)),
  today: (_args, scope) => nowIn(scope).toISODate(),
  hour: (args, scope) => instantOrNow(args, 'hour', scope).hour,
  minute: (args, scope) => instantOrNow(args, 'minute', scope).minute,
  weekday: (args, scope) => instantOrNow(args, 'weekday', scope).weekday,
  formatDate: ([value, format], scope) => {
    if (typeof format !== 'string') return expressionError('formatDate() needs a format text');
    return instant(value, 'formatDate', scope).toFormat(format);
  },
  addMinutes: ([value, minutes], scope) => {
    const n = toNumber(minutes);
    if (!Number.isFinite(n))
      return expressionError(`addMinutes() needs a number of minutes, got ${describe(minutes)}`);
    return iso(instant(value, 'addMinutes', scope).plus({ minutes: n }));
  },
  diffMinutes: ([a, b], scope) => {
    const diff = instant(a, 'diffMinutes', scope).toMillis() - instant(b, 'diffMinutes', scope).toMillis();
    return Math.trunc(diff / 60_000);
  },
};
