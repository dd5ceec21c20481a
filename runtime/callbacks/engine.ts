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
import { asc, gt, sql } from 'drizzle-orm';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import { expireSessions, failUndeliveredSessions } from '../call-in/customer-dials-in.ts';
import type { Clock, VirtualClock, WakeHint } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { callbackSettings, runtimeNodes } from '../db/schema.ts';
import { logFailure } from '../log/failure.ts';
import { pushUpcoming } from '../push/upcoming.ts';
import { quarterOf, recordEwtSamples } from '../queue-monitor/ewt-samples.ts';
import { pickRegion } from '../rules/region-affinity/index.ts';
import { dispatcher } from './dispatcher.ts';
import { callbackExecution } from './execution.ts';
import type { QueueConfig, QueueConfigs } from './queue-config.ts';
import { queueFaults } from './queue-faults.ts';
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
  /** Where a failing queue is reported (once per interval); console.error when not given. */
  reportQueueFault?: (line: string) => void;
}) {
  const { db, clock, host, queues, nodeId } = deps;
  const region = deps.region ?? 'default';
  const actor = `engine:${nodeId}`;
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error) => logFailure(`engine ${nodeId}`, error));
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
  // One queue's failure (a bad row, missing hours) skips that queue only: see queue-faults.ts.
  const faults = queueFaults({
    nodeId,
    now: () => clock.now(),
    ...(deps.reportQueueFault ? { report: deps.reportQueueFault } : {}),
  });
  const configured = new Map<string, string>();
  let lastPurge = 0;
  let lastUpcoming = 0;
  let lastRetention = 0;
  /** The quarter hour whose EWT samples this process took (the Monitor's EWT over the day). */
  let lastEwtSample = Number.NEGATIVE_INFINITY;
  let running: Promise<void> | undefined;
  /** The settings read and the upkeep round in progress beside the ticks (system clock). */
  let refreshing: Promise<QueueConfig[]> | undefined;
  let upkeeping: Promise<void> | undefined;
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
      if (inFlight.size === 0) break;
      await Promise.all([...inFlight]);
    }
    // The queue history the next estimates read.
    await host.history.written();
  }

  /**
   * Agents and queue settings: re-read every tick on a virtual clock. On the system clock they are
   * re-read every CONFIG_EVERY_MS beside the tick, which meanwhile uses the last ones read: the
   * reads take several round trips, which would otherwise delay the dials of that tick.
   */
  async function configsNow(now: number): Promise<QueueConfig[]> {
    if (clock.kind === 'virtual' || !lastRefresh) return refresh(now);
    if (now - lastRefresh.at >= CONFIG_EVERY_MS && !refreshing) {
      const last = lastRefresh;
      refreshing = refresh(now)
        .catch((error: unknown) => {
          logFailure(`engine ${nodeId} reading queue settings`, error);
          return last.configs;
        })
        .finally(() => {
          refreshing = undefined;
        });
    }
    return lastRefresh.configs;
  }

  async function refresh(now: number): Promise<QueueConfig[]> {
    await host.syncAgents();
    const keys = await db
      .select({ tenantId: callbackSettings.tenantId, virtualQueue: callbackSettings.virtualQueue })
      .from(callbackSettings)
      .orderBy(asc(callbackSettings.virtualQueue));
    const configs = (
      await Promise.all(
        keys.map((k) =>
          faults.guard(k, 'reading its configuration', () => queues.find(k.tenantId, k.virtualQueue)),
        ),
      )
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

  /** Tells the simulator a queue's skill expression and priority aging, when they changed. */
  function configureQueue(config: QueueConfig): void {
    const { settings } = config;
    const signature = JSON.stringify([
      settings.skillExpression,
      settings.priorityInitial,
      settings.priorityIncrement,
      settings.priorityIntervalSeconds,
      settings.priorityLimit,
    ]);
    const name = settings.virtualQueue;
    if (configured.get(name) === signature) return;
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

  async function once(): Promise<void> {
    const now = clock.now();
    const configs = await configsNow(now);
    const usable = new Set<QueueConfig>();
    for (const config of configs) {
      const ok = await faults.guard(queueOf(config), 'configuring the contact center', () => {
        configureQueue(config);
        return true;
      });
      if (ok) usable.add(config);
    }
    host.tick();
    await settleInTick();
    await promoteDue(db, now, actor);
    // On a virtual clock everything a tick does happens at its instant, in order. On the system
    // clock the upkeep (purge, expired call-ins, upcoming pushes, samples, retention) runs beside
    // the ticks, one round at a time, so it never stands between a due callback and its dial.
    const virtual = clock.kind === 'virtual';
    if (virtual) await upkeepBeforeDispatch(now, configs, usable);
    // Renewed before claiming, so a long virtual-clock jump never makes our own leases look expired.
    await dispatch.renewLeases();
    await dispatchPass((lastRefresh?.dispatchable ?? configs).filter((c) => usable.has(c)));
    await settleInTick();
    if (virtual) await upkeepAfterDispatch(now, usable);
    else
      upkeeping ??= (async () => {
        await upkeepBeforeDispatch(now, configs, usable);
        await upkeepAfterDispatch(now, usable);
      })()
        .catch((error: unknown) => logFailure(`engine ${nodeId} upkeep`, error))
        .finally(() => {
          upkeeping = undefined;
        });
  }

  async function upkeepBeforeDispatch(now: number, configs: QueueConfig[], usable: Set<QueueConfig>) {
    if (now - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = now;
      for (const config of usable)
        await faults.guard(queueOf(config), 'purging', () => purgeQueue(db, config, now, actor));
      await endCallInSessions(now, configs);
    }
    if (now - lastUpcoming >= UPCOMING_EVERY_MS) {
      lastUpcoming = now;
      for (const config of usable)
        await faults.guard(queueOf(config), 'pushing upcoming callbacks', () =>
          pushUpcoming(db, host, config, now),
        );
    }
  }

  async function upkeepAfterDispatch(now: number, usable: Set<QueueConfig>) {
    if (quarterOf(now) !== lastEwtSample) {
      lastEwtSample = quarterOf(now);
      // A chart's figure: a failure is logged and the callbacks carry on.
      await recordEwtSamples(db, host, [...usable], now).catch((error) =>
        logFailure(`engine ${nodeId} EWT samples`, error),
      );
    }
    if (now - lastRetention >= RETENTION_EVERY_MS) {
      lastRetention = now;
      await deleteExpired(db, now);
    }
  }

  /**
   * Call-in sessions past the Pushed Callback Expiry Time run their Callback application with
   * `expired`; those whose CALLBACK_READY could not be delivered, with `failed`.
   */
  async function endCallInSessions(now: number, configs: QueueConfig[]): Promise<void> {
    const ended = [
      ...(await expireSessions(db, now, actor)).map((session) => ({ session, result: 'expired' as const })),
      ...(await failUndeliveredSessions(db, now, actor)).map((session) => ({
        session,
        result: 'failed' as const,
      })),
    ];
    for (const { session, result } of ended) {
      const config = configs.find(
        (c) => c.tenantId === session.tenantId && c.settings.virtualQueue === session.virtualQueue,
      );
      if (config) track(execution.run(config, session, result));
    }
  }

  /** Dispatches every queue once; passes run one after another, never two at once. */
  async function dispatchPass(configs: QueueConfig[]): Promise<void> {
    while (dispatching) await dispatching;
    const pass = (async () => {
      for (const config of configs)
        await faults.guard(queueOf(config), 'dispatching', () => dispatch.dispatchQueue(config));
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
      .catch((error) => logFailure(`engine ${nodeId}`, error))
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

  /**
   * On a virtual clock, where the engine has work: due now (callbacks waiting to be promoted or
   * dialled, simulator events not yet applied), and the next instant something becomes due (a dial
   * ends, an agent is freed, a retry or a scheduled callback is due). The clock stops there, so a
   * long jump dispatches at the instants shorter ones would.
   */
  async function wakeHint(now: number): Promise<WakeHint> {
    const [due] = rows<{ dueNow: boolean; nextMs: string | number | null }>(
      await db.execute(sql`
        select (exists (select 1 from callbacks where state = 'QUEUED' and next_attempt_at <= ${now}::bigint)
            or exists (select 1 from callbacks where state = 'SCHEDULED' and desired_time <= ${now}::bigint))
            as "dueNow",
          least((select min(next_attempt_at) from callbacks where state = 'QUEUED' and next_attempt_at > ${now}::bigint),
            (select min(desired_time) from callbacks where state = 'SCHEDULED' and desired_time > ${now}::bigint))
            as "nextMs"`),
    );
    const event = host.simulator.nextEventMs();
    const stored = due?.nextMs === null || due?.nextMs === undefined ? null : Number(due.nextMs);
    const later = [stored, event].filter((ms): ms is number => ms !== null && ms > now);
    return {
      dueNow: Boolean(due?.dueNow) || (event !== null && event <= now),
      nextMs: later.length ? Math.min(...later) : null,
    };
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
        const listening = clock.onAdvance(async () => {
          await tick();
          // A second pass dispatches what the first one freed (answered dials, agents back to Ready).
          await tick();
        });
        const waking = (clock as VirtualClock).addWakeSource((now) =>
          stopped ? { dueNow: false, nextMs: null } : wakeHint(now),
        );
        stopListening = () => {
          listening();
          waking();
        };
        return;
      }
      stopWaking = host.onWake(dispatchSoon);
      timer = setInterval(
        () => void tick().catch((error) => logFailure(`engine ${nodeId}`, error)),
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
      await refreshing;
      await upkeeping;
    },
  };
}

const queueOf = (config: QueueConfig) => ({
  tenantId: config.tenantId,
  virtualQueue: config.settings.virtualQueue,
});

export type CallbackEngine = ReturnType<typeof callbackEngine>;
