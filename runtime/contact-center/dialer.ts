/**
 * The outbound dialer. `Dialer` is what a real telephony adapter implements; `SimulatedDialer`
 * decides each outcome from a per-number table (default: answered after 5 s) and reports it when
 * the simulation's time reaches it, so tests control exactly when and how a dial ends.
 */
export type DialOutcome = 'answer' | 'busy' | 'noAnswer' | 'unreachable';

export interface DialResult {
  number: string;
  outcome: DialOutcome;
  startedMs: number;
  endedMs: number;
}

export interface Dialer {
  dial(number: string, options?: { routingPoint?: string }): Promise<DialResult>;
}

export interface ScriptedOutcome {
  outcome: DialOutcome;
  afterMs: number;
}

export const DEFAULT_OUTCOME: ScriptedOutcome = { outcome: 'answer', afterMs: 5000 };

export class SimulatedDialer implements Dialer {
  private readonly script = new Map<string, ScriptedOutcome[]>();
  private pending: {
    dueMs: number;
    seq: number;
    result: DialResult;
    resolve: (result: DialResult) => void;
  }[] = [];
  private seq = 0;

  constructor(private readonly now: () => number) {}

  /** Sets the outcome of dials to a number; several outcomes are used in turn, the last one repeating. */
  setOutcome(number: string, ...outcomes: ScriptedOutcome[]): void {
    this.script.set(number, outcomes);
  }

  dial(number: string): Promise<DialResult> {
    return this.heard(this.decide(number));
  }

  /** The result a dial to `number` starting now will have (uses up one scripted outcome). */
  decide(number: string): DialResult {
    const outcomes = this.script.get(number);
    const scripted = (outcomes && outcomes.length > 1 ? outcomes.shift() : outcomes?.[0]) ?? DEFAULT_OUTCOME;
    const startedMs = this.now();
    return { number, outcome: scripted.outcome, startedMs, endedMs: startedMs + scripted.afterMs };
  }

  /** Answers `result` when the simulation's time reaches its end (at once when it already has). */
  heard(result: DialResult): Promise<DialResult> {
    return new Promise((resolve) => {
      this.pending.push({ dueMs: result.endedMs, seq: this.seq++, result, resolve });
    });
  }

  /** When the next dial ends, or null. */
  nextDueMs(): number | null {
    return this.pending.reduce<number | null>(
      (min, p) => (min === null || p.dueMs < min ? p.dueMs : min),
      null,
    );
  }

  /** Settles every dial due by `nowMs`, earliest first. */
  settleDue(nowMs: number): void {
    const due = this.pending
      .filter((p) => p.dueMs <= nowMs)
      .sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
    this.pending = this.pending.filter((p) => p.dueMs > nowMs);
    for (const p of due) p.resolve(p.result);
  }

  get inProgress(): number {
    return this.pending.length;
  }
}
