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

/** Compiled patterns by source: rules are read afresh per request, and compiling takes ms. */
const compiled = new Map<string, CompiledPattern>();
const cacheLimit = 1000;

export function compileLinear(pattern: string): CompiledPattern {
  const known = compiled.get(pattern);
  if (known) return known;
  if (compiled.size >= cacheLimit) compiled.delete(compiled.keys().next().value as string);
  const result = compile(pattern);
  compiled.set(pattern, result);
  return result;
}

function compile(pattern: string): CompiledPattern {
  if (/\(\?<?[=!]/.test(pattern))
    return { ok: false, message: 'Lookahead and lookbehind are not supported in blocked-number patterns' };
  if (/\\([1-9]|k<)/.test(pattern))
    return { ok: false, message: 'Backreferences are not supported in blocked-number patterns' };
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { ok: true, matches: (subject) => re.matcher(subject).find() };
  } catch (error) {
    return { ok: false, message: `Not a valid regular expression: ${(error as Error).message}` };
  }
}
