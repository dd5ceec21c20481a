/**
 * Blocked-number patterns run on RE2 (re2js, a pure-JS port of Go's regexp): matching takes time
 * linear in the number's length whatever the pattern, so no accepted pattern can stall a booking
 * or a dial. The syntax is the JavaScript regular-expression syntax the rule editor documents
 * (`^\+1234[0-9]+`, `\d{3}`, classes, groups, named groups, `\uXXXX`), translated by re2js; the
 * constructs RE2 cannot run in linear time — backreferences and lookaround — are refused when the
 * rule is saved.
 */
import { RE2JS } from 're2js';

export type CompiledPattern =
  | { ok: true; matches: (subject: string) => boolean }
  | { ok: false; message: string };

export function compileLinear(pattern: string): CompiledPattern {
  if (/\(\?<?[=!]/.test(pattern))
    return { ok: false, message: 'Lookahead and lookbehind are not supported in blocked-number patterns' };
  if (/\\([1-9]|k<)/.test(pattern))
    return { ok: false, message: 'Backreferences are not supported in blocked-number patterns' };
  try {
    const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { ok: true, matches: (subject) => compiled.matcher(subject).find() };
  } catch (error) {
    return { ok: false, message: `Not a valid regular expression: ${(error as Error).message}` };
  }
}
