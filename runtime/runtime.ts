/**
 * Assembles one runtime process: database, clock, stores, call service and background timers.
 * `createRuntime` is what `ringback serve`, the tests and the benchmarks all start.
 */
import type { BlockServices } from '../blocks/contract.ts';
import { type ApplicationStore, applicationStore } from './applications/application-store.ts';
import { type AuthService, authService } from './auth/auth-service.ts';
import { type BusinessHoursStore, businessHoursStore } from './business-hours-store/business-hours-store.ts';
import { type CallbackModule, createCallbackModule } from './callbacks/module.ts';
import { type CallService, callService } from './calls/call-service.ts';
import { callStore } from './calls/call-store.ts';
import { type Clock, systemClock, type VirtualClock, virtualClock } from './clock/index.ts';
import { type Database, openDatabase } from './db/client.ts';
import type { RuntimeConfig } from './env.ts';
import { deliverEvent } from './interpreter/call.ts';
import { type PhoneNumberStore, phoneNumberStore } from './phone-numbers/phone-number-store.ts';
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
  callbacks: CallbackModule;
  seedReport: SeedReport;
  startedAt: number;
  /** Milliseconds spent opening (and migrating) the database and seeding, for the start-up log. */
  startup: { databaseMs: number; seedMs: number };
  close(): Promise<void>;
}

export async function createRuntime(config: RuntimeConfig): Promise<Runtime> {
  const startedAt = Date.now();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const databaseMs = Date.now() - startedAt;
  const virtual =
    config.clock === 'virtual' ? virtualClock(config.virtualClockStart ?? Date.now()) : undefined;
  const clock: Clock = virtual ?? systemClock();
  const now = () => clock.now();
  const { db } = handle;

  const applications = applicationStore(db, now);
  const phoneNumbers = phoneNumberStore(db, now);
  const businessHours = businessHoursStore(db, now);
  const callbacks = createCallbackModule({ db, clock, config, businessHours });
  const services = (tenantId: string): BlockServices => ({
    businessHours: {
      async status(name, atMs, timeZoneOverride) {
        const calendar = await businessHours.calendar(tenantId, name);
        return calendar?.status(atMs, timeZoneOverride);
      },
    },
    routing: callbacks.host.router(tenantId),
    callbacks: callbacks.blockServices(tenantId),
  });
  const calls = callService({ applications, phoneNumbers, store: callStore(db, now), clock, services });
  const auth = authService(db, clock, config.sessionIdleMinutes);
  const seedStart = Date.now();
  const seedReport = await seed({
    db,
    auth,
    applications,
    phoneNumbers,
    businessHours,
    callbacks,
    config,
    now,
  });
  // Route Call waits for `routed`; the simulator says when an agent took the call.
  callbacks.host.setOnRouted(({ tenantId, callId, agentId }) => {
    void calls
      .apply(tenantId, callId, async (state, env) => {
        await deliverEvent(state, 'routed', { agentId }, env);
      })
      .catch(() => undefined);
  });
  // An answered callback runs its queue's Callback application as a call.
  callbacks.engine.runApplicationsWith({ applications, services });
  await callbacks.host.syncAgents();
  if (config.engineEnabled) callbacks.engine.start();

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
    callbacks,
    seedReport,
    startedAt,
    startup: { databaseMs, seedMs: Date.now() - seedStart },
    async close() {
      if (timer) clearInterval(timer);
      stopListening?.();
      await callbacks.engine.stop();
      await handle.close();
    },
  };
}
