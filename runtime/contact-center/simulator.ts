/**
 * A deterministic contact center: agents, virtual queues, routing and a dialer, driven only by
 * `tick(nowMs)` (or a virtual Clock through `driveWithClock`). Same seed and same calls give the
 * same run. Routing happens when an interaction arrives, when an agent becomes Ready, and at each
 * event inside a tick: the longest-idle Ready agent takes the top interaction it matches.
 */
import type { Clock } from '../clock/index.ts';
import { type AgentDefinition, type AgentSnapshot, type AgentState, sampleHandleTimeMs } from './agents.ts';
import type {
  Assignment,
  ContactCenter,
  InteractionRequest,
  QueueConfig,
  Release,
  WaitingInteraction,
} from './contact-center.ts';
import { SimulatedDialer } from './dialer.ts';
import { type Departure, EWT_HISTORY, type EwtMode, type EwtResult, estimateWaitTime } from './ewt.ts';
import { agedPriority, NO_AGING } from './priority.ts';
import { seededRandom } from './random.ts';
import { matchesSkills, parseSkillExpression, type SkillExpression } from './skill-expression.ts';

interface Queued {
  request: InteractionRequest;
  expression: SkillExpression;
  initialPriority: number;
  enqueuedMs: number;
  seq: number;
}

interface QueueState {
  config: QueueConfig;
  expression: SkillExpression;
  departures: Departure[];
  handleTimesSeconds: number[];
}

const DEFAULT_QUEUE: QueueConfig = { skillExpression: '', priorityInitial: 1, aging: NO_AGING };

export class ContactCenterSimulator implements ContactCenter {
  readonly dialer: SimulatedDialer;
  private current: number;
  private readonly random: () => number;
  private readonly agentsById = new Map<string, AgentSnapshot>();
  private readonly queues = new Map<string, QueueState>();
  private interactions: Queued[] = [];
  private readonly listeners = new Set<(assignment: Assignment) => void>();
  private readonly releaseListeners = new Set<(release: Release) => void>();
  /** Conversations in progress: interaction id → its queue and start. */
  private readonly talking = new Map<string, { virtualQueue: string; startedMs: number }>();
  private seq = 0;

  constructor(options: { startMs: number; seed?: number }) {
    this.current = options.startMs;
    this.random = seededRandom(options.seed ?? 1);
    this.dialer = new SimulatedDialer(() => this.current);
  }

  now(): number {
    return this.current;
  }

  configureQueue(name: string, config: QueueConfig): void {
    const known = this.queues.get(name);
    const expression = parseSkillExpression(config.skillExpression);
    this.queues.set(name, { departures: [], handleTimesSeconds: [], ...known, config, expression });
  }

  addAgent(definition: AgentDefinition, state: Exclude<AgentState, 'Busy'> = 'LoggedOut'): void {
    if (this.agentsById.has(definition.id)) throw new Error(`Agent ${definition.id} already exists`);
    this.agentsById.set(definition.id, {
      ...definition,
      state: 'LoggedOut',
      idleSinceMs: null,
      interactionId: null,
      busyUntilMs: null,
    });
    if (state !== 'LoggedOut') this.setAgentState(definition.id, state);
  }

  /**
   * New name, skills or handle time for a known agent. A Busy agent finishes its interaction with
   * the handle time it started with; new skills count from the next routing, which runs now.
   */
  redefineAgent(definition: AgentDefinition): void {
    const agent = this.requireAgent(definition.id);
    agent.name = definition.name;
    agent.skills = definition.skills;
    agent.handleTime = definition.handleTime;
    if (agent.state === 'Ready') this.route(this.current);
  }

  /** Ready, NotReady or LoggedOut; Busy comes only from routing. A Busy agent finishes first. */
  setAgentState(agentId: string, state: Exclude<AgentState, 'Busy'>): void {
    const agent = this.requireAgent(agentId);
    if (agent.state === 'Busy') throw new Error(`Agent ${agentId} is Busy until ${agent.busyUntilMs}`);
    if (agent.state === state) return;
    agent.state = state;
    agent.idleSinceMs = state === 'Ready' ? this.current : null;
    if (state === 'Ready') this.route(this.current);
  }

  agent(agentId: string): AgentSnapshot | undefined {
    const agent = this.agentsById.get(agentId);
    return agent ? { ...agent } : undefined;
  }

  agents(): AgentSnapshot[] {
    return [...this.agentsById.values()].map((agent) => ({ ...agent }));
  }

