/**
 * Expands the field patterns of a block definition (expressionFields, variableFields,
 * promptFields): JSON pointers relative to the block's properties where `*` stands for any
 * index of an array. Missing parts simply match nothing: optional fields may be absent.
 */
import { escapePointerSegment } from '../validation/issues.ts';

export interface FieldMatch {
  /** Pointer relative to the properties, with the indexes filled in. */
  pointer: string;
  value: unknown;
}

export function expandFieldPattern(properties: unknown, pattern: string): FieldMatch[] {
  const segments = pattern === '' ? [] : pattern.slice(1).split('/').map(unescapeSegment);
  let matches: FieldMatch[] = [{ pointer: '', value: properties }];
  for (const segment of segments) {
    const next: FieldMatch[] = [];
    for (const { pointer, value } of matches) {
      if (segment === '*') {
        if (!Array.isArray(value)) continue;
        value.forEach((item, index) => {
          next.push({ pointer: `${pointer}/${index}`, value: item });
        });
      } else if (isRecord(value) && Object.hasOwn(value, segment)) {
        next.push({ pointer: `${pointer}/${escapePointerSegment(segment)}`, value: value[segment] });
      } else if (
        Array.isArray(value) &&
        /^(0|[1-9][0-9]*)$/.test(segment) &&
        Number(segment) < value.length
      ) {
        next.push({ pointer: `${pointer}/${segment}`, value: value[Number(segment)] });
      }
    }
    matches = next;
  }
  return matches;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
