/**
 * A CALLBACK_SETTINGS row with every default applied: what the engine reads. Defaults come from
 * schemas/callback-settings.schema.json so the editor, the schema and the engine agree.
 */

import type { CallbackSettings } from '../../schemas/callback-settings.generated.ts';
import settingsSchema from '../../schemas/callback-settings.schema.json' with { type: 'json' };

type Defaulted =
  | 'callDirection'
  | 'immediateEnabled'
  | 'scheduledEnabled'
  | 'immediateBlackoutMinutes'
  | 'ewtThresholdSeconds'
  | 'slotDurationMinutes'
  | 'slotCapacity'
  | 'schedulingHorizonDays'
  | 'desiredTimeWindowMinutes'
  | 'callbackPurgeTimeMinutes'
  | 'purgeAtEndOfDay'
  | 'pushedCallbackExpiryMinutes'
  | 'pushNotificationThresholdMinutes'
  | 'maxDialAttempts'
  | 'retryDelaySeconds'
  | 'priorityInitial'
  | 'priorityIncrement'
  | 'priorityIntervalSeconds'
  | 'priorityLimit'
  | 'maxQueuedPerNumber'
  | 'maxImmediatePerNumberPerDay'
  | 'maxQueuedCallbacks'
  | 'callbackTtlSeconds';

export type QueueSettings = CallbackSettings & Required<Pick<CallbackSettings, Defaulted>>;

export type { CallbackSettings };

const defaults: Record<string, unknown> = Object.fromEntries(
  Object.entries(settingsSchema.properties)
    .filter(([, property]) => 'default' in property)
    .map(([name, property]) => [name, (property as { default: unknown }).default]),
);

export function withDefaults(row: CallbackSettings): QueueSettings {
  return { ...defaults, ...row } as QueueSettings;
}

/** The rule assignments live in queue_rules, not in the stored row. */
export const assignmentFields = ['capacityRule', 'numberValidationRule', 'regionAffinityRule'] as const;
