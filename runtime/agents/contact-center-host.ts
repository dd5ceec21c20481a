/**
 * This process's contact-center simulator: agents mirrored from the agents table (re-read at each
 * sync, so a state set through any process applies here), driven by the runtime Clock, and the
 * router that Route Call uses (calls queue and wait; the `routed` event is delivered when an
 * agent takes them).
 *
 * On the system clock the simulator wakes itself at its next event (a dial outcome, an agent's
 * release), as a telephony adapter would deliver events when they happen, and tells the engine
 * (`onWake`) so freed agents are offered work at once. On a virtual clock only advances move it.
 *
 * Decision: each process simulates its own copy of the agents. A real telephony adapter would
 * share one contact center; the callback invariants (one dial per attempt, capacity, no lost
 * callback) are kept by the database, not by the simulator.
 */
import type { BlockServices, RouteResult } from '../../blocks/contract.ts';
import type { InteractionHistory } from '../callbacks/interaction-history.ts';
import type { Clock } from '../clock/index.ts';
import {
  type AgentDefinition,
  type Assignment,
  ContactCenterSimulator,
  checkSkillExpression,
  type DialKey,
  type DialLedger,
  type DialRequest,
  memoryLedger,
  type Release,
  type ScriptedOutcome,
  SimulatedTelephony,
} from '../contact-center/index.ts';
import type { AgentRow, AgentStore } from './agent-store.ts';

const agentKey = (row: Pick<AgentRow, 'tenantId' | 'id'>) => `${row.tenantId}/${row.id}`;

export interface RoutedCall {
  tenantId: string;
  callId: string;
  agentId: string;
}

