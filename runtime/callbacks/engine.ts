/**
 * The engine loop, driven by the Clock: on the system clock a timer ticks it; on a virtual clock
 * each advance does, and the advance waits until the work it started has settled (dials still
 * ringing wait for later advances). One tick: sync agents, move the simulator to now, promote
 * due callbacks, purge, dispatch, renew leases, delete expired records.
 *
 * On the system clock, dispatch also runs between ticks: whenever the simulator wakes for an event
 * (an agent freed, a dial settled), a dispatch pass offers the freed agents work at once, so a
 * callback's way from claim to agent is not paced by the tick. Passes never overlap: a wake during
 * a pass asks for one more pass after it.
 */
import { asc, gt } from 'drizzle-orm';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import { expireSessions } from '../call-in/customer-dials-in.ts';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { callbackSettings, runtimeNodes } from '../db/schema.ts';
import { pushUpcoming } from '../push/upcoming.ts';
import { pickRegion } from '../rules/region-affinity/index.ts';
import { dispatcher } from './dispatcher.ts';
import { callbackExecution } from './execution.ts';
import type { QueueConfig, QueueConfigs } from './queue-config.ts';
import { deleteExpired, promoteDue, purgeQueue } from './scheduler.ts';

const PURGE_EVERY_MS = 1000;
const UPCOMING_EVERY_MS = 5000;
const RETENTION_EVERY_MS = 60_000;
const CONFIG_EVERY_MS = 200;
const HEARTBEAT_EVERY_MS = 1000;
/** A process not heard from for this long no longer counts as a healthy node of its region. */
export const NODE_HEALTHY_MS = 10_000;

