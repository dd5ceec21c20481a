/**
 * fast-check arbitraries built from our JSON Schemas: values shaped like a request body (the
 * members, types, patterns and bounds the schema names), the raw material that hostile variants
 * are then made from. Covers the keywords schemas/ uses; anything else yields a plain value.
 */
import fc from 'fast-check';
import { bundledSchemas } from '../../schemas/validation/index.ts';

type Schema = Record<string, any>;

const documents = new Map(bundledSchemas.map((s) => [s.$id, s as Schema]));

/** The schema a `$ref` or a route's body reference (`…schema.json#/$defs/x`) names. */
export function resolveSchema(reference: string, base?: Schema): { schema: Schema; document: Schema } {
  const [url = '', fragment = ''] = reference.split('#');
  const document = url ? documents.get(url) : base;
  if (!document) throw new Error(`unknown schema ${reference}`);
  let schema: any = document;
  for (const part of fragment.split('/').filter(Boolean))
    schema = schema[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (!schema) throw new Error(`unknown fragment ${reference}`);
  return { schema, document };
}

const formats: Record<string, () => fc.Arbitrary<string>> = {
  'date-time': () =>
    fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
  date: () => fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl(),
  uuid: () => fc.uuid(),
};

/** Values of the schema's shape; `depth` stops recursive schemas. */
export function arbitraryFor(schema: Schema | boolean, document: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true || schema === undefined) return fc.jsonValue({ maxDepth: 2 });
  if (schema === false) return fc.constant(null);
  if (depth > 8) return fc.constant(null);
  const next = (s: Schema) => arbitraryFor(s, document, depth + 1);
  if (schema.$ref) {
    const { schema: target, document: targetDocument } = resolveSchema(schema.$ref, document);
    return arbitraryFor(target, targetDocument, depth + 1);
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map(next));
  if (schema.allOf) return next(Object.assign({}, ...schema.allOf));
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : undefined;
  if (type && type.length > 1) return fc.oneof(...type.map((t: string) => next({ ...schema, type: t })));
  switch (type?.[0] ?? (schema.properties ? 'object' : undefined)) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? next(schema.items) : fc.string(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'object':
      return objectFor(schema, next);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  if (schema.format && formats[schema.format]) return formats[schema.format]!();
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 24, Math.max(minLength, 24));
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const longest = schema.maxLength ?? Number.POSITIVE_INFINITY;
    // Lengthened or cut rather than filtered: when most matches are shorter than minLength (an
    // unanchored pattern with a long minimum, like a PEM key's header), a filter retries without end.
    return fc.stringMatching(pattern).map((s) => {
      if (s.length > longest) return s.slice(0, longest);
      if (s.length >= minLength) return s;
      const padded = s + 'x'.repeat(minLength - s.length);
      return pattern.test(padded) ? padded : s;
    });
  }
  return fc.string({ minLength, maxLength });
}

function objectFor(schema: Schema, next: (s: Schema) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const members = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, next(s)]));
  const record = fc.record(members, { requiredKeys: [...required].filter((k) => k in properties) });
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== 'object') return record;
  const names = schema.propertyNames?.pattern
    ? fc.stringMatching(new RegExp(schema.propertyNames.pattern))
    : fc.string({ minLength: 1, maxLength: 12 });
  return fc
    .tuple(record, fc.dictionary(names, next(extra), { maxKeys: 3 }))
    .map(([known, more]) => ({ ...more, ...(known as object) }));
}
