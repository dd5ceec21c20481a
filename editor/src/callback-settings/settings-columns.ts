/**
 * The columns of the CALLBACK_SETTINGS table, generated from its schema: each property becomes a
 * typed cell (enum → select, boolean → checkbox, integer → number with its bounds). Three string
 * columns name other resources and become pickers; virtualQueue is the row's key.
 */

import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import schema from '../../../schemas/callback-settings.schema.json';

export type SettingsField = keyof CallbackSettings;

export type ColumnKind = 'key' | 'text' | 'enum' | 'integer' | 'boolean' | 'application' | 'businessHours';

export interface SettingsColumn {
  field: SettingsField;
  kind: ColumnKind;
  required: boolean;
  description: string;
  options?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

interface PropertySchema {
  type?: string;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
}

/** Columns that name another resource of the tenant, and the picker that fills them. */
const REFERENCES: Partial<Record<SettingsField, ColumnKind>> = {
  callbackApplication: 'application',
  businessHours: 'businessHours',
  immediateOfferHours: 'businessHours',
};

function kindOf(field: string, property: PropertySchema): ColumnKind {
  if (field === 'virtualQueue') return 'key';
  const reference = REFERENCES[field as SettingsField];
  if (reference) return reference;
  if (property.enum) return 'enum';
  if (property.type === 'boolean') return 'boolean';
  if (property.type === 'integer') return 'integer';
  return 'text';
}

export const SETTINGS_COLUMNS: readonly SettingsColumn[] = Object.entries(
  schema.properties as Record<string, PropertySchema>,
).map(([field, property]) => ({
  field: field as SettingsField,
  kind: kindOf(field, property),
  required: (schema.required as string[]).includes(field),
  description: property.description ?? '',
  ...(property.enum ? { options: property.enum } : {}),
  ...(property.minimum !== undefined ? { minimum: property.minimum } : {}),
  ...(property.maximum !== undefined ? { maximum: property.maximum } : {}),
  ...(property.default !== undefined ? { default: property.default } : {}),
}));

/** A new row: the schema's defaults, the key and references left for the user to fill. */
export function newSettingsRow(): Partial<CallbackSettings> {
  const row: Record<string, unknown> = {};
  for (const column of SETTINGS_COLUMNS) if (column.default !== undefined) row[column.field] = column.default;
  return row as Partial<CallbackSettings>;
}

/**
 * The row as it is sent: empty optional cells are left out rather than sent as '' (which the
 * schema would refuse), so the server applies its defaults.
 */
export function rowForSaving(row: Partial<CallbackSettings>): CallbackSettings {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (value === '' || value === undefined || value === null) continue;
    out[field] = value;
  }
  return out as unknown as CallbackSettings;
}
