/**
 * The whole state of one call, as plain JSON: it is saved whenever the call waits, so a call
 * continues in another process or after a restart exactly where it stopped.
 */
import type { DigitsRequest, JsonValue } from '../../blocks/contract.ts';
import type { Application, Phase } from '../../schemas/application.generated.ts';

export type CallStatus = 'running' | 'waitingInput' | 'waitingEvent' | 'paused' | 'ended';

export type CallEvent = { seq: number; at: number } & (
  | { type: 'callStarted'; applicationId: string; version: number; ani: string; dnis: string }
  | { type: 'phaseStarted'; phase: Phase }
  | { type: 'blockEntered'; blockId: string; blockType: string; phase: Phase }
  | { type: 'blockExited'; blockId: string; outcome: string | null }
  | { type: 'prompt'; blockId: string; text: string; bargedIn: boolean }
  | { type: 'inputRequested'; blockId: string; request: DigitsRequest }
  | { type: 'inputReceived'; blockId: string; digits: string | null }
  | { type: 'variableChanged'; name: string; from: unknown; to: unknown }
  | { type: 'routed'; blockId: string; virtualQueue: string; agentId: string }
  | { type: 'paused'; blockId: string }
  | { type: 'resumed'; blockId: string }
  | { type: 'error'; blockId: string | null; code: string; message: string }
  | { type: 'ended'; reason: string }
);

export type CallEventInput = CallEvent extends infer E
  ? E extends CallEvent
    ? Omit<E, 'seq' | 'at'>
    : never
  : never;

export interface TraceEntry {
  seq: number;
  blockId: string;
  blockType: string;
  phase: Phase;
  enteredAt: number;
  durationMs: number;
  outcome: string | null;
  variableChanges: Record<string, { from: unknown; to: unknown }>;
  /** Why the block did what it did, when it says (e.g. which rule refused a number). */
  notes?: string[];
}

export interface Waiting {
  blockId: string;
  input?: DigitsRequest;
  event?: string;
  /** Epoch ms at which the wait times out, absent for no timeout. */
  deadline?: number;
  state: JsonValue;
}

export interface CallState {
  id: string;
  tenantId: string;
  applicationId: string;
  /** The published version the call runs; 0 for a test call on the draft (kept in `draft`). */
  version: number;
  /** A test call on the unpublished draft keeps a copy, so later edits do not change the call. */
  draft?: Application;
  ani: string;
  dnis: string;
  status: CallStatus;
  phase: Phase;
  /** The block to run next (or the waiting/paused block); null when the phase's path ended. */
  currentBlockId: string | null;
  variables: Record<string, unknown>;
  /** Names whose values are masked in events and traces. */
  secureVariables: string[];
  /** Digits the caller typed ahead, consumed by the next input block. */
  digitBuffer: string;
  waiting: Waiting | null;
  /** Set once the call must only finish its Finalize phase. */
  finalizing: boolean;
  endReason: string | null;
  error: { code: string; message: string } | null;
  breakpoints: string[];
  /** When stepping, pause again before the next block. */
  stepping: boolean;
  /** Blocks run since the caller last gave input; bounds runaway loops. */
  stepsSinceInput: number;
  nextSeq: number;
  events: CallEvent[];
  trace: TraceEntry[];
  startedAt: number;
  endedAt: number | null;
}

export const masked = '••••';
