/**
 * Whether a block property is in play: the same `x-ui` hints the property form uses to show or
 * hide it (`visibleIf` on a sibling, `appType`), followed through the sibling's own visibility,
 * with schema defaults for properties not set. A hidden property is neither required nor checked.
 */
export interface FieldSchema {
  default?: unknown;
  title?: string;
  'x-ui'?: {
    visibleIf?: { field: string; equals: unknown };
    appType?: string;
    required?: boolean;
    widget?: string;
  };
}

export type FieldSchemas = Readonly<Record<string, FieldSchema | undefined>>;

export function fieldValue(fields: FieldSchemas, properties: Record<string, unknown>, name: string): unknown {
  return name in properties ? properties[name] : fields[name]?.default;
}

export function fieldInPlay(
  fields: FieldSchemas,
  properties: Record<string, unknown>,
  name: string,
  appType: string,
  depth = 0,
): boolean {
  const ui = fields[name]?.['x-ui'];
  if (!ui) return true;
  if (ui.appType && ui.appType !== appType) return false;
  const rule = ui.visibleIf;
  if (!rule) return true;
  if (depth > 8 || !fieldInPlay(fields, properties, rule.field, appType, depth + 1)) return false;
  const value = fieldValue(fields, properties, rule.field);
  return Array.isArray(rule.equals) ? rule.equals.includes(value) : value === rule.equals;
}

/** A required property left without a value: absent, an empty text or an empty list. */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}
