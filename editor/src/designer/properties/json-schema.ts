/**
 * The subset of JSON Schema the property form understands, and `$ref` resolution against the
 * block's own schema and schemas/common.schema.json (the only external schema blocks refer to).
 */
import commonSchema from '../../../../schemas/common.schema.json';

export interface UiHints {
  widget?: string;
  visibleIf?: { field: string; equals: unknown };
  order?: number;
  placeholder?: string;
}

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $defs?: Record<string, JsonSchema>;
  'x-ui'?: UiHints;
}

const COMMON_ID = 'https://ringback.dev/schemas/common.schema.json';

function pointerGet(root: unknown, pointer: string): JsonSchema | undefined {
  let node: unknown = root;
  for (const raw of pointer.split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node as JsonSchema | undefined;
}

/** Follows `$ref`s; the referring schema's own keywords (title, x-ui, default…) win over the target's. */
export function resolve(schema: JsonSchema | undefined, root: JsonSchema, depth = 0): JsonSchema {
  if (!schema) return {};
  if (!schema.$ref || depth > 16) return schema;
  const [base, fragment = ''] = schema.$ref.split('#');
  const document = base === COMMON_ID ? (commonSchema as JsonSchema) : base ? undefined : root;
  const found = document ? pointerGet(document, fragment) : undefined;
  // Local refs inside an external schema point into that schema, not into the block's.
  const target = base && found ? absolutize(found, base) : found;
  const { $ref: _ref, ...own } = schema;
  const resolved = resolve(target, root, depth + 1);
  return { ...resolved, ...own, 'x-ui': { ...resolved['x-ui'], ...own['x-ui'] } };
}

function absolutize(schema: JsonSchema, base: string): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#')
          ? `${base}${value}`
          : walk(value),
      ]),
    );
  };
  return walk(schema) as JsonSchema;
}

export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.enum) return typeof schema.enum[0];
  return undefined;
}

/** Label for a field: its title, else its name split into words. */
export function labelOf(name: string, schema: JsonSchema): string {
  if (schema.title) return schema.title;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fields of an object schema in display order (x-ui.order, then declaration order). */
export function orderedFields(schema: JsonSchema, root: JsonSchema): [string, JsonSchema][] {
  const entries = Object.entries(schema.properties ?? {}).map(
    ([name, child], index) => [name, resolve(child, root), index] as const,
  );
  return entries
    .sort((a, b) => (a[1]['x-ui']?.order ?? 1000 + a[2]) - (b[1]['x-ui']?.order ?? 1000 + b[2]))
    .map(([name, child]) => [name, child]);
}

export function isVisible(schema: JsonSchema, siblings: Record<string, unknown>): boolean {
  const rule = schema['x-ui']?.visibleIf;
  if (!rule) return true;
  const value = siblings[rule.field];
  return Array.isArray(rule.equals) ? rule.equals.includes(value) : value === rule.equals;
}
