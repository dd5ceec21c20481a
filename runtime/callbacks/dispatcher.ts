/**
 * Dispatch: when a Ready agent matches a queue's skill expression, claim the top waiting
 * callbacks (priority with aging, then age) with a lease, record the dial attempt BEFORE dialling
 * (its primary key makes a second dial of one attempt impossible, in any process), dial through
 * the telephony adapter keyed by (callback, attempt), and on answer run the queue's Callback
 * application (execution.ts) and route the customer to the next matching Ready agent.
 *
 * A lease expires `leaseMs` after its last renewal; callbacks of a process that died (still
 * ROUTING or PROCESSING with an expired lease) are claimed again by another process, which first
 * resolves the interrupted attempt through the telephony adapter: a dial still ringing is waited
 * for and its outcome used, an ended one's outcome is used (an answered customer is routed to an
 * agent, not rung again), and only an attempt that never reached the telephony — voided by the
 * resolution, so it never will — sends the callback back to the queue for a new attempt. So no
 * customer is dialled twice for one attempt, whichever process dies when.
 * Every statement is batched per queue and tick (claim, record) or per simulator burst (moves):
 * see leases.ts.
 */
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import { readyTop } from '../call-in/customer-dials-in.ts';
import type { AdapterDialResult, DialResult } from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { pushEvent } from '../push/push-events.ts';
import type { CallbackExecution } from './execution.ts';
import {
  abandonLease,
  type ClaimedCallback,
  claimDue,
  type LeasedMove,
  type LeaseOwner,
  moveBatcher,
  recordDials,
  renewLeases,
} from './leases.ts';
import { checkNumber } from './number-check.ts';
import type { QueueConfig } from './queue-config.ts';

export const LEASE_MS = 30_000;

export interface DispatchDeps {
  db: Database;
  host: ContactCenterHost;
  nodeId: string;
  now: () => number;
  leaseMs?: number;
  /** Runs the queue's Callback application on answer. */
  execution?: CallbackExecution;
  /** Work started by the dispatcher, so a virtual-clock advance can wait for it. */
  track: (work: Promise<unknown>) => void;
}

