/**
 * Assembles one runtime process: database, clock, stores, call service and background timers.
 * `createRuntime` is what `ringback serve`, the tests and the benchmarks all start.
 */
import type { BlockServices } from '../blocks/contract.ts';
import { type ApplicationStore, applicationStore } from './applications/application-store.ts';
import { type AuthService, authService } from './auth/auth-service.ts';
import { type BusinessHoursStore, businessHoursStore } from './business-hours-store/business-hours-store.ts';
import { type CallService, callService } from './calls/call-service.ts';
import { callStore } from './calls/call-store.ts';
import { type Clock, systemClock, type VirtualClock, virtualClock } from './clock/index.ts';
import { type Database, openDatabase } from './db/client.ts';
import type { RuntimeConfig } from './env.ts';
import { type PhoneNumberStore, phoneNumberStore } from './phone-numbers/phone-number-store.ts';
import { inProcessRouter } from './routing/in-process-router.ts';
import { type SeedReport, seed } from './seed/seed.ts';

export interface Runtime {
  config: RuntimeConfig;
  db: Database;
  dbKind: 'postgres' | 'pglite';
  clock: Clock;
  virtualClock: VirtualClock | undefined;
  auth: AuthService;
  applications: ApplicationStore;
  phoneNumbers: PhoneNumberStore;
  businessHours: BusinessHoursStore;
  calls: CallService;
  seedReport: SeedReport;
  startedAt: number;
  close(): Promise<void>;
}

export async function createRuntime(config: RuntimeConfig): Promise<Runtime> {
  const startedAt = Date.now();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const virtual =
    config.clock === 'virtual' ? virtualClock(config.virtualClockStart ?? Date.now()) : undefined;
  const clock: Clock = virtual ?? systemClock();
  const now = () => clock.now();
  const { db } = handle;

  const applications = applicationStore(db, now);
  const phoneNumbers = phoneNumberStore(db, now);
  const businessHours = businessHoursStore(db, now);
  const router = inProcessRouter();
  const services = (tenantId: string): BlockServices => ({
    businessHours: {
      async status(name, atMs, timeZoneOverride) {
        const calendar = await businessHours.calendar(tenantId, name);
        return calendar?.status(atMs, timeZoneOverride);
      },
    },
    routing: router,
  });
  const calls = callService({ applications, phoneNumbers, store: callStore(db, now), clock, services });
  const auth = authService(db, clock, config.sessionIdleMinutes);
  const seedReport = await seed({ db, auth, applications, phoneNumbers, businessHours, config, now });

  // Calls waiting on a timeout are woken by whichever process sees them first.
  let waking = false;
  const wake = async () => {
    if (waking) return;
    waking = true;
    try {
      await calls.wakeDue();
    } finally {
      waking = false;
    }
  };
  const timer = virtual ? undefined : setInterval(() => void wake().catch(() => undefined), 250);
  timer?.unref();
  const stopListening = virtual?.onAdvance(() => wake());

  return {
    config,
    db,
    dbKind: handle.kind,
    clock,
    virtualClock: virtual,
    auth,
    applications,
    phoneNumbers,
    businessHours,
    calls,
    seedReport,
    startedAt,
    async close() {
      if (timer) clearInterval(timer);
      stopListening?.();
      await handle.close();
    },
  };
}
