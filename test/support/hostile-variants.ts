/**
 * Hostile requests for every operation of an OpenAPI description: bodies of the schema's shape
 * with one thing broken (a wrong type, a missing or extra member, a hostile string, a boundary
 * or huge number, deep nesting), bodies that are not JSON or not sent as JSON or too large, and
 * hostile path and query parameters. Drawn with fast-check from a seed, so a run is repeatable.
 */
import fc from 'fast-check';
import { arbitraryFor, resolveSchema } from './schema-arbitraries.ts';

export interface HostileRequest {
  /** What was broken, for a failure's message. */
  label: string;
  method: string;
  /** Raw path and query, percent-encoding as sent. */
  url: string;
  contentType?: string;
  body?: string;
  /** The operation's path template (`/api/v1/applications/{id}`). */
  operation: string;
}

export interface Operation {
  method: string;
  path: string;
  pathParameters: string[];
  queryParameters: string[];
  /** `$ref` of the JSON body's schema. */
  bodySchema?: string;
}

export function operationsOf(openApi: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(openApi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pathParameters: (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name),
      queryParameters: (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name),
      ...(op.requestBody ? { bodySchema: op.requestBody.content['application/json'].schema.$ref } : {}),
    })),
  );
}

/** Texts that break naive storage, parsing or display. */
export const hostileTexts: string[] = [
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udc00y',
  '\ud83d',
  'x'.repeat(70_000),
  '\u0001\u0007\u001b[31m\u007f',
  '\u202e\u2066evil',
  "' or 1=1 --",
  '../../../../etc/passwd',
  '%00',
  `\${7*7}{{7*7}}`,
  '',
  ' ',
  '😀'.repeat(500),
];

/** Raw JSON number texts: the edges of PostgreSQL integers and of exact doubles, and beyond. */
export const hostileNumbers: string[] = [
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999999',
  '1e308',
  '-1e308',
  '1e400',
  '-0',
  '0.5',
  '-1',
  '0',
];

/** Raw path segments: NUL, lone surrogates, broken percent-encoding, huge, traversal, numbers. */
export const hostileSegments: string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E0%A4%A',
  '%',
  'x'.repeat(5000),
  '..',
  'a%2Fb',
  '%01%1F',
  '99999999999999999999',
  '%F0%9F%98%80',
  "'%20or%201=1",
];

const wrongTypes: string[] = ['null', 'true', '0', '""', '[]', '{}', '"x"', '[[[]]]'];

