/**
 * Readable names for a path inside a block's properties, from the titles in the block's schema:
 * `/priority/initial` → `Priority › Initial`, `/conditions/1/expression` → `Conditions #2 › Condition`.
 */
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';
import { type JsonSchema, resolve } from '../properties/json-schema.ts';

export function segmentsOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function propertyLabel(definition: BlockDefinition | undefined, pointer: string): string {
  const root = (definition?.properties ?? {}) as JsonSchema;
  let schema: JsonSchema | undefined = root;
  const parts: string[] = [];
  for (const segment of segmentsOf(pointer)) {
    const current: JsonSchema = resolve(schema, root);
    if (/^\d+$/.test(segment) && current.type === 'array') {
      const last = parts.pop() ?? '';
      parts.push(`${last} #${Number(segment) + 1}`.trim());
      schema = current.items;
      continue;
    }
    schema = current.properties?.[segment];
    parts.push(resolve(schema, root).title ?? segment);
  }
  return parts.join(' › ');
}

/** Whether a pointer is one of the definition's field patterns (`*` for any array index). */
export function matchesPattern(pointer: string, patterns: readonly string[] | undefined): boolean {
  return (patterns ?? []).some((pattern) => {
    const source = pattern
      .split('/')
      .map((s) => (s === '*' ? '\\d+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return new RegExp(`^${source}$`).test(pointer);
  });
}
