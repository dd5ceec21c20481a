/**
 * What the callback engine needs from a contact center. The simulator implements it; a real
 * telephony/routing adapter can implement it later without the engine changing.
 */
import type { Dialer } from './dialer.ts';
import type { EwtMode, EwtResult } from './ewt.ts';
import type { PriorityAging } from './priority.ts';

export interface QueueConfig {
  /** Agents able to serve the queue (EWT) and the default for its interactions. */
  skillExpression: string;
  priorityInitial: number;
  aging: PriorityAging;
}

export interface InteractionRequest {
  id: string;
  /** Whose interaction it is (echoed in its assignment), for a host serving several tenants. */
  tenantId?: string;
  virtualQueue: string;
  /** Defaults to the queue's skill expression. */
  skillExpression?: string;
  /** Initial priority; defaults to the queue's (API `priority` overrides it). */
  priority?: number;
  /**
   * false for a callback's virtual call: when it is at the top and a matching agent is Ready, the
   * engine is told and dials the customer, and the agent is not reserved (seed, "Immediate callbacks").
   */
  reserveAgent?: boolean;
}

export interface WaitingInteraction {
  id: string;
  virtualQueue: string;
  /** 1-based, within its virtual queue. */
  position: number;
  waitingMs: number;
  priority: number;
}

export interface Assignment {
  interactionId: string;
  virtualQueue: string;
  agentId: string;
  atMs: number;
  waitedMs: number;
  /** false when the agent was only the trigger and stays Ready. */
  reserved: boolean;
  tenantId?: string;
  /** Agents matching the queue's skill expression logged in when it left the queue. */
  agentsLoggedIn: number;
}

/** An agent finished handling an interaction (its conversation ended). */
export interface Release {
  interactionId: string;
  virtualQueue: string;
  agentId: string;
  atMs: number;
  /** How long the agent handled it. */
  handledMs: number;
}

export interface ContactCenter {
  readonly dialer: Dialer;
  configureQueue(name: string, config: QueueConfig): void;
  enqueue(request: InteractionRequest): WaitingInteraction;
  /** Removes a waiting interaction; false when it is not waiting. */
  withdraw(interactionId: string): boolean;
  waiting(interactionId: string): WaitingInteraction | undefined;
  queueLength(virtualQueue: string): number;
  /** EWT for `position` (default: a newcomer, waiting + 1). */
  estimatedWaitTime(virtualQueue: string, mode: EwtMode, position?: number): EwtResult;
  /** Agents matching a skill expression: how many are Ready, and how many are logged in. */
  agentsMatching(skillExpression: string): { ready: number; loggedIn: number };
  onAssigned(listener: (assignment: Assignment) => void): () => void;
  /** Reserved interactions only: the agent's conversation ended and the agent is Ready again. */
  onReleased(listener: (release: Release) => void): () => void;
}
