/**
 * Seeds the Sales_VQ scenario of examples/callback (seed, "Provisioning Callback in Designer"):
 * business hours, the Callback and Default applications, rules, agents, the CALLBACK_SETTINGS
 * row (which assigns the rules) and the DNIS. Idempotent: what exists is left alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Application } from '../../schemas/application.generated.ts';
import type { BusinessHours } from '../../schemas/business-hours.generated.ts';
import type { CallbackSettings } from '../../schemas/callback-settings.generated.ts';
import type { AgentInput } from '../agents/agent-store.ts';
import type { ApplicationStore } from '../applications/application-store.ts';
import { validateDocument } from '../applications/validate-document.ts';
import type { BusinessHoursStore } from '../business-hours-store/business-hours-store.ts';
import type { PhoneNumberStore } from '../phone-numbers/phone-number-store.ts';
import { examplesDir, readFolder } from '../seed/examples.ts';
import type { CallbackModule } from './module.ts';

const dir = join(examplesDir, 'callback');

const folder = <T>(name: string): T[] => readFolder<T>(join('callback', name)).map((f) => f.document);

const file = <T>(name: string): T[] =>
  existsSync(join(dir, name)) ? (JSON.parse(readFileSync(join(dir, name), 'utf8')) as T[]) : [];

export function callbackExamples() {
  return {
    businessHours: folder<BusinessHours>('business-hours'),
    applications: folder<Application>('applications'),
    capacityRules: folder<{ name: string }>('capacity-rules'),
    numberValidationRules: folder<{ name: string }>('number-validation-rules'),
    settings: folder<CallbackSettings>('settings'),
    agents: file<AgentInput>('agents.json'),
    phoneNumbers: file<{ dnis: string; applicationId: string }>('phone-numbers.json'),
  };
}

export async function seedCallbackExamples(deps: {
  tenantId: string;
  callbacks: CallbackModule;
  applications: ApplicationStore;
  businessHours: BusinessHoursStore;
  phoneNumbers: PhoneNumberStore;
}): Promise<void> {
  const { tenantId, callbacks } = deps;
  const examples = callbackExamples();
  const tolerate = (error: unknown) => {
    if (
      !/duplicate key|already exists|ALREADY_EXISTS/i.test(String((error as Error)?.message ?? error)) &&
      (error as { code?: string })?.code !== 'ALREADY_EXISTS'
    )
      throw error;
  };
  for (const hours of examples.businessHours)
    if (!(await deps.businessHours.find(tenantId, hours.name))) await deps.businessHours.put(tenantId, hours);
  for (const application of examples.applications) {
    if (await deps.applications.get(tenantId, application.id).catch(() => undefined)) continue;
    const report = validateDocument(application);
    if (!report.valid)
      throw new Error(
        `Example ${application.id} is invalid: ${JSON.stringify(report.issues.find((i) => i.severity === 'error'))}`,
      );
    try {
      await deps.applications.create(tenantId, application);
      await deps.applications.publish(tenantId, application.id, application, 'seed');
    } catch (error) {
      tolerate(error);
    }
  }
  for (const rule of examples.capacityRules)
    if (!(await callbacks.rules.find(tenantId, 'capacity', rule.name)))
      await callbacks.rules.put(tenantId, 'capacity', rule as never).catch(tolerate);
  for (const rule of examples.numberValidationRules)
    if (!(await callbacks.rules.find(tenantId, 'numberValidation', rule.name)))
      await callbacks.rules.put(tenantId, 'numberValidation', rule as never).catch(tolerate);
  const agents = new Set((await callbacks.agents.list(tenantId)).map((a) => a.id));
  for (const agent of examples.agents)
    if (!agents.has(agent.id)) await callbacks.agents.put(tenantId, agent).catch(tolerate);
  for (const row of examples.settings) {
    const exists = await callbacks.settings.get(tenantId, row.virtualQueue).catch(() => undefined);
    if (!exists) await callbacks.settings.put(tenantId, row.virtualQueue, row).catch(tolerate);
  }
  for (const { dnis, applicationId } of examples.phoneNumbers) {
    const taken = await deps.phoneNumbers.applicationFor(tenantId, dnis).catch(() => undefined);
    if (!taken) await deps.phoneNumbers.assign(tenantId, dnis, applicationId);
  }
}