function deepText(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(levels)}${']'.repeat(levels)}`
    : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** Paths (member names and indexes) of every value inside a JSON value; [] is the whole value. */
function paths(value: unknown, at: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [at];
  return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
}

const valueAt = (value: unknown, path: string[]): any => path.reduce((o: any, k) => o?.[k], value);
const pointerOf = (path: string[]) => path.map((k) => `/${k.slice(0, 20)}`).join('');
const placeholder = '\u{E000}raw\u{E000}';

/** The body's JSON text with the value at `path` replaced by raw JSON text. */
function replaceAt(value: unknown, path: string[], raw: string): string {
  if (path.length === 0) return raw;
  const copy = structuredClone(value);
  valueAt(copy, path.slice(0, -1))[path.at(-1)!] = placeholder;
  return JSON.stringify(copy).replace(JSON.stringify(placeholder), () => raw);
}

function removeAt(value: unknown, path: string[]): string {
  if (path.length === 0) return '{}';
  const copy = structuredClone(value);
  const parent = valueAt(copy, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
  else delete parent[path.at(-1)!];
  return JSON.stringify(copy);
}

type BodyVariant = { label: string; body: string; contentType?: string };

/** One broken body drawn from the schema's shape. */
function brokenBody(schemaRef: string, maxBodyBytes: number): fc.Arbitrary<BodyVariant> {
  const { schema, document } = resolveSchema(schemaRef);
  const base = arbitraryFor(schema, document);
  const json = (text: string) => JSON.stringify(text);
  const mutated = fc.tuple(base, fc.nat()).chain(([value, index]) => {
    const all = paths(value);
    const path = all[index % all.length]!;
    const pointer = pointerOf(path);
    const objects = all.filter((p) => {
      const v = valueAt(value, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    const objectPath = objects[index % Math.max(objects.length, 1)] ?? [];
    return fc.oneof(
      fc.constant<BodyVariant>({
        label: `shaped body ${json(JSON.stringify(value).slice(0, 80))}`,
        body: JSON.stringify(value),
      }),
      fc
        .constantFrom(...wrongTypes)
        .map((raw) => ({ label: `wrong type at ${pointer}: ${raw}`, body: replaceAt(value, path, raw) })),
      fc.constantFrom(...hostileTexts).map((text) => ({
        label: `hostile string at ${pointer}: ${json(text.slice(0, 20))}`,
        body: replaceAt(value, path, JSON.stringify(text)),
      })),
      fc.constantFrom(...hostileNumbers).map((raw) => ({
        label: `number at ${pointer}: ${raw}`,
        body: replaceAt(value, path, raw),
      })),
      fc
        .constantFrom<[number, 'array' | 'object']>([40, 'object'], [5000, 'array'], [20_000, 'object'])
        .map(([levels, kind]) => ({
          label: `${kind} nested ${levels} deep at ${pointer}`,
          body: replaceAt(value, path, deepText(levels, kind)),
        })),
      fc.constant({ label: `missing ${pointer}`, body: removeAt(value, path) }),
      fc.constantFrom(...hostileTexts.slice(0, 5), 'extra').map((name) => ({
        label: `extra member ${json(name.slice(0, 10))} at ${pointerOf(objectPath)}`,
        body: replaceAt(value, objectPath, JSON.stringify({ ...valueAt(value, objectPath), [name]: 1 })),
      })),
    );
  });
  const whole = fc.tuple(base).chain(([value]) =>
    fc.constantFrom<BodyVariant>(
      { label: 'text/plain body', body: JSON.stringify(value), contentType: 'text/plain' },
      { label: 'form body', body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
      {
        label: 'multipart body',
        body: '--x\r\n\r\n1\r\n--x--',
        contentType: 'multipart/form-data; boundary=x',
      },
      { label: 'malformed JSON', body: JSON.stringify(value).slice(0, -1) || '{' },
      { label: 'JSON with trailing garbage', body: `${JSON.stringify(value)} garbage` },
      { label: 'empty body', body: '' },
      { label: 'body over the size limit', body: JSON.stringify({ a: 'x'.repeat(maxBodyBytes + 10) }) },
      { label: 'top-level array', body: JSON.stringify([value]) },
      { label: 'top-level string', body: '"\\u0000"' },
    ),
  );
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: whole });
}

export interface VariantOptions {
  seed: number;
  /** Broken bodies per operation with a body. */
  bodies: number;
  /** A realistic value per path parameter name, so broken bodies reach the route's own checks. */
  realistic(operation: Operation, parameter: string): string;
  maxBodyBytes: number;
}

/** Every hostile request for one operation, drawn deterministically from the seed. */
export function hostileRequests(operation: Operation, options: VariantOptions): HostileRequest[] {
  const path = (values: Record<string, string>) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  const realistic = Object.fromEntries(
    operation.pathParameters.map((p) => [p, encodeURIComponent(options.realistic(operation, p))]),
  );
  const base = { method: operation.method, operation: operation.path };
  const requests: HostileRequest[] = [];
  const plainBody = operation.bodySchema ? { contentType: 'application/json', body: '{}' } : {};
  for (const parameter of operation.pathParameters) {
    for (const segment of hostileSegments) {
      requests.push({
        ...base,
        ...plainBody,
        label: `path ${parameter}=${segment.slice(0, 20)}`,
        url: path({ ...realistic, [parameter]: segment }),
      });
    }
  }
  const queryValues = ['%00', '%ED%A0%80', '%E0%A4%A', 'x'.repeat(5000), '99999999999999999999', '1e400'];
  for (const parameter of [...operation.queryParameters, 'unexpected%00name']) {
    for (const value of queryValues) {
      requests.push({
        ...base,
        ...plainBody,
        label: `query ${parameter}=${value.slice(0, 20)}`,
        url: `${path(realistic)}?${parameter}=${value}`,
      });
    }
  }
  requests.push({ ...base, label: 'repeated query', url: `${path(realistic)}?a=1&a=%00&a=%ED%A0%80` });
  requests.push({ ...base, method: 'PATCH', label: 'unknown method', url: path(realistic) });
  if (operation.bodySchema) {
    const bodies = fc.sample(brokenBody(operation.bodySchema, options.maxBodyBytes), {
      seed: options.seed,
      numRuns: options.bodies,
    });
    for (const body of bodies) {
      requests.push({
        ...base,
        label: body.label,
        url: path(realistic),
        body: body.body,
        contentType: body.contentType ?? 'application/json',
      });
    }
  } else {
    requests.push({
      ...base,
      label: 'unexpected body',
      url: path(realistic),
      contentType: 'application/json',
      body: '{"a":"\\u0000"}',
    });
  }
  return requests;
}