export function contactCenterHost(deps: {
  clock: Clock;
  agents: AgentStore;
  dialDelayMs: number;
  /** Where the simulated telephony keeps its dials: the database, shared by every process. */
  dialLedger?: DialLedger;
  /** Where interactions taken by agents are recorded (the EWT's history). */
  history: InteractionHistory;
}) {
  const { clock, agents, history } = deps;
  const simulator = new ContactCenterSimulator({ startMs: clock.now(), seed: 1 });
  const known = new Map<string, string>();
  /** Route Call interactions waiting in the simulator: interaction id → tenant. */
  const waitingCalls = new Map<string, string>();
  const assignmentListeners = new Set<(assignment: Assignment) => void>();
  const releaseListeners = new Set<(release: Release) => void>();
  let onRouted: (routed: RoutedCall) => void = () => {};
  let justAssigned: Assignment | undefined;
  let routingNow: string | undefined;
  const scripted = new Set<string>();
  const wakeListeners = new Set<() => void>();
  let wakeTimer: NodeJS.Timeout | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;

  function moveToNow(): void {
    if (clock.now() > simulator.now()) simulator.tick(clock.now());
  }

  /** Sets the one timer for the simulator's next event (system clock only). */
  function scheduleWake(): void {
    if (clock.kind === 'virtual') return;
    const next = simulator.nextEventMs();
    if (next === null || next >= wakeAt) return;
    if (wakeTimer) clearTimeout(wakeTimer);
    wakeAt = next;
    wakeTimer = setTimeout(
      () => {
        wakeTimer = undefined;
        wakeAt = Number.POSITIVE_INFINITY;
        moveToNow();
        scheduleWake();
        for (const listener of wakeListeners) listener();
      },
      Math.max(0, next - clock.now()),
    );
    wakeTimer.unref();
  }

  const telephony = new SimulatedTelephony(simulator.dialer, deps.dialLedger ?? memoryLedger(), () =>
    scheduleWake(),
  );

  /** Reserved interactions of a tenant in conversation: id → when the agent took it. */
  const talking = new Map<string, number>();

  simulator.onAssigned((assignment) => {
    // The agent is now Busy until its handle time ends: an event to wake for.
    scheduleWake();
    const tenantId = waitingCalls.get(assignment.interactionId);
    const owner = assignment.tenantId ?? tenantId;
    if (owner !== undefined) {
      history.taken({
        tenantId: owner,
        virtualQueue: assignment.virtualQueue,
        interactionId: assignment.interactionId,
        kind: tenantId !== undefined ? 'call' : 'callback',
        enteredAt: assignment.atMs - assignment.waitedMs,
        assignedAt: assignment.atMs,
        agentId: assignment.agentId.split('/').pop() ?? assignment.agentId,
        agentsLoggedIn: assignment.agentsLoggedIn,
      });
      if (assignment.reserved) talking.set(assignment.interactionId, assignment.atMs);
    }
    if (tenantId !== undefined) {
      waitingCalls.delete(assignment.interactionId);
      // Assigned inside route(): the caller answers directly, no event.
      if (assignment.interactionId === routingNow) {
        justAssigned = assignment;
        return;
      }
      onRouted({ tenantId, callId: assignment.interactionId, agentId: assignment.agentId });
      return;
    }
    for (const listener of assignmentListeners) listener(assignment);
  });

  simulator.onReleased((release) => {
    const assignedAt = talking.get(release.interactionId);
    if (assignedAt !== undefined) {
      talking.delete(release.interactionId);
      history.ended({
        interactionId: release.interactionId,
        assignedAt,
        handledMs: release.handledMs,
        endedAt: release.atMs,
      });
    }
    for (const listener of releaseListeners) listener(release);
  });

  function define(row: AgentRow): AgentDefinition {
    const handle = row.handleTime as { seconds?: number };
    return {
      id: agentKey(row),
      name: row.name,
      skills: row.skills,
      handleTime: { kind: 'fixed', seconds: handle.seconds ?? 300 },
    };
  }

  return {
    simulator,
    history,
    /** The runtime clock's time (the simulator may not have been moved to it yet). */
    now: () => clock.now(),
    /** Applies the agents table to the simulator; a Busy agent keeps working and changes state after. */
    async syncAgents(): Promise<void> {
      for (const row of await agents.list()) {
        const key = agentKey(row);
        const signature = JSON.stringify([row.name, row.skills, row.handleTime]);
        if (!known.has(key)) {
          simulator.addAgent(define(row), row.state);
          known.set(key, signature);
          continue;
        }
        // Skills and handle time edited through any process apply here too.
        if (known.get(key) !== signature) {
          simulator.redefineAgent(define(row));
          known.set(key, signature);
        }
        const current = simulator.agent(key);
        if (current && current.state !== 'Busy' && current.state !== row.state)
          simulator.setAgentState(key, row.state);
      }
    },
    tick(): void {
      moveToNow();
      scheduleWake();
    },
    /** Called after the simulator woke itself for an event (system clock only). */
    onWake(listener: () => void): () => void {
      wakeListeners.add(listener);
      return () => wakeListeners.delete(listener);
    },
    /** Stops waking the simulator. */
    stop(): void {
      if (wakeTimer) clearTimeout(wakeTimer);
      wakeTimer = undefined;
    },
    onAssigned(listener: (assignment: Assignment) => void): () => void {
      assignmentListeners.add(listener);
      return () => assignmentListeners.delete(listener);
    },
    /** Conversations that ended (callbacks and routed calls alike). */
    onReleased(listener: (release: Release) => void): () => void {
      releaseListeners.add(listener);
      return () => releaseListeners.delete(listener);
    },
    /**
     * Dials attempt (callback, attempt) through the simulated telephony, at most once whichever
     * process asks; numbers without a scripted outcome answer after dialDelayMs.
     */
    dial(request: DialRequest) {
      const { number } = request;
      if (!scripted.has(number))
        simulator.dialer.setOutcome(number, { outcome: 'answer', afterMs: deps.dialDelayMs });
      // The dial starts now, not at the simulator's last event.
      if (clock.kind !== 'virtual') moveToNow();
      return telephony.dial(request);
    },
    /** What became of an attempt, whichever process dialled it: null when it was never dialled (and now never will be). */
    resolveDial(key: DialKey) {
      if (clock.kind !== 'virtual') moveToNow();
      return telephony.resolve(key);
    },
    /** Scripts the outcomes of dials to a number (tests, the simulator API). */
    script(number: string, outcomes: ScriptedOutcome[]): void {
      scripted.add(number);
      simulator.dialer.setOutcome(number, ...outcomes);
    },
    setOnRouted(listener: (routed: RoutedCall) => void): void {
      onRouted = listener;
    },
    router(tenantId: string): BlockServices['routing'] {
      return {
        async route(callId, request): Promise<RouteResult> {
          if (!request.virtualQueue)
            return { kind: 'error', code: 'RESOURCE_MISSING', message: 'no virtual queue given' };
          if (request.skillExpression) {
            const problem = checkSkillExpression(request.skillExpression);
            if (problem)
              return {
                kind: 'error',
                code: 'BLOCK_FAILED',
                message: `skill expression: ${problem.message} at ${problem.position}`,
              };
          }
          justAssigned = undefined;
          waitingCalls.set(callId, tenantId);
          simulator.withdraw(callId);
          routingNow = callId;
          const waiting = (() => {
            try {
              return simulator.enqueue({
                id: callId,
                tenantId,
                virtualQueue: request.virtualQueue,
                ...(request.skillExpression ? { skillExpression: request.skillExpression } : {}),
                priority: request.priority,
              });
            } finally {
              routingNow = undefined;
            }
          })();
          // Assigned during enqueue: answer at once instead of waiting for the event.
          const assigned = justAssigned as Assignment | undefined;
          if (assigned?.interactionId === callId)
            return { kind: 'routed', agentId: assigned.agentId, virtualQueue: request.virtualQueue };
          return { kind: 'queued', virtualQueue: request.virtualQueue, position: waiting.position };
        },
      };
    },
  };
}

export type ContactCenterHost = ReturnType<typeof contactCenterHost>;
