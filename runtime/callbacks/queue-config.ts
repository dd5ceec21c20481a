/**
 * Everything the engine needs to decide about one queue, read fresh at each decision so edits
 * made through any process apply at once: the settings row with defaults, its compiled business
 * hours, and the rules assigned to it.
 */
import { and, eq } from 'drizzle-orm';
import type { CapacityRule } from '../../schemas/capacity-rule.generated.ts';
import type { NumberValidationRule } from '../../schemas/number-validation-rule.generated.ts';
import type { BusinessHoursCalendar } from '../business-hours/index.ts';
import type { BusinessHoursStore } from '../business-hours-store/business-hours-store.ts';
import type { Database } from '../db/client.ts';
import { callbackSettings } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';
import type { RulesStore } from '../rules-store/rules-store.ts';
import { type CallbackSettings, type QueueSettings, withDefaults } from './settings.ts';

export interface QueueConfig {
  tenantId: string;
  settings: QueueSettings;
  hours: BusinessHoursCalendar;
  immediateOfferHours: BusinessHoursCalendar | undefined;
  capacityRule: CapacityRule | undefined;
  numberRule: NumberValidationRule | undefined;
}

export function queueConfigs(deps: { db: Database; businessHours: BusinessHoursStore; rules: RulesStore }) {
  const { db, businessHours, rules } = deps;
  return {
    async find(tenantId: string, virtualQueue: string): Promise<QueueConfig | undefined> {
      const [row] = await db
        .select({ document: callbackSettings.document })
        .from(callbackSettings)
        .where(and(eq(callbackSettings.tenantId, tenantId), eq(callbackSettings.virtualQueue, virtualQueue)));
      if (!row) return undefined;
      const settings = withDefaults(row.document as CallbackSettings);
      const assigned = await rules.assignment(tenantId, virtualQueue);
      const [hours, offerHours, capacityRule, numberRule] = await Promise.all([
        businessHours.calendar(tenantId, settings.businessHours),
        settings.immediateOfferHours
          ? businessHours.calendar(tenantId, settings.immediateOfferHours)
          : undefined,
        assigned.capacityRule ? rules.find(tenantId, 'capacity', assigned.capacityRule) : undefined,
        assigned.numberValidationRule
          ? rules.find(tenantId, 'numberValidation', assigned.numberValidationRule)
          : undefined,
      ]);
      // Saving a row checks its business hours exist; deleting them later leaves the queue unusable.
      if (!hours)
        throw new ApiError('SERVICE_NOT_FOUND', `The business hours of ${virtualQueue} no longer exist`);
      return { tenantId, settings, hours, immediateOfferHours: offerHours, capacityRule, numberRule };
    },
    async get(tenantId: string, virtualQueue: string): Promise<QueueConfig> {
      const config = await this.find(tenantId, virtualQueue);
      if (!config) throw new ApiError('SERVICE_NOT_FOUND', `No CALLBACK_SETTINGS row for ${virtualQueue}`);
      return config;
    },
  };
}

export type QueueConfigs = ReturnType<typeof queueConfigs>;
