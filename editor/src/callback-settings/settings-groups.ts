/**
 * The CALLBACK_SETTINGS form as data: the groups a queue's settings are shown in, each field's
 * control, unit and texts (names and help are i18n keys `fields.<field>.name|help`), and from the
 * schema each field's type, bounds, default and whether it is required. The schema stays the one
 * source for what a value may be; this file only says how a person sees it.
 */

import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import schema from '../../../schemas/callback-settings.schema.json';

export type SettingsField = keyof CallbackSettings;

/** The rules a queue is assigned (zero or one of each), as the rules API names their kinds. */
export type RuleKind = 'capacity' | 'numberValidation' | 'regionAffinity';

export type FieldControl =
  | { kind: 'key' }
  | { kind: 'text'; monospace?: boolean }
  | { kind: 'number' }
  | { kind: 'choice' }
  | { kind: 'switch' }
  | { kind: 'application' }
  | { kind: 'businessHours' }
  | { kind: 'rule'; rule: RuleKind };

export type Unit = 'seconds' | 'minutes' | 'days' | 'callbacks' | 'attempts';

interface FieldLayout {
  field: SettingsField;
  control: FieldControl;
  unit?: Unit;
}

export interface SettingsGroup {
  /** i18n key `groups.<id>.title|intro`. */
  id: string;
  fields: readonly FieldLayout[];
}

const number = (field: SettingsField, unit?: Unit): FieldLayout => ({
  field,
  control: { kind: 'number' },
  ...(unit ? { unit } : {}),
});
const text = (field: SettingsField, monospace = false): FieldLayout => ({
  field,
  control: monospace ? { kind: 'text', monospace } : { kind: 'text' },
});
const toggle = (field: SettingsField): FieldLayout => ({ field, control: { kind: 'switch' } });
const hours = (field: SettingsField): FieldLayout => ({ field, control: { kind: 'businessHours' } });
const rule = (field: SettingsField, kind: RuleKind): FieldLayout => ({
  field,
  control: { kind: 'rule', rule: kind },
});

/**
 * Grouped by the question an administrator asks of a queue, in the order the guide's provisioning
 * chapter meets them: what the queue is, how the customer is reached, when a callback is offered,
 * how scheduled callbacks are booked, how waiting callbacks age, throttles, purge, the
 * Click-To-Call-In push timings, and the rules the Callback UI assigns to the queue.
 */
export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  {
    id: 'queue',
    fields: [
      { field: 'virtualQueue', control: { kind: 'key' } },
      { field: 'callbackApplication', control: { kind: 'application' } },
      hours('businessHours'),
      text('skillExpression', true),
    ],
  },
  {
    id: 'calling',
    fields: [
      { field: 'callDirection', control: { kind: 'choice' } },
      text('routingPoint'),
      number('maxDialAttempts', 'attempts'),
      number('retryDelaySeconds', 'seconds'),
      text('surveyRoutingPoint'),
    ],
  },
  {
    id: 'offers',
    fields: [
      toggle('immediateEnabled'),
      toggle('scheduledEnabled'),
      number('ewtThresholdSeconds', 'seconds'),
      hours('immediateOfferHours'),
      number('immediateBlackoutMinutes', 'minutes'),
    ],
  },
  {
    id: 'scheduling',
    fields: [
      { field: 'slotDurationMinutes', control: { kind: 'choice' }, unit: 'minutes' },
      number('slotCapacity', 'callbacks'),
      number('schedulingHorizonDays', 'days'),
      number('desiredTimeWindowMinutes', 'minutes'),
    ],
  },
  {
    id: 'priority',
    fields: [
      number('priorityInitial'),
      number('priorityIncrement'),
      number('priorityIntervalSeconds', 'seconds'),
      number('priorityLimit'),
    ],
  },
  {
    id: 'limits',
    fields: [
      number('maxQueuedPerNumber', 'callbacks'),
      number('maxImmediatePerNumberPerDay', 'callbacks'),
      number('maxQueuedCallbacks', 'callbacks'),
    ],
  },
  {
    id: 'purge',
    fields: [
      number('callbackPurgeTimeMinutes', 'minutes'),
      toggle('purgeAtEndOfDay'),
      number('callbackTtlSeconds', 'seconds'),
    ],
  },
  {
    id: 'callIn',
    fields: [
      number('pushedCallbackExpiryMinutes', 'minutes'),
      number('pushNotificationThresholdMinutes', 'minutes'),
    ],
  },
  {
    id: 'rules',
    fields: [
      rule('capacityRule', 'capacity'),
      rule('numberValidationRule', 'numberValidation'),
      rule('regionAffinityRule', 'regionAffinity'),
    ],
  },
];

interface PropertySchema {
  type?: string;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

const properties = schema.properties as Record<string, PropertySchema>;
const alwaysRequired = new Set<string>(schema.required);

/** What the schema says of a field: its type, bounds, choices and default. */
export function fieldSchema(field: SettingsField): PropertySchema {
  return properties[field] ?? {};
}

/**
 * Whether the field must be filled for this draft: the schema's required list, plus the Routing
 * Point of a queue whose calls the business places (the schema's if/else on Call Direction).
 */
export function isRequired(field: SettingsField, draft: Partial<CallbackSettings>): boolean {
  if (alwaysRequired.has(field)) return true;
  return field === 'routingPoint' && draft.callDirection !== 'USERORIGINATED';
}

const groupOf = new Map<string, string>(
  SETTINGS_GROUPS.flatMap((group) => group.fields.map((f) => [f.field, group.id] as const)),
);

/** The group a field is shown in (undefined for a name the form does not know). */
export function groupOfField(field: string): string | undefined {
  return groupOf.get(field);
}

/** A new queue: the schema's defaults, its name and references left for the user to fill. */
export function newSettingsRow(): Partial<CallbackSettings> {
  const row: Record<string, unknown> = {};
  for (const [field, property] of Object.entries(properties))
    if (property.default !== undefined) row[field] = property.default;
  return row as Partial<CallbackSettings>;
}

/**
 * The row as it is sent: empty optional fields are left out rather than sent as '' (which the
 * schema would refuse), so the server applies its defaults.
 */
export function rowForSaving(row: Partial<CallbackSettings>): CallbackSettings {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (value === '' || value === undefined || value === null) continue;
    out[field] = typeof value === 'string' && field !== 'skillExpression' ? value.trim() : value;
  }
  return out as unknown as CallbackSettings;
}
