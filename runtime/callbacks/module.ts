/**
 * Assembles the callback engine of one process: stores, booking, lifecycle, the contact-center
 * host (simulator + router) and the engine loop. runtime.ts creates one and exposes it.
 */
import type { CallbackServices } from '../../blocks/contract.ts';
import { agentStore } from '../agents/agent-store.ts';
import { contactCenterHost } from '../agents/contact-center-host.ts';
import { databaseLedger } from '../agents/dial-ledger.ts';
import type { BusinessHoursStore } from '../business-hours-store/business-hours-store.ts';
import type { Clock } from '../clock/index.ts';
import { settingsStore } from '../data-tables/settings-store.ts';
import type { Database } from '../db/client.ts';
import type { RuntimeConfig } from '../env.ts';
import { rulesStore } from '../rules-store/rules-store.ts';
import { callbackBlockServices } from './block-services.ts';
import { bookingService } from './booking.ts';
import { callbackEngine } from './engine.ts';
import { interactionHistory } from './interaction-history.ts';
import { callbackLifecycle } from './lifecycle.ts';
import { queueConfigs } from './queue-config.ts';

export function createCallbackModule(deps: {
  db: Database;
  clock: Clock;
  config: RuntimeConfig;
  businessHours: BusinessHoursStore;
}) {
  const { db, clock, config, businessHours } = deps;
  const now = () => clock.now();
  const rules = rulesStore(db, now);
  const settings = settingsStore(db, rules, now);
  const queues = queueConfigs({ db, businessHours, rules });
  const booking = bookingService({ db, queues, now });
  const lifecycle = callbackLifecycle({ db, queues, booking, now });
  const agents = agentStore(db, now);
  const host = contactCenterHost({
    clock,
    agents,
    dialDelayMs: config.simDialDelayMs,
    dialLedger: databaseLedger(db, config.nodeId),
    history: interactionHistory(db),
  });
  const engine = callbackEngine({
    db,
    clock,
    host,
    queues,
    nodeId: config.nodeId,
    region: config.region,
    tickMs: config.engineTickMs,
    leaseMs: config.engineLeaseMs,
  });
  return {
    rules,
    settings,
    queues,
    booking,
    lifecycle,
    agents,
    host,
    engine,
    blockServices: (tenantId: string): CallbackServices =>
      callbackBlockServices({ db, queues, booking, host, now }, tenantId),
  };
}

export type CallbackModule = ReturnType<typeof createCallbackModule>;
