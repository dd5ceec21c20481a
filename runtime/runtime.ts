/**
 * Assembles one runtime process: database, clock, stores, call service and background timers.
 * `createRuntime` is what `ringback serve`, the tests and the benchmarks all start.
 */
import type { BlockServices } from '../blocks/contract.ts';
import { type ApplicationStore, applicationStore } from './applications/application-store.ts';
import { tenantContext } from './applications/tenant-context.ts';
import { type AuthService, authService } from './auth/auth-service.ts';
import { type GuessThrottle, guessThrottle } from './auth/guess-throttle.ts';
import { type BusinessHoursStore, businessHoursStore } from './business-hours-store/business-hours-store.ts';
import { type CallInModule, createCallInModule } from './call-in/module.ts';
import { type CallbackModule, createCallbackModule } from './callbacks/module.ts';
import { type CallService, callService } from './calls/call-service.ts';
import { callStore } from './calls/call-store.ts';
import { type Recaptcha, recaptcha } from './captcha/recaptcha.ts';
import { type Clock, systemClock, type VirtualClock, virtualClock } from './clock/index.ts';
import { type Database, type DatabaseHandle, openDatabase } from './db/client.ts';
import type { RuntimeConfig } from './env.ts';
import { deliverEvent } from './interpreter/call.ts';
import { type PhoneNumberStore, phoneNumberStore } from './phone-numbers/phone-number-store.ts';
import { createPushModule, type PushModule } from './push/module.ts';
import { type SeedReport, seed } from './seed/seed.ts';

export interface Runtime {
  config: RuntimeConfig;
  db: Database;
  dbKind: 'postgres' | 'pglite';
  clock: Clock;
  virtualClock: VirtualClock | undefined;
  auth: AuthService;
  /** Login and API-key guesses, counted per account and client address across processes. */
  guesses: GuessThrottle;
  applications: ApplicationStore;
  phoneNumbers: PhoneNumberStore;
  businessHours: BusinessHoursStore;
  calls: CallService;
  callbacks: CallbackModule;
  callIn: CallInModule;
  /** Push notifications (outbox worker, FCM) and the Developer tab's credentials. */
  push: PushModule;
  /** reCAPTCHA checks of the GES callback operations. */
  captcha: Recaptcha;
  /**
   * First-start seeding (tenant, admin, API key, examples), after which the callback engine
   * starts. Settled when createRuntime returns unless it was told not to wait.
   */
  seeded: Promise<SeedReport>;
  startedAt: number;
  /** Milliseconds spent opening the database and seeding, for the start-up log. */
  startup: { database: DatabaseHandle['timings']; seedMs: number | undefined };
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /**
   * Return before seeding finishes (default false). `ringback serve` does, so /readyz answers
   * once the database is migrated; it holds other requests until `seeded` settles.
   */
  seedInBackground?: boolean;
}

export async function createRuntime(config: RuntimeConfig, options: RuntimeOptions = {}): Promise<Runtime> {
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
  const callbacks = createCallbackModule({ db, clock, config, businessHours });
  const push = createPushModule({ db, clock, config });
  const captcha = recaptcha({ db, credentials: push.credentials, verifyUrl: config.recaptchaVerifyUrl, now });
  const callIn = createCallInModule({ db, clock, callbacks, onPush: () => void push.worker.kick() });
  const services = (tenantId: string): BlockServices => ({
    businessHours: {
      async status(name, atMs, timeZoneOverride) {
        const calendar = await businessHours.calendar(tenantId, name);
        return calendar?.status(atMs, timeZoneOverride);
      },
    },
    routing: callbacks.host.router(tenantId),
    callbacks: callbacks.blockServices(tenantId),
    callIn: callIn.blockServices(tenantId),
  });
  const calls = callService({
    applications,
    phoneNumbers,
    store: callStore(db, now),
    clock,
    services,
    tenantContext: (tenantId) => tenantContext({ applications, businessHours, callbacks }, tenantId),
  });
  const auth = authService(db, clock, config.sessionIdleMinutes);
  const guesses = guessThrottle(db, config);
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
  const startup: Runtime['startup'] = { database: handle.timings, seedMs: undefined };
  const seeded = (async () => {
    // In the background, begin on a later turn: `serve` is listening by then.
    if (options.seedInBackground) await new Promise((resolve) => setImmediate(resolve));
    const seedStart = Date.now();
    // Processes starting together seed one after the other; the later ones find it all there.
    const report = await handle.exclusively(() =>
      seed({ db, auth, applications, phoneNumbers, businessHours, callbacks, config, now }),
    );
    startup.seedMs = Date.now() - seedStart;
    // The engine works from the agents and queues the seed may just have added.
    await callbacks.host.syncAgents();
    if (config.engineEnabled) callbacks.engine.start();
    // After the engine: on a virtual clock an advance sends what the engine's tick just wrote.
    push.worker.start();
    return report;
  })();
  // Whoever awaits `seeded` sees a failure; this only keeps it from being an unhandled rejection.
  seeded.catch(() => undefined);
  if (!options.seedInBackground) await seeded;

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
    guesses,
    applications,
    phoneNumbers,
    businessHours,
    calls,
    callbacks,
    callIn,
    push,
    captcha,
    seeded,
    startedAt,
    startup,
    async close() {
      if (timer) clearInterval(timer);
      stopListening?.();
      await seeded.catch(() => undefined);
      await callbacks.engine.stop();
      await push.worker.stop();
      await handle.close();
    },
  };
}