  enqueue(request: InteractionRequest): WaitingInteraction {
    if (this.interactions.some((item) => item.request.id === request.id))
      throw new Error(`${request.id} is already queued`);
    const queue = this.queueState(request.virtualQueue);
    this.interactions.push({
      request,
      expression: request.skillExpression ? parseSkillExpression(request.skillExpression) : queue.expression,
      initialPriority: request.priority ?? queue.config.priorityInitial,
      enqueuedMs: this.current,
      seq: this.seq++,
    });
    this.route(this.current);
    return (
      this.waiting(request.id) ?? {
        id: request.id,
        virtualQueue: request.virtualQueue,
        position: 0,
        waitingMs: 0,
        priority: 0,
      }
    );
  }

  withdraw(interactionId: string): boolean {
    const before = this.interactions.length;
    this.interactions = this.interactions.filter((item) => item.request.id !== interactionId);
    return this.interactions.length < before;
  }

  waiting(interactionId: string): WaitingInteraction | undefined {
    const item = this.interactions.find((candidate) => candidate.request.id === interactionId);
    if (!item) return undefined;
    const position =
      this.ordered(this.current)
        .filter((other) => other.request.virtualQueue === item.request.virtualQueue)
        .indexOf(item) + 1;
    return {
      id: interactionId,
      virtualQueue: item.request.virtualQueue,
      position,
      waitingMs: this.current - item.enqueuedMs,
      priority: this.priorityOf(item, this.current),
    };
  }

  queueLength(virtualQueue: string): number {
    return this.interactions.filter((item) => item.request.virtualQueue === virtualQueue).length;
  }

  estimatedWaitTime(virtualQueue: string, mode: EwtMode, position?: number): EwtResult {
    const queue = this.queueState(virtualQueue);
    const serving = [...this.agentsById.values()].filter((agent) =>
      matchesSkills(queue.expression, agent.skills),
    );
    return estimateWaitTime(mode, {
      nowMs: this.current,
      position: position ?? this.queueLength(virtualQueue) + 1,
      departures: queue.departures,
      handleTimesSeconds: queue.handleTimesSeconds,
      agentsLoggedIn: serving.filter((agent) => agent.state !== 'LoggedOut').length,
      agentsWorking: serving.filter((agent) => agent.state === 'Ready' || agent.state === 'Busy').length,
    });
  }

  agentsMatching(skillExpression: string): { ready: number; loggedIn: number } {
    const expression = parseSkillExpression(skillExpression);
    const matching = [...this.agentsById.values()].filter((agent) => matchesSkills(expression, agent.skills));
    return {
      ready: matching.filter((agent) => agent.state === 'Ready').length,
      loggedIn: matching.filter((agent) => agent.state !== 'LoggedOut').length,
    };
  }

