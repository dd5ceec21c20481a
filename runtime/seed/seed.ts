/**
 * First start: a default tenant, the `admin` user and a demo API key (random ones printed once
 * unless configured), then the examples, each validated like any other input. Idempotent: what
 * exists is left alone, so restarts and several processes starting together are safe.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ensurePredefinedGroups } from '../access/predefined-groups.ts';
import type { ApplicationStore } from '../applications/application-store.ts';
import { validateDocument } from '../applications/validate-document.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import type { BusinessHoursStore } from '../business-hours-store/business-hours-store.ts';
import type { CallbackModule } from '../callbacks/module.ts';
import { seedCallbackExamples } from '../callbacks/seed-examples.ts';
import type { Database } from '../db/client.ts';
import { apiKeys, applications, tenants, users } from '../db/schema.ts';
import type { RuntimeConfig } from '../env.ts';
import type { PhoneNumberStore } from '../phone-numbers/phone-number-store.ts';
import { exampleApplications, exampleBusinessHours, examplePhoneNumbers } from './examples.ts';

export const defaultTenant = 'default';

export interface SeedReport {
  /** Set only when this start created the admin with a generated password. */
  generatedAdminPassword?: string;
  generatedApiKey?: string;
  seededApplications: string[];
}

export async function seed(deps: {
  db: Database;
  auth: AuthService;
  applications: ApplicationStore;
  phoneNumbers: PhoneNumberStore;
  businessHours: BusinessHoursStore;
  callbacks: CallbackModule;
  config: RuntimeConfig;
  now: () => number;
}): Promise<SeedReport> {
  const { db, auth, config } = deps;
  const report: SeedReport = { seededApplications: [] };
  await db.insert(tenants).values({ id: defaultTenant, name: 'Default tenant' }).onConflictDoNothing();
  await ensurePredefinedGroups(db, defaultTenant);

  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, defaultTenant), eq(users.username, 'admin')));
  if (!admin) {
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    await auth
      .createUser(
        defaultTenant,
        'admin',
        password,
        ['administrator', 'developer', 'businessUser', 'callbackAdministrator', 'callbackDeveloper'],
        ['Administrators'],
      )
      .catch(ignoreDuplicate);
    if (!config.adminPassword) report.generatedAdminPassword = password;
  }

  const [anyKey] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, defaultTenant));
  if (!anyKey) {
    const key = config.demoApiKey ?? newToken('rbk');
    await db
      .insert(apiKeys)
      .values({
        id: randomUUID(),
        tenantId: defaultTenant,
        name: 'demo',
        keyHash: tokenHash(key),
        keyPrefix: key.slice(0, 8),
      })
      .onConflictDoNothing();
    if (!config.demoApiKey) report.generatedApiKey = key;
  }

  if (!config.seedExamples) return report;
  await giveWaitingRequestsATurn();
  for (const { document } of exampleBusinessHours()) {
    if (!(await deps.businessHours.find(defaultTenant, document.name))) {
      await deps.businessHours.put(defaultTenant, document);
    }
  }
  for (const { file, document } of exampleApplications()) {
    await giveWaitingRequestsATurn();
    const [existing] = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.tenantId, defaultTenant), eq(applications.id, document.id)));
    if (existing) continue;
    const report_ = validateDocument(document);
    if (!report_.valid) {
      const first = report_.issues.find((i) => i.severity === 'error');
      throw new Error(`Example ${file} is invalid: ${first?.code} ${first?.pointer ?? ''} ${first?.message}`);
    }
    try {
      await deps.applications.create(defaultTenant, document);
      await deps.applications.publish(defaultTenant, document.id, document, 'seed');
      report.seededApplications.push(document.id);
    } catch (error) {
      ignoreDuplicate(error);
    }
  }
  for (const { dnis, applicationId } of examplePhoneNumbers()) {
    const taken = await deps.phoneNumbers.applicationFor(defaultTenant, dnis).catch(() => undefined);
    if (!taken) await deps.phoneNumbers.assign(defaultTenant, dnis, applicationId);
  }
  await giveWaitingRequestsATurn();
  await seedCallbackExamples({ tenantId: defaultTenant, ...deps });
  return report;
}

/**
 * PGlite answers a query without going back to the event loop, so a seed running in the
 * background (`ringback serve`) would hold off /readyz and /healthz until it ended; between
 * steps it lets the requests already waiting in.
 */
function giveWaitingRequestsATurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Another process seeding at the same moment wins the race; that is fine. */
function ignoreDuplicate(error: unknown): void {
  // drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
  for (
    let e = error as { code?: string; message?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505' || e.code === 'ALREADY_EXISTS') return;
    if (/duplicate key|already exists|ALREADY_EXISTS/i.test(String(e.message ?? e))) return;
  }
  throw error;
}
