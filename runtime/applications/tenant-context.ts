/**
 * The tenant as a flow refers to it, for the shared validator (schemas/flow/tenant-context.ts):
 * queue names from CALLBACK_SETTINGS (the simulated contact center queues a call under any name,
 * so it has no list of its own), business hours, rules of every kind, and applications.
 */
import type { TenantContext } from '../../schemas/flow/tenant-context.ts';
import type { BusinessHoursStore } from '../business-hours-store/business-hours-store.ts';
import type { CallbackModule } from '../callbacks/module.ts';
import type { ApplicationStore } from './application-store.ts';

export interface TenantSources {
  applications: ApplicationStore;
  businessHours: BusinessHoursStore;
  callbacks: Pick<CallbackModule, 'settings' | 'rules'>;
}

export async function tenantContext(sources: TenantSources, tenantId: string): Promise<TenantContext> {
  const [settings, hours, capacity, numbers, regions, applications] = await Promise.all([
    sources.callbacks.settings.list(tenantId),
    sources.businessHours.list(tenantId),
    sources.callbacks.rules.list(tenantId, 'capacity'),
    sources.callbacks.rules.list(tenantId, 'numberValidation'),
    sources.callbacks.rules.list(tenantId, 'regionAffinity'),
    sources.applications.list(tenantId, { page: 1, pageSize: 10_000 }),
  ]);
  const callbackQueues = settings.map((row) => row.virtualQueue);
  return {
    routingQueues: callbackQueues,
    callbackQueues,
    businessHours: hours.map((h) => h.name),
    rules: [...capacity, ...numbers, ...regions].map((r) => r.rule.name),
    applications: applications.items.map((a) => ({ id: a.id, type: a.type as 'Default' | 'Callback' })),
  };
}
