/**
 * What the settings form's pickers offer: the tenant's Callback applications, business hours and
 * rules. A list the user may not read (or that fails) is null, and its field falls back to typing
 * the name, so a missing permission never blocks editing the rest of the queue.
 */
import { applicationsApi, businessHoursApi, queueRulesApi, type RuleKind } from '../api/endpoints.ts';

export interface ApplicationChoice {
  id: string;
  name: string;
  /** Only a published Callback application can be saved (the runtime checks it too). */
  published: boolean;
}

export interface ReferenceOptions {
  applications: readonly ApplicationChoice[] | null;
  businessHours: readonly { name: string; timeZone: string }[] | null;
  rules: Record<RuleKind, readonly string[] | null>;
}

export const NO_REFERENCES: ReferenceOptions = {
  applications: null,
  businessHours: null,
  rules: { capacity: null, numberValidation: null, regionAffinity: null },
};

const orNull = <T>(promise: Promise<T>): Promise<T | null> => promise.catch(() => null);

export async function loadReferences(): Promise<ReferenceOptions> {
  const [applications, hours, capacity, numberValidation, regionAffinity] = await Promise.all([
    orNull(applicationsApi.list('', 1, 250)),
    orNull(businessHoursApi.list()),
    orNull(queueRulesApi.names('capacity')),
    orNull(queueRulesApi.names('numberValidation')),
    orNull(queueRulesApi.names('regionAffinity')),
  ]);
  return {
    // A queue runs a Callback-type application; other types are not offered.
    applications:
      applications?.items
        .filter((a) => a.type === 'Callback')
        .map((a) => ({ id: a.id, name: a.name, published: a.latestVersion !== null }))
        .sort((a, b) => a.name.localeCompare(b.name)) ?? null,
    businessHours:
      hours?.items
        .map((h) => ({ name: h.name, timeZone: h.timeZone }))
        .sort((a, b) => a.name.localeCompare(b.name)) ?? null,
    rules: { capacity, numberValidation, regionAffinity },
  };
}
