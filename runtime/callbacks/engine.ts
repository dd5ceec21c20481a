/**
 * The engine loop, driven by the Clock: on the system clock a timer ticks it; on a virtual clock
 * each advance does, and the advance waits until the work it started has settled (dials still
 * ringing wait for later advances). One tick: sync agents, move the simulator to now, promote
 * due callbacks, purge, dispatch, renew leases, delete expired records.
 */
import { asc } from 'drizzle-orm';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { callbackSettings } from '../db/schema.ts';
import { dispatcher } from './dispatcher.ts';
import type { QueueConfigs } from './queue-config.ts';
import { deleteExpired, promoteDue, purgeQueue } from './scheduler.ts';

const PURGE_EVERY_MS = 1000;
const RETENTION_EVERY_MS = 60_000;

export function callbackEngine(deps: {
  db: Database;
  clock: Clock;
  host: ContactCenterHost;
  queues: QueueConfigs;
  nodeId: string;
  tickMs: number;
}) {
  const { db, clock, host, queues, nodeId } = deps;
  const actor = `engine:${nodeId}`;
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error) => console.error(`[engine ${nodeId}]`, error));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };
  const dispatch = dispatcher({ db, host, nodeId, now: () => clock.now(), track });
  const configured = new Map<string, string>();
  let lastPurge = 0;
  let lastRetention = 0;
  let running: Promise<void> | undefined;

  async function settle(): Promise<void> {
    // Let dial results delivered by the simulator tick run, then wait for what they started.
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (inFlight.size === 0) return;
      await Promise.all([...inFlight]);
    }
  }

  async function once(): Promise<void> {
    const now = clock.now();
    await host.syncAgents();
    const keys = await db
      .select({ tenantId: callbackSettings.tenantId, virtualQueue: callbackSettings.virtualQueue })
      .from(callbackSettings)
      .orderBy(asc(callbackSettings.virtualQueue));
    const configs = (
      await Promise.all(keys.map((k) => queues.find(k.tenantId, k.virtualQueue).catch(() => undefined)))
    ).filter((c) => c !== undefined);
    for (const config of configs) {
      const { settings } = config;
      const signature = JSON.stringify([
        settings.skillExpression,
        settings.priorityInitial,
        settings.priorityIncrement,
        settings.priorityIntervalSeconds,
        settings.priorityLimit,
      ]);
      const name = settings.virtualQueue;
      if (configured.get(name) !== signature) {
        host.simulator.configureQueue(name, {
          skillExpression: settings.skillExpression,
          priorityInitial: settings.priorityInitial,
          aging: {
            increment: settings.priorityIncrement,
            intervalSeconds: settings.priorityIntervalSeconds,
            limit: settings.priorityLimit,
          },
        });
        configured.set(name, signature);
      }
    }
    host.tick();
    await settle();
    await promoteDue(db, now, actor);
    if (now - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = now;
      for (const config of configs) await purgeQueue(db, config, now, actor);
    }
    for (const config of configs) await dispatch.dispatchQueue(config);
    await settle();
    await dispatch.renewLeases();
    if (now - lastRetention >= RETENTION_EVERY_MS) {
      lastRetention = now;
      await deleteExpired(db, now);
    }
  }

  /** One tick; overlapping calls share the tick in progress. */
  function tick(): Promise<void> {
    running ??= once().finally(() => {
      running = undefined;
    });
    return running;
  }

  let timer: NodeJS.Timeout | undefined;
  let stopListening: (() => void) | undefined;
  return {
    tick,
    settle,
    start(): void {
      if (clock.kind === 'virtual') {
        stopListening = clock.onAdvance(async () => {
          await tick();
          // A second pass dispatches what the first one freed (answered dials, agents back to Ready).
          await tick();
        });
        return;
      }
      timer = setInterval(
        () => void tick().catch((error) => console.error(`[engine ${nodeId}]`, error)),
        deps.tickMs,
      );
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      stopListening?.();
      await running?.catch(() => undefined);
    },
  };
}

export type CallbackEngine = ReturnType<typeof callbackEngine>;
