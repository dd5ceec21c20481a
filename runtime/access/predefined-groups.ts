/**
 * The guide's predefined access groups and the callback role each grants by default
 * ("Predefined Access Groups"); migration 0008 holds the same list for tenants that existed
 * before. Agents grants no role: its members reach the Callback UI with their own roles only.
 */
import type { Database } from '../db/client.ts';
import { accessGroups } from '../db/schema.ts';

export const predefinedGroups: readonly { name: string; roles: string[] }[] = [
  { name: 'Administrators', roles: ['callbackAdministrator'] },
  { name: 'Supervisors', roles: ['callbackSupervisor'] },
  { name: 'Managers', roles: ['callbackMonitor'] },
  { name: 'Agents', roles: [] },
  { name: 'Callback Developers', roles: ['callbackDeveloper'] },
];

/**
 * Idempotent and safe when several processes start at once: one insert that skips what exists,
 * so a group whose roles an administrator changed keeps them.
 */
export async function ensurePredefinedGroups(db: Database, tenantId: string): Promise<void> {
  await db
    .insert(accessGroups)
    .values(predefinedGroups.map((g) => ({ tenantId, name: g.name, roles: g.roles, predefined: true })))
    .onConflictDoNothing();
}
