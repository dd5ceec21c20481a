/**
 * Dispatch: when a Ready agent matches a queue's skill expression, claim the top waiting
 * callbacks (priority with aging, then age) with a lease, record the dial attempt BEFORE dialling
 * (its primary key makes a second dial of one attempt impossible, in any process), dial, and on
 * answer route the customer to the next matching Ready agent.
 *
 * A lease expires LEASE_MS after its last renewal; callbacks of a process that died (still
 * ROUTING or PROCESSING with an expired lease) are claimed again by another process, and their
 * interrupted attempt counts as failed: a new attempt number is used, never the same one.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { DialResult } from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { callbackAudit, callbacks, dialAttempts } from '../db/schema.ts';
import { type CallbackRow, transition } from './callback-store.ts';
import { checkNumber } from './number-check.ts';
import type { QueueConfig } from './queue-config.ts';

export const LEASE_MS = 30_000;

export interface DispatchDeps {
  db: Database;
  host: ContactCenterHost;
  nodeId: string;
  now: () => number;
  /** Work started by the dispatcher, so a virtual-clock advance can wait for it. */
  track: (work: Promise<unknown>) => void;
}

export function dispatcher(deps: DispatchDeps) {
  const { db, host, nodeId, now, track } = deps;
  const actor = `engine:${nodeId}`;
  /** Callbacks this process is dialling, per queue. */
  const dialling = new Map<string, Set<string>>();
  /** Answered callbacks waiting in the simulator for an agent: callback id → tenant. */
  const connecting = new Map<string, string>();
  const mine = sql`${callbacks.leaseOwner} = ${nodeId}`;

  host.onAssigned((assignment) => {
    const tenantId = connecting.get(assignment.interactionId);
    if (tenantId === undefined) return;
    connecting.delete(assignment.interactionId);
    track(
      transition(db, assignment.interactionId, {
        from: ['PROCESSING'],
        to: 'COMPLETED',
        reason: 'AGENT_CONNECTED',
        actor,
        at: assignment.atMs,
        set: { agentId: assignment.agentId.split('/').pop() ?? assignment.agentId },
        where: mine,
      }),
    );
  });

  async function claim(config: QueueConfig, limit: number): Promise<CallbackRow[]> {
    const { settings, tenantId } = config;
    const at = now();
    const aged = sql`case when priority >= ${settings.priorityLimit}::int then priority else least(${settings.priorityLimit}::int, priority + floor((${at}::bigint - coalesce(queued_at, ${at}::bigint)) / (${settings.priorityIntervalSeconds * 1000})::float8) * ${settings.priorityIncrement}) end`;
    const result = await db.execute(sql`
      update callbacks set state = 'ROUTING', lease_owner = ${nodeId}, lease_until = ${at + LEASE_MS},
        attempts = attempts + 1, updated_at = ${at}
      where id in (
        select id from callbacks
        where tenant_id = ${tenantId} and virtual_queue = ${settings.virtualQueue}
          and ((state = 'QUEUED' and next_attempt_at <= ${at})
            or (state in ('ROUTING', 'PROCESSING') and lease_until < ${at}))
        order by ${aged} desc, queued_at asc, id
        limit ${limit}
        for update skip locked)
      returning id, state, attempts, phone_number as "phoneNumber", virtual_queue as "virtualQueue", tenant_id as "tenantId", priority`);
    const claimed = rows<CallbackRow & { previous: CallbackRow['state'] }>(result);
    if (claimed.length > 0)
      await db.insert(callbackAudit).values(
        claimed.map((row) => ({
          callbackId: row.id,
          at,
          fromState: 'QUEUED',
          toState: 'ROUTING',
          reason: `DIAL_ATTEMPT_${row.attempts}`,
          actor,
        })),
      );
    return claimed;
  }

  async function finishAttempt(config: QueueConfig, row: CallbackRow, outcome: string): Promise<void> {
    const at = now();
    const last = row.attempts >= config.settings.maxDialAttempts;
    await transition(db, row.id, {
      from: ['ROUTING'],
      to: last ? 'COMPLETED' : 'QUEUED',
      reason: last ? 'FAIL_CALL_TO_CUSTOMER' : `ATTEMPT_FAILED_${outcome.toUpperCase()}`,
      actor,
      at,
      where: mine,
      set: last
        ? {}
        : {
            nextAttemptAt: at + config.settings.retryDelaySeconds * 1000,
            leaseOwner: null,
            leaseUntil: null,
          },
    });
  }

  /**
   * Checks, records and starts one dial. Resolves once the dial has started; `done` is called when
   * the outcome has been handled (that part waits for the simulator's time, so it is not awaited).
   */
  async function dialOne(config: QueueConfig, row: CallbackRow, done: () => void): Promise<void> {
    const at = now();
    // The number is checked again before each dial: the rule may have changed since booking.
    const check = checkNumber(config, row.phoneNumber);
    if (!check.ok) {
      await transition(db, row.id, {
        from: ['ROUTING'],
        to: 'COMPLETED',
        reason: 'FAIL_NUMBER_BLOCKED',
        actor,
        at,
        where: mine,
      });
      return done();
    }
    const recorded = await db
      .insert(dialAttempts)
      .values({ callbackId: row.id, attempt: row.attempts, nodeId, startedAt: at })
      .onConflictDoNothing()
      .returning({ attempt: dialAttempts.attempt });
    if (recorded.length === 0) {
      await finishAttempt(config, row, 'lost');
      return done();
    }
    void host.dial(row.phoneNumber).then((result) => {
      track(
        afterDial(config, row, result)
          .catch(() => finishAttempt(config, row, 'error'))
          .finally(done),
      );
    });
  }

  async function afterDial(config: QueueConfig, row: CallbackRow, result: DialResult): Promise<void> {
    await db
      .update(dialAttempts)
      .set({ outcome: result.outcome, endedAt: result.endedMs })
      .where(and(eq(dialAttempts.callbackId, row.id), eq(dialAttempts.attempt, row.attempts)));
    if (result.outcome !== 'answer') return finishAttempt(config, row, result.outcome);
    const answered = await transition(db, row.id, {
      from: ['ROUTING'],
      to: 'PROCESSING',
      reason: 'CUSTOMER_ANSWERED',
      actor,
      at: now(),
      where: mine,
    });
    if (!answered) return;
    connecting.set(row.id, row.tenantId);
    host.simulator.enqueue({
      id: row.id,
      virtualQueue: config.settings.virtualQueue,
      skillExpression: config.settings.skillExpression,
      priority: config.settings.priorityLimit,
    });
  }

  return {
    /** Claims and dials as many callbacks of the queue as it has matching Ready agents not already triggered. */
    async dispatchQueue(config: QueueConfig): Promise<number> {
      const vq = `${config.tenantId}/${config.settings.virtualQueue}`;
      const active = dialling.get(vq) ?? new Set<string>();
      dialling.set(vq, active);
      const { ready } = host.simulator.agentsMatching(config.settings.skillExpression);
      const room = ready - active.size;
      if (room <= 0) return 0;
      const claimed = await claim(config, room);
      for (const row of claimed) {
        // A taken-over callback whose attempts are used up ends here.
        if (row.attempts > config.settings.maxDialAttempts) {
          await finishAttempt(config, { ...row, attempts: config.settings.maxDialAttempts }, 'lost');
          continue;
        }
        active.add(row.id);
        const done = () => void active.delete(row.id);
        track(dialOne(config, row, done).catch(() => finishAttempt(config, row, 'error').finally(done)));
      }
      return claimed.length;
    },
    /** Keeps this process's leases alive. */
    async renewLeases(): Promise<void> {
      const at = now();
      await db
        .update(callbacks)
        .set({ leaseUntil: at + LEASE_MS })
        .where(and(mine, sql`${callbacks.state} in ('ROUTING', 'PROCESSING')`));
    },
  };
}

export type Dispatcher = ReturnType<typeof dispatcher>;
