/**
 * The contract between the interpreter (runtime/interpreter) and block handlers.
 *
 * A handler is a step function. It either finishes with an outcome, or asks the call to wait
 * (for caller digits, for an event such as "routed", or for a timeout) and is called again with
 * the signal that resumed it and the state it saved. The session is persisted while it waits,
 * so a handler keeps everything it needs in `state` (plain JSON), never in closures.
 */
import type { DateTime } from 'luxon';
import type { Prompt } from '../schemas/common.generated.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface DigitsRequest {
  kind: 'digits';
  minDigits: number;
  maxDigits: number;
  /** A digit that ends entry early and is not part of the result; null for none. */
  terminator: string | null;
  /** No-input timeout: after this the handler is resumed with `noInput`. */
  timeoutSeconds: number;
  /** Shown to the designer; not used for collection. */
  label?: string;
  secure?: boolean;
}

export type ResumeSignal =
  | { kind: 'digits'; digits: string }
  | { kind: 'noInput' }
  | { kind: 'event'; name: string; data: JsonValue }
  | { kind: 'timeout' };

export type BlockResult =
  | { kind: 'outcome'; outcome: string }
  /** Wait for digits (input), for a named event, or for timeoutSeconds; whichever comes first. */
  | {
      kind: 'wait';
      input?: DigitsRequest;
      event?: string;
      timeoutSeconds?: number;
      state: JsonValue;
    }
  /** End the call (Terminate Call); the Finalize phase still runs. */
  | { kind: 'end'; reason: string }
  /** A failure: the interpreter takes the `error` outcome when the block has one, else ends the call. */
  | { kind: 'error'; code: string; message: string };

export interface RouteRequest {
  virtualQueue: string;
  skillExpression: string;
  priority: number;
  timeoutSeconds: number;
}

export type RouteResult =
  | { kind: 'routed'; agentId: string; virtualQueue: string }
  /** Queued: the router sends the event `routed` (data: { agentId }) when an agent takes the call. */
  | { kind: 'queued'; virtualQueue: string; position: number }
  | { kind: 'error'; code: string; message: string };

export interface BusinessHoursStatus {
  open: boolean;
  /** Name (or date) of the special day whose hours apply now, null when the weekly hours apply. */
  specialDay: string | null;
  /** Seconds until the business closes; 0 when closed. */
  openForSeconds: number;
  timeZone: string;
}

/** Services a handler may use. The runtime provides them; tests may provide real in-process ones. */
export interface BlockServices {
  businessHours: {
    /** Status of named business hours at an instant; undefined when no such resource exists. */
    status(name: string, atMs: number, timeZoneOverride?: string): Promise<BusinessHoursStatus | undefined>;
  };
  routing: { route(callId: string, request: RouteRequest): Promise<RouteResult> };
  /** The callback engine (Callback V2). Absent where no engine runs (some unit tests). */
  callbacks?: CallbackServices;
  /** Click-To-Call-In requests (Click-to-Call-In Match). Absent where none are kept. */
  callIn?: CallInServices;
}

export type CallInCriterion = 'accessCode' | 'ani' | 'dnis';

export interface CallInMatch {
  /** The chosen criteria the best request matched (non-empty). */
  matched: CallInCriterion[];
  /** Every chosen criterion matched: the request and its callback moved on. */
  complete: boolean;
  userData: Record<string, unknown>;
  /** The original callback request's routing (delayed requests only). */
  routing: { virtualQueue: string; skillExpression: string; priority: number } | undefined;
}

export interface CallInServices {
  /** The valid, unexpired request best matching the call on the chosen criteria, if any. */
  match(request: {
    criteria: readonly CallInCriterion[];
    dnis: string;
    ani: string;
    accessCode: string | undefined;
    callId: string;
  }): Promise<CallInMatch | undefined>;
}

export interface CallbackOfferStatus {
  immediate: boolean;
  scheduled: boolean;
  /** Seconds; -1 when unknown (no history or no agents). */
  ewtSeconds: number;
  ewtThresholdSeconds: number;
  timeZone: string;
}

export interface FreeSlot {
  startMs: number;
  /** The start in the business zone, ISO 8601 with its offset. */
  localTime: string;
  /** The business-hours zone of the queue. */
  timeZone: string;
}

export type NearestSlot =
  | { ok: true; requestedMs: number; slot: FreeSlot }
  | {
      ok: false;
      requestedMs: number;
      reason: 'INVALID_TIME' | 'IN_THE_PAST' | 'BEYOND_HORIZON' | 'NO_FREE_SLOT';
    };

export type CallbackBookingResult =
  | { ok: true; id: string; desiredTimeMs: number }
  | { ok: false; code: string; message: string };

export interface CallbackServices {
  /** What may be offered now; undefined when the queue has no CALLBACK_SETTINGS row. */
  offer(virtualQueue: string, atMs: number): Promise<CallbackOfferStatus | undefined>;
  /** The queue's number-validation rule applied to a number; the E.164 form when it passes. */
  checkNumber(
    virtualQueue: string,
    number: string,
  ): Promise<{ ok: true; e164: string } | { ok: false; code: string; message: string }>;
  /** Free slots starting at or after fromMs (and not before now), nearest first. */
  freeSlots(virtualQueue: string, fromMs: number, count: number): Promise<FreeSlot[]>;
  /**
   * The free slot nearest a local wall-clock time of the queue's business zone (the slot holding
   * it, else the free slot whose start is closest; a tie goes to the later one). The local time
   * is resolved as business hours are: inside a spring-forward gap it means the end of the gap,
   * in a repeated hour its first occurrence.
   */
  nearestFreeSlot(virtualQueue: string, local: { date: string; minuteOfDay: number }): Promise<NearestSlot>;
  book(request: {
    virtualQueue: string;
    phoneNumber: string;
    desiredTimeMs?: number;
    priority?: number;
    userData?: Record<string, JsonValue>;
    callId: string;
  }): Promise<CallbackBookingResult>;
}

/** Call its functions as methods (`context.evaluate(x)`): the runtime's context is a class instance. */
export interface BlockContext<Properties> {
  readonly callId: string;
  readonly blockId: string;
  readonly properties: Properties;
  readonly appType: 'Default' | 'Callback';
  /** Set when the handler is resumed after a wait. */
  readonly resume: ResumeSignal | undefined;
  /** What the handler saved when it last asked to wait; undefined on first entry. */
  readonly state: JsonValue | undefined;
  /** The current instant from the runtime's Clock (virtual in tests). */
  now(): DateTime;
  /** Evaluates an expression of the supported subset against the call's variables. Throws on error. */
  evaluate(expression: string): unknown;
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  /** Plays prompts to the caller (text events). Digits already buffered barge in unless disabled. */
  play(prompts: readonly Prompt[], options?: { bargeIn?: boolean }): void;
  /** Drops digits the caller typed ahead. */
  clearDigitBuffer(): void;
  /** Explains a decision in the call's trace (a test call shows it), e.g. why a number was refused. */
  note?(text: string): void;
  /** Whether the outcome port is linked to a next block (Designer falls back when it is not). */
  isConnected(outcome: string): boolean;
  readonly services: BlockServices;
}

export type BlockHandler<Properties = unknown> = (
  context: BlockContext<Properties>,
) => BlockResult | Promise<BlockResult>;
