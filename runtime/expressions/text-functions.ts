/** The library's text, number and value helpers (signatures: schemas/expressions/functions.ts). */
import { fits } from './budget.ts';
import { expressionError } from './expression-error.ts';
import type { LibraryFunction } from './library.ts';
import { describe, toNumber, toText } from './values.ts';

const maxPadLength = 10_000;

function number(value: unknown, name: string): number {
  const n = toNumber(value);
  if (Number.isNaN(n)) return expressionError(`${name}() needs a number, got ${describe(value)}`);
  return n;
}

function searchable(value: unknown): string | unknown[] {
  return Array.isArray(value) ? value : toText(value);
}

export const textFunctions: Record<string, LibraryFunction> = {
  len: ([value]) => (value === undefined || value === null ? 0 : searchable(value).length),
  upper: ([text]) => toText(text).toUpperCase(),
  lower: ([text]) => toText(text).toLowerCase(),
  trim: ([text]) => toText(text).trim(),
  substr: ([text, start, length]) => {
    const s = toText(text);
    const from = Math.trunc(number(start, 'substr'));
    const begin = from < 0 ? Math.max(0, s.length + from) : from;
    const end = length === undefined ? s.length : begin + Math.max(0, Math.trunc(number(length, 'substr')));
    return s.slice(begin, end);
  },
  indexOf: ([haystack, search]) => {
    const h = searchable(haystack);
    return Array.isArray(h) ? h.indexOf(search) : h.indexOf(toText(search));
  },
  startsWith: ([text, prefix]) => toText(text).startsWith(toText(prefix)),
  endsWith: ([text, suffix]) => toText(text).endsWith(toText(suffix)),
  contains: ([haystack, search]) => {
    const h = searchable(haystack);
    return Array.isArray(h) ? h.includes(search) : h.includes(toText(search));
  },
  // split/join rather than String.replace: no regular expressions, no `$&` patterns.
  replace: ([text, search, replacement]) => {
    const s = toText(search);
    const t = toText(text);
    if (s === '') return t;
    const pieces = t.split(s);
    const r = toText(replacement);
    // Sized before it is built: a short text and a long replacement multiply. (The call charges
    // every result to the evaluation's budget; these checks only stop an oversized allocation.)
    fits(t.length + (pieces.length - 1) * (r.length - s.length), 'the result of replace()');
    return pieces.join(r);
  },
  padStart: ([text, length, fill]) => {
    const target = number(length, 'padStart');
    if (target > maxPadLength) return expressionError(`padStart() length may not exceed ${maxPadLength}`);
    fits(Math.max(0, target), 'the result of padStart()');
    return toText(text).padStart(target, fill === undefined ? ' ' : toText(fill));
  },
  toString: (args: unknown[]) => toText(args[0]),
  toNumber: ([value]) => toNumber(value),
  isNumber: ([value]) =>
    (typeof value === 'number' || typeof value === 'string') && Number.isFinite(toNumber(value)),
  isEmpty: ([value]) => {
    if (value === undefined || value === null || value === '') return true;
    if (Array.isArray(value)) return value.length === 0;
    return typeof value === 'object' && Object.keys(value).length === 0;
  },
  concat: (values) => {
    const texts = values.map(toText);
    fits(
      texts.reduce((sum, t) => sum + t.length, 0),
      'the result of concat()',
    );
    return texts.join('');
  },
  abs: ([n]) => Math.abs(number(n, 'abs')),
  round: ([n, decimals]) => {
    const value = number(n, 'round');
    const factor = 10 ** (decimals === undefined ? 0 : Math.trunc(number(decimals, 'round')));
    // Halves away from zero; Number.EPSILON keeps 1.005 from rounding down through binary error.
    return (Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + Number.EPSILON))) / factor;
  },
  floor: ([n]) => Math.floor(number(n, 'floor')),
  ceil: ([n]) => Math.ceil(number(n, 'ceil')),
  min: (values) => Math.min(...values.map((v) => number(v, 'min'))),
  max: (values) => Math.max(...values.map((v) => number(v, 'max'))),
  isDefined: ([value]) => value !== undefined,
};
