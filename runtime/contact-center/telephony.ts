/**
 * The telephony adapter the callback engine dials through. A dial belongs to the telephony side,
 * not to the process that asked for it, so the adapter is keyed by (callback, attempt):
 *  - `dial` is idempotent per key: asking again, from any process, answers the same dial's
 *    result and never rings the customer a second time;
 *  - `resolve` lets any process learn what became of an attempt it did not start (a process
 *    taking over another's callbacks): the result once the dial ended, or null when no dial was
 *    ever started with that key, in which case the key is voided so that it never will be (a
 *    stalled process that wakes up late cannot ring the customer behind the new owner's back).
 *
 * `SimulatedTelephony` is the simulator's adapter: outcomes come from the SimulatedDialer's
 * scripts and are heard in simulated time, and the dial state lives in a `DialLedger`, which in
 * the runtime is a database table every process reads (agents/dial-ledger.ts).
 */
import type { DialOutcome, DialResult, SimulatedDialer } from './dialer.ts';

export interface DialKey {
  callbackId: string;
  attempt: number;
}

export interface DialRequest extends DialKey {
  number: string;
}

/** `voided`: the attempt was resolved as never dialled before this dial could start. */
export type AdapterDialResult = Omit<DialResult, 'outcome'> & { outcome: DialOutcome | 'voided' };

export interface TelephonyAdapter {
  dial(request: DialRequest): Promise<AdapterDialResult>;
  resolve(key: DialKey): Promise<DialResult | null>;
}

/** What the adapter remembers of one dial. */
export interface LedgerEntry {
  outcome: DialOutcome | 'voided';
  startedMs: number;
  endedMs: number;
}

/** Where the simulated adapter keeps its dials: first writer wins per key. */
export interface DialLedger {
  /** Records `entry` unless the key has one; answers the entry that holds, and whether it is ours. */
  claim(key: DialKey, entry: LedgerEntry): Promise<{ entry: LedgerEntry; mine: boolean }>;
}

export function memoryLedger(): DialLedger {
  const entries = new Map<string, LedgerEntry>();
  return {
    async claim(key, entry) {
      const id = `${key.callbackId}\u0000${key.attempt}`;
      const held = entries.get(id);
      if (held) return { entry: held, mine: false };
      entries.set(id, entry);
      return { entry, mine: true };
    },
  };
}

export class SimulatedTelephony implements TelephonyAdapter {
  constructor(
    private readonly dialer: SimulatedDialer,
    private readonly ledger: DialLedger,
    /** Called when a dial's end was put on the simulator's timeline (the host wakes for it). */
    private readonly onTimeline: () => void = () => {},
  ) {}

  async dial(request: DialRequest): Promise<AdapterDialResult> {
    const decided = this.dialer.decide(request.number);
    const { entry } = await this.ledger.claim(request, {
      outcome: decided.outcome,
      startedMs: decided.startedMs,
      endedMs: decided.endedMs,
    });
    const result = { number: request.number, ...entry };
    if (entry.outcome === 'voided') return result;
    return this.heard(result as DialResult);
  }

  async resolve(key: DialKey): Promise<DialResult | null> {
    const { entry, mine } = await this.ledger.claim(key, { outcome: 'voided', startedMs: 0, endedMs: 0 });
    if (mine || entry.outcome === 'voided') return null;
    return this.heard({ number: '', ...entry } as DialResult);
  }

  private heard(result: DialResult): Promise<DialResult> {
    const heard = this.dialer.heard(result);
    this.onTimeline();
    return heard;
  }
}