  onAssigned(listener: (assignment: Assignment) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReleased(listener: (release: Release) => void): () => void {
    this.releaseListeners.add(listener);
    return () => this.releaseListeners.delete(listener);
  }

  /** Moves the simulation to `nowMs`, applying every agent release and dial outcome in time order. */
  tick(nowMs: number): void {
    if (nowMs < this.current) throw new RangeError('The simulation only moves forward');
    for (;;) {
      const next = this.nextEventMs();
      if (next === null || next > nowMs) break;
      this.current = Math.max(this.current, next);
      for (const agent of this.agentsById.values()) {
        if (agent.state === 'Busy' && agent.busyUntilMs !== null && agent.busyUntilMs <= this.current) {
          const interactionId = agent.interactionId;
          const endedMs = agent.busyUntilMs;
          agent.state = 'Ready';
          agent.idleSinceMs = endedMs;
          agent.busyUntilMs = null;
          agent.interactionId = null;
          const conversation = interactionId === null ? undefined : this.talking.get(interactionId);
          if (interactionId !== null && conversation) {
            this.talking.delete(interactionId);
            const release: Release = {
              interactionId,
              virtualQueue: conversation.virtualQueue,
              agentId: agent.id,
              atMs: endedMs,
              handledMs: endedMs - conversation.startedMs,
            };
            for (const listener of this.releaseListeners) listener(release);
          }
        }
      }
      this.dialer.settleDue(this.current);
      this.route(this.current);
    }
    this.current = nowMs;
    this.route(nowMs);
  }

  /** When the next agent release or dial outcome is due, or null when nothing is pending. */
  nextEventMs(): number | null {
    let next = this.dialer.nextDueMs();
    for (const agent of this.agentsById.values()) {
      if (agent.state === 'Busy' && agent.busyUntilMs !== null && (next === null || agent.busyUntilMs < next))
        next = agent.busyUntilMs;
    }
    return next;
  }

  private route(atMs: number): void {
    // An agent that only triggered a callback stays Ready but sits out the rest of this pass.
    const triggered = new Set<string>();
    for (;;) {
      const ready = [...this.agentsById.values()]
        .filter((agent) => agent.state === 'Ready' && !triggered.has(agent.id))
        .sort((a, b) => (a.idleSinceMs ?? 0) - (b.idleSinceMs ?? 0) || a.id.localeCompare(b.id));
      if (ready.length === 0 || this.interactions.length === 0) return;
      const ordered = this.ordered(atMs);
      let assigned = false;
      for (const agent of ready) {
        const item = ordered.find((candidate) => matchesSkills(candidate.expression, agent.skills));
        if (!item) continue;
        this.assign(item, agent, atMs);
        if (item.request.reserveAgent === false) triggered.add(agent.id);
        assigned = true;
        break;
      }
      if (!assigned) return;
    }
  }

  private assign(item: Queued, agent: AgentSnapshot, atMs: number): void {
    this.interactions = this.interactions.filter((other) => other !== item);
    const queue = this.queueState(item.request.virtualQueue);
    const reserved = item.request.reserveAgent !== false;
    const loggedIn = [...this.agentsById.values()].filter(
      (other) => other.state !== 'LoggedOut' && matchesSkills(queue.expression, other.skills),
    ).length;
    queue.departures.push({ atMs, agentsLoggedIn: loggedIn });
    if (queue.departures.length > EWT_HISTORY) queue.departures.shift();
    if (reserved) {
      const handleMs = sampleHandleTimeMs(agent.handleTime, this.random);
      agent.state = 'Busy';
      agent.idleSinceMs = null;
      agent.interactionId = item.request.id;
      agent.busyUntilMs = atMs + handleMs;
      this.talking.set(item.request.id, { virtualQueue: item.request.virtualQueue, startedMs: atMs });
      queue.handleTimesSeconds.push(handleMs / 1000);
      if (queue.handleTimesSeconds.length > EWT_HISTORY) queue.handleTimesSeconds.shift();
    }
    const assignment: Assignment = {
      interactionId: item.request.id,
      virtualQueue: item.request.virtualQueue,
      agentId: agent.id,
      atMs,
      waitedMs: atMs - item.enqueuedMs,
      reserved,
      ...(item.request.tenantId !== undefined ? { tenantId: item.request.tenantId } : {}),
      agentsLoggedIn: loggedIn,
    };
    for (const listener of this.listeners) listener(assignment);
  }

  /** Higher priority first, then the longest waiting. */
  private ordered(atMs: number): Queued[] {
    return [...this.interactions].sort(
      (a, b) =>
        this.priorityOf(b, atMs) - this.priorityOf(a, atMs) || a.enqueuedMs - b.enqueuedMs || a.seq - b.seq,
    );
  }

  private priorityOf(item: Queued, atMs: number): number {
    return agedPriority(
      item.initialPriority,
      this.queueState(item.request.virtualQueue).config.aging,
      atMs - item.enqueuedMs,
    );
  }

  private queueState(name: string): QueueState {
    let queue = this.queues.get(name);
    if (!queue) {
      // An unconfigured queue accepts any agent: the bare expression below is never parsed.
      queue = { config: DEFAULT_QUEUE, expression: ANY_AGENT, departures: [], handleTimesSeconds: [] };
      this.queues.set(name, queue);
    }
    return queue;
  }

  private requireAgent(agentId: string): AgentSnapshot {
    const agent = this.agentsById.get(agentId);
    if (!agent) throw new Error(`No agent ${agentId}`);
    return agent;
  }
}

/** Matches every agent: `!x | x` is always true. */
const ANY_AGENT: SkillExpression = {
  kind: 'or',
  left: { kind: 'not', operand: { kind: 'test', skill: '_', operator: '>', level: 0 } },
  right: { kind: 'test', skill: '_', operator: '>', level: 0 },
};

/** Drives a simulator from a virtual clock: every advance ticks it. Returns the unsubscribe. */
export function driveWithClock(simulator: ContactCenterSimulator, clock: Clock): () => void {
  return clock.onAdvance((nowMs) => simulator.tick(nowMs));
}
