/**
 * Ajv's errors turned into issues a designer can read: one pointer per field, the missing or
 * extra property named in the pointer, and anyOf noise reduced to the branch that mattered.
 */
import type { ErrorObject } from 'ajv';

export interface SchemaIssue {
  /** JSON pointer of the offending value ('' for the whole value). */
  pointer: string;
  message: string;
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toSchemaIssues(errors: readonly ErrorObject[] | null | undefined): SchemaIssue[] {
  if (!errors || errors.length === 0) return [];
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of withoutAlternativeNoise(errors)) {
    const issue = toIssue(error);
    if (issue === undefined) continue;
    const key = `${issue.pointer}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toIssue(error: ErrorObject): SchemaIssue | undefined {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  // A propertyNames failure is reported on the name itself; Ajv's summary error adds nothing.
  if (error.keyword === 'propertyNames') return undefined;
  // An if/then/else failure is reported by the branch's own errors ("routingPoint is required");
  // Ajv's summary ('must match "else" schema') names no field and tells a reader nothing more.
  if (error.keyword === 'if') return undefined;
  if (typeof error.propertyName === 'string') {
    return {
      pointer: `${pointer}/${escapePointerSegment(error.propertyName)}`,
      message: `name ${readable(error, params)}`,
    };
  }
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    pointer += `/${escapePointerSegment(params.missingProperty)}`;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    pointer += `/${escapePointerSegment(params.additionalProperty)}`;
  }
  return { pointer, message: readable(error, params) };
}

function readable(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed here';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `must be ${show(params.allowedValue)}`;
    case 'type':
      return `must be ${String(params.type).split(',').join(' or ')}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : (error.message ?? 'is invalid');
    case 'minItems':
      return params.limit === 1 ? 'must have at least one item' : (error.message ?? 'is invalid');
    default:
      return error.message ?? 'is invalid';
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/**
 * With allErrors, a failed anyOf/oneOf reports every branch. When one branch has the right
 * type and failed on something else (a pattern, say), that branch's errors are the useful
 * ones; when every branch failed on its type, one merged "must be string or null" says it all.
 * Ajv lists a branch's errors just before the anyOf error, at its instance path or below
 * (schemaPath cannot tell: it restarts inside each $ref).
 */
function withoutAlternativeNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const result: (ErrorObject | undefined)[] = [...errors];
  errors.forEach((alternative, index) => {
    if (alternative.keyword !== 'anyOf' && alternative.keyword !== 'oneOf') return;
    const path = alternative.instancePath;
    let first = index;
    while (first > 0 && isAtOrBelow(errors[first - 1]!.instancePath, path)) first -= 1;
    const branch = range(first, index).filter((i) => result[i] !== undefined);
    if (branch.length === 0) return;
    const typeErrors = branch.filter(
      (i) => result[i]!.keyword === 'type' && result[i]!.instancePath === path,
    );
    const types = typeErrors.map((i) => String((result[i]!.params as { type: unknown }).type));
    for (const i of typeErrors) result[i] = undefined;
    result[index] =
      typeErrors.length < branch.length
        ? undefined
        : { ...alternative, keyword: 'type', params: { type: types.join(',') } };
  });
  return result.filter((e): e is ErrorObject => e !== undefined);
}

function isAtOrBelow(instancePath: string, path: string): boolean {
  return instancePath === path || instancePath.startsWith(`${path}/`);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