export function dispatcher(deps: DispatchDeps) {
  const { db, host, nodeId, now, track } = deps;
  const owner: LeaseOwner = { db, nodeId, leaseMs: deps.leaseMs ?? LEASE_MS };
  const move = moveBatcher(owner, now);
  /** Callbacks this process is dialling, per queue. */
  const dialling = new Map<string, Set<string>>();
  /** Answered callbacks waiting in the simulator for an agent: callback id → tenant. */
  const connecting = new Map<string, string>();
  /** Callbacks whose customer is talking to an agent (still PROCESSING): id → the agent's move. */
  const talking = new Map<string, Promise<boolean>>();
  let lastRenewal = Number.NEGATIVE_INFINITY;

  // PROCESSING lasts the agent's whole conversation (the guide): the agent is recorded when it
  // takes the customer, and the callback is COMPLETED when the conversation ends.
  host.onAssigned((assignment) => {
    if (!connecting.delete(assignment.interactionId)) return;
    const assigned = move({
      id: assignment.interactionId,
      from: 'PROCESSING',
      to: 'PROCESSING',
      reason: 'AGENT_ASSIGNED',
      agentId: assignment.agentId.split('/').pop() ?? assignment.agentId,
    });
    talking.set(assignment.interactionId, assigned);
    track(assigned);
  });
  host.onReleased((release) => {
    const assigned = talking.get(release.interactionId);
    if (!assigned) return;
    talking.delete(release.interactionId);
    // After the agent's move: one batch holds one move per callback.
    track(
      assigned
        .catch(() => false)
        .then(() =>
          move({ id: release.interactionId, from: 'PROCESSING', to: 'COMPLETED', reason: 'AGENT_CONNECTED' }),
        ),
    );
  });

  /** The attempt ended without reaching an agent: retry after the delay, or give up after the last one. */
  function failedAttempt(config: QueueConfig, row: ClaimedCallback, outcome: string): LeasedMove {
    const last = row.attempts >= config.settings.maxDialAttempts;
    return last
      ? { id: row.id, from: 'ROUTING', to: 'COMPLETED', reason: 'FAIL_CALL_TO_CUSTOMER' }
      : {
          id: row.id,
          from: 'ROUTING',
          to: 'QUEUED',
          reason: `ATTEMPT_FAILED_${outcome.toUpperCase()}`,
          nextAttemptAt: now() + config.settings.retryDelaySeconds * 1000,
        };
  }

  async function afterDial(config: QueueConfig, row: ClaimedCallback, result: DialResult): Promise<void> {
    const dial = { attempt: row.attempts, outcome: result.outcome, endedAt: result.endedMs };
    if (result.outcome !== 'answer') {
      const failed = failedAttempt(config, row, result.outcome);
      if (await move({ ...failed, ...dial }))
        await pushEvent(
          db,
          [row.id],
          failed.to === 'COMPLETED' ? 'CALLBACK_FINAL_ATTEMPT_FAILED' : 'CALLBACK_ATTEMPT_FAILED',
          now(),
        );
      return;
    }
    const answered = await move({
      id: row.id,
      from: 'ROUTING',
      to: 'PROCESSING',
      reason: 'CUSTOMER_ANSWERED',
      ...dial,
    });
    if (!answered) return;
    // The application's flow runs between the answer and the agent (e.g. a message first).
    await deps.execution?.run(config, row);
    connect(config, row);
  }

  /** The answered customer waits for the next matching Ready agent. */
  function connect(config: QueueConfig, row: ClaimedCallback): void {
    connecting.set(row.id, row.tenantId);
    host.simulator.withdraw(row.id);
    host.simulator.enqueue({
      id: row.id,
      tenantId: row.tenantId,
      virtualQueue: config.settings.virtualQueue,
      skillExpression: config.settings.skillExpression,
      priority: config.settings.priorityLimit,
    });
  }

  /**
   * A callback whose owner died: what became of its attempt is asked of the telephony, which
   * holds every dial whichever process started it, before anything is dialled.
   */
  async function takeOver(config: QueueConfig, row: ClaimedCallback): Promise<void> {
    const result = await host.resolveDial({ callbackId: row.id, attempt: row.attempts });
    if (result === null) {
      // Never dialled, and voided so it never will be: a new attempt, due now.
      await move({
        id: row.id,
        from: row.previous,
        to: 'QUEUED',
        reason: 'ATTEMPT_NOT_DIALLED',
        nextAttemptAt: now(),
      });
      return;
    }
    // Answered before its owner died: the customer is on the line, waiting for an agent.
    if (row.previous === 'PROCESSING') connect(config, row);
    else await afterDial(config, row, result);
  }

  /** A dial of ours; `voided` means another process resolved this attempt first and holds it now. */
  function heard(config: QueueConfig, row: ClaimedCallback, result: AdapterDialResult): Promise<void> {
    if (result.outcome === 'voided') return Promise.resolve();
    return afterDial(config, row, result as DialResult);
  }

  /** Checks and records the claimed attempts, then starts their dials (not awaited: they ring in simulated time). */
  async function dialClaimed(config: QueueConfig, claimed: ClaimedCallback[], active: Set<string>) {
    const toDial: ClaimedCallback[] = [];
    const ended: Promise<unknown>[] = [];
    for (const row of claimed) {
      if (row.previous !== 'QUEUED') {
        active.add(row.id);
        track(
          takeOver(config, row)
            .catch(() => abandonLease(owner, row.id, now()))
            .finally(() => void active.delete(row.id)),
        );
      }
      // A callback whose attempts are used up ends here.
      else if (row.attempts > config.settings.maxDialAttempts)
        ended.push(move({ id: row.id, from: 'ROUTING', to: 'COMPLETED', reason: 'FAIL_CALL_TO_CUSTOMER' }));
      // The number is checked again before each dial: the rule may have changed since booking.
      else if (!checkNumber(config, row.phoneNumber).ok)
        ended.push(move({ id: row.id, from: 'ROUTING', to: 'COMPLETED', reason: 'FAIL_NUMBER_BLOCKED' }));
      else toDial.push(row);
    }
    const recorded = await recordDials(owner, toDial, now());
    for (const row of toDial) {
      if (!recorded.has(row.id)) {
        ended.push(move(failedAttempt(config, row, 'lost')));
        continue;
      }
      active.add(row.id);
      const done = () => void active.delete(row.id);
      void host.dial({ callbackId: row.id, attempt: row.attempts, number: row.phoneNumber }).then(
        (result) => {
          track(
            heard(config, row, result)
              .catch(() => move(failedAttempt(config, row, 'error')))
              .finally(done),
          );
        },
        () => {
          // Whether the telephony took the dial is unknown (e.g. its store failed): the lease is
          // given up, and the takeover that follows resolves the attempt (voided, or its outcome).
          track(abandonLease(owner, row.id, now()).finally(done));
        },
      );
    }
    await Promise.all(ended);
  }

  return {
    /** Claims and dials as many callbacks of the queue as it has matching Ready agents not already triggered. */
    async dispatchQueue(config: QueueConfig): Promise<number> {
      const vq = `${config.tenantId}/${config.settings.virtualQueue}`;
      const active = dialling.get(vq) ?? new Set<string>();
      dialling.set(vq, active);
      const { ready } = host.simulator.agentsMatching(config.settings.skillExpression);
      // Click-To-Call-In delayed: the customer dials in; the callback is only made ready.
      if (config.settings.callDirection === 'USERORIGINATED')
        return (await readyTop(db, config, ready, now(), `engine:${nodeId}`)).length;
      const room = ready - active.size;
      if (room <= 0) return 0;
      const claimed = await claimDue(owner, config, now(), room);
      if (claimed.length > 0) await dialClaimed(config, claimed, active);
      return claimed.length;
    },
    /** Keeps this process's leases alive: a few times a lease, not every tick. */
    async renewLeases(): Promise<void> {
      const at = now();
      if (at - lastRenewal < owner.leaseMs / 4) return;
      lastRenewal = at;
      await renewLeases(owner, at);
    },
  };
}

export type Dispatcher = ReturnType<typeof dispatcher>;