export function callbackEngine(deps: {
  db: Database;
  clock: Clock;
  host: ContactCenterHost;
  queues: QueueConfigs;
  nodeId: string;
  /** This process's region (RINGBACK_REGION), for queues with a region affinity rule. */
  region?: string;
  tickMs: number;
  /** Dispatch lease; LEASE_MS when not given. */
  leaseMs?: number;
}) {
  const { db, clock, host, queues, nodeId } = deps;
  const region = deps.region ?? 'default';
  const actor = `engine:${nodeId}`;
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error) => console.error(`[engine ${nodeId}]`, error));
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
  };
  const execution = callbackExecution({ db, nodeId, now: () => clock.now() });
  const dispatch = dispatcher({
    db,
    host,
    nodeId,
    now: () => clock.now(),
    track,
    execution,
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
  });
  const configured = new Map<string, string>();
  let lastPurge = 0;
  let lastUpcoming = 0;
  let lastRetention = 0;
  let running: Promise<void> | undefined;
  let lastRefresh: { at: number; configs: QueueConfig[]; dispatchable: QueueConfig[] } | undefined;
  let lastHeartbeat = Number.NEGATIVE_INFINITY;
  /** The dispatch pass in progress (tick or wake), and whether a wake asked for another. */
  let dispatching: Promise<void> | undefined;
  let passAgain = false;
  let stopped = false;
  // On the system clock the tick does not wait for dials and connections it started: they finish
  // on their own, and the next tick must not be held back by them (due time → dial latency).
  const settleInTick = () => (clock.kind === 'virtual' ? settle() : Promise.resolve());

  async function settle(): Promise<void> {
    // Let dial results delivered by the simulator tick run, then wait for what they started.
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (inFlight.size === 0) return;
      await Promise.all([...inFlight]);
    }
  }

  /** Agents and queue settings, re-read every tick on a virtual clock and every CONFIG_EVERY_MS on the system clock. */
  async function refresh(now: number): Promise<QueueConfig[]> {
    if (clock.kind !== 'virtual' && lastRefresh && now - lastRefresh.at < CONFIG_EVERY_MS)
      return lastRefresh.configs;
    await host.syncAgents();
    const keys = await db
      .select({ tenantId: callbackSettings.tenantId, virtualQueue: callbackSettings.virtualQueue })
      .from(callbackSettings)
      .orderBy(asc(callbackSettings.virtualQueue));
    const configs = (
      await Promise.all(keys.map((k) => queues.find(k.tenantId, k.virtualQueue).catch(() => undefined)))
    ).filter((c) => c !== undefined);
    const healthy = configs.some((c) => c.regionRule) ? await healthyRegions(now) : [];
    // A queue with a region affinity rule is dispatched only by the processes of the first
    // region in its order that has a healthy process.
    const dispatchable = configs.filter((c) => !c.regionRule || pickRegion(c.regionRule, healthy) === region);
    lastRefresh = { at: now, configs, dispatchable };
    return configs;
  }

  /** Says this process is alive (at most once a second) and reads the regions with a live process. */
  async function healthyRegions(now: number): Promise<string[]> {
    if (now - lastHeartbeat >= HEARTBEAT_EVERY_MS || now < lastHeartbeat) {
      lastHeartbeat = now;
      await db
        .insert(runtimeNodes)
        .values({ nodeId, region, seenAt: now })
        .onConflictDoUpdate({ target: runtimeNodes.nodeId, set: { region, seenAt: now } });
    }
    const rows = await db
      .selectDistinct({ region: runtimeNodes.region })
      .from(runtimeNodes)
      .where(gt(runtimeNodes.seenAt, now - NODE_HEALTHY_MS));
    return rows.map((r) => r.region);
  }

  async function once(): Promise<void> {
    const now = clock.now();
    const configs = await refresh(now);
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
    await settleInTick();
    await promoteDue(db, now, actor);
    if (now - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = now;
      for (const config of configs) await purgeQueue(db, config, now, actor);
      await endCallInSessions(now, configs);
    }
    if (now - lastUpcoming >= UPCOMING_EVERY_MS) {
      lastUpcoming = now;
      for (const config of configs) await pushUpcoming(db, host, config, now);
    }
    // Renewed before claiming, so a long virtual-clock jump never makes our own leases look expired.
    await dispatch.renewLeases();
    await dispatchPass(lastRefresh?.dispatchable ?? configs);
    await settleInTick();
    if (now - lastRetention >= RETENTION_EVERY_MS) {
      lastRetention = now;
      await deleteExpired(db, now);
    }
  }

  /** Call-in sessions past the Pushed Callback Expiry Time: their Callback application runs with `expired`. */
  async function endCallInSessions(now: number, configs: QueueConfig[]): Promise<void> {
    for (const session of await expireSessions(db, now, actor)) {
      const config = configs.find(
        (c) => c.tenantId === session.tenantId && c.settings.virtualQueue === session.virtualQueue,
      );
      if (config) track(execution.run(config, session, 'expired'));
    }
  }

  /** Dispatches every queue once; passes run one after another, never two at once. */
  async function dispatchPass(configs: QueueConfig[]): Promise<void> {
    while (dispatching) await dispatching;
    const pass = (async () => {
      for (const config of configs) await dispatch.dispatchQueue(config);
    })();
    dispatching = pass.finally(() => {
      dispatching = undefined;
    });
    await dispatching;
  }

  /** A dispatch pass as soon as possible, with the queue settings of the last tick. */
  function dispatchSoon(): void {
    if (stopped || !lastRefresh) return;
    if (dispatching) {
      passAgain = true;
      return;
    }
    const configs = lastRefresh.dispatchable;
    void dispatchPass(configs)
      .catch((error) => console.error(`[engine ${nodeId}]`, error))
      .finally(() => {
        if (!passAgain) return;
        passAgain = false;
        dispatchSoon();
      });
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
  let stopWaking: (() => void) | undefined;
  return {
    tick,
    settle,
    /** How answered callbacks start their Callback application (the call service, from runtime.ts). */
    runApplicationsWith: execution.use,
    /** Runs a queue's Callback application for a callback (a matched call-in: `connected`). */
    runApplication: execution.run,
    start(): void {
      if (clock.kind === 'virtual') {
        stopListening = clock.onAdvance(async () => {
          await tick();
          // A second pass dispatches what the first one freed (answered dials, agents back to Ready).
          await tick();
        });
        return;
      }
      stopWaking = host.onWake(dispatchSoon);
      timer = setInterval(
        () => void tick().catch((error) => console.error(`[engine ${nodeId}]`, error)),
        deps.tickMs,
      );
      timer.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      stopListening?.();
      stopWaking?.();
      host.stop();
      await running?.catch(() => undefined);
      await dispatching?.catch(() => undefined);
    },
  };
}

export type CallbackEngine = ReturnType<typeof callbackEngine>;
