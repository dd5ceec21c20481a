/**
 * The input boundary's first check, before any schema: text the database cannot store (NUL,
 * lone UTF-16 surrogates), malformed percent-encoding in paths, and values nested deeper than any
 * document of ours. Each is reported as a field error (JSON pointer + message), so the request
 * ends in a 400 naming the field instead of a failed statement (PostgreSQL refuses NUL in text
 * and in jsonb, and `\ud800` in jsonb) or a stack overflow (JSON.stringify recurses).
 */
import { escapePointerSegment } from '../../../schemas/validation/index.ts';
import { ApiError, type FieldError } from '../problem.ts';

/** Deeper than any application document or user data we accept (documents reach about 10). */
export const maxNestingDepth = 32;
/** Longest path or query parameter; ids and names are far shorter. */
export const maxParameterLength = 2048;
/** Enough to name every bad field of a realistic body without echoing a hostile one in full. */
const maxReported = 20;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = new RegExp(`\\u0000|${loneSurrogate.source}`, 'g');

/** Why a text cannot be stored, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (loneSurrogate.test(text)) return 'must be well-formed Unicode (it has a lone surrogate)';
  return undefined;
}

/** A text safe to show and store: NUL and lone surrogates written as \u escapes. */
export function printable(text: string): string {
  return text.replace(unstorable, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Every string value and member name in a parsed JSON body that cannot be stored, and where the
 * nesting goes too deep. Iterative, so a hostile depth cannot overflow the stack here.
 */
export function bodyIssues(body: unknown): FieldError[] {
  const issues: FieldError[] = [];
  const pending: { value: unknown; pointer: string; depth: number }[] = [
    { value: body, pointer: '', depth: 0 },
  ];
  while (pending.length > 0 && issues.length < maxReported) {
    const { value, pointer, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) issues.push({ pointer, message: problem });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxNestingDepth) {
      issues.push({ pointer, message: `must not nest deeper than ${maxNestingDepth} levels` });
      continue;
    }
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, member] of entries) {
      const segment = `${pointer}/${printable(escapePointerSegment(String(key)))}`;
      const nameProblem = typeof key === 'string' ? textProblem(key) : undefined;
      if (nameProblem) issues.push({ pointer: segment, message: `name ${nameProblem}` });
      pending.push({ value: member, pointer: segment, depth: depth + 1 });
    }
  }
  return issues;
}

/**
 * Path parameters, read from the raw URL: Hono keeps a segment whose percent-encoding is broken
 * as it came, so the route would see `%E0%A4%A` or `%` and a second decode would throw.
 * `routePath` is the Hono pattern (`/api/v1/applications/:id`); its `:name` segments line up with
 * the raw path's segments.
 */
export function pathParameterIssues(routePath: string, rawPath: string): FieldError[] {
  const issues: FieldError[] = [];
  const pattern = routePath.split('/');
  const segments = rawPath.split('/');
  pattern.forEach((part, index) => {
    if (!part.startsWith(':')) return;
    const name = part.slice(1).replace(/\{.*\}$/, '');
    const raw = segments[index] ?? '';
    const pointer = `/path/${name}`;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      issues.push({ pointer, message: 'has malformed percent-encoding' });
      return;
    }
    const problem = textProblem(decoded) ?? lengthProblem(decoded);
    if (problem) issues.push({ pointer, message: problem });
  });
  return issues;
}

/** Query parameters, every one sent (declared or not), read from the raw query string. */
export function queryParameterIssues(rawQuery: string): FieldError[] {
  const issues: FieldError[] = [];
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || issues.length >= maxReported) continue;
    const [rawName = '', ...rest] = pair.split('=');
    const rawValue = rest.join('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      issues.push({ pointer: `/query/${printable(rawName)}`, message: 'has malformed percent-encoding' });
      continue;
    }
    const pointer = `/query/${printable(escapePointerSegment(name))}`;
    const problem = textProblem(name) ?? textProblem(value) ?? lengthProblem(value);
    if (problem) issues.push({ pointer, message: problem });
  }
  return issues;
}

function lengthProblem(text: string): string | undefined {
  return text.length > maxParameterLength ? `must be at most ${maxParameterLength} characters` : undefined;
}

/** Refuses a request whose path or query parameters cannot be used, naming each one. */
export function refuseUnusableParameters(url: string, routePath: string): void {
  const { pathname, search } = new URL(url);
  const errors = [...pathParameterIssues(routePath, pathname), ...queryParameterIssues(search.slice(1))];
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `${errors.length} parameter(s) failed validation`, { errors });
  }
}
