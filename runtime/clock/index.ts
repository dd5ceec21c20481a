/**
 * One source of time for the whole runtime. Production uses the system clock; tests and the
 * simulator use a virtual clock that only moves when told to, so a day of callbacks runs in
 * milliseconds and every timing assertion is exact.
 */
export interface Clock {
  readonly kind: 'system' | 'virtual';
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `listener` after each advance of a virtual clock (never for the system clock). */
  onAdvance(listener: (now: number) => void | Promise<void>): () => void;
}

export function systemClock(): Clock {
  return { kind: 'system', now: () => Date.now(), onAdvance: () => () => {} };
}

/**
 * What a part of the runtime has to do on a virtual clock: whether work is already due at `now`,
 * and the next later instant at which something happens (a dial ends, an agent is freed).
 */
export interface WakeHint {
  dueNow: boolean;
  nextMs: number | null;
}

export type WakeSource = (now: number) => WakeHint | Promise<WakeHint>;

export interface VirtualClock extends Clock {
  readonly kind: 'virtual';
  /**
   * Moves time forward and awaits every listener. The move stops at each instant a wake source
   * names on the way (and first runs the listeners at the current instant when work is due there),
   * so one jump of an hour sees the same events, at the same instants, as sixty jumps of a minute.
   */
  advance(milliseconds: number): Promise<void>;
  set(epochMs: number): Promise<void>;
  /** Registers a wake source; returns its removal. */
  addWakeSource(source: WakeSource): () => void;
}

/** Most stops of one advance: a runaway source cannot hold the clock forever. */
export const MAX_STOPS_PER_ADVANCE = 100_000;

export function virtualClock(startMs = Date.UTC(2026, 0, 5, 9, 0, 0)): VirtualClock {
  let current = startMs;
  const listeners = new Set<(now: number) => void | Promise<void>>();
  const sources = new Set<WakeSource>();
  const notify = async () => {
    for (const listener of [...listeners]) await listener(current);
  };
  const hints = async (): Promise<WakeHint> => {
    let dueNow = false;
    let nextMs: number | null = null;
    for (const source of [...sources]) {
      const hint = await source(current);
      dueNow ||= hint.dueNow;
      if (hint.nextMs !== null && hint.nextMs > current && (nextMs === null || hint.nextMs < nextMs))
        nextMs = hint.nextMs;
    }
    return { dueNow, nextMs };
  };
  // Moves run one after another: a move stops on the way, and another must not interleave.
  let moving: Promise<unknown> = Promise.resolve();
  const serially = (move: () => Promise<void>): Promise<void> => {
    const done = moving.then(move);
    moving = done.catch(() => undefined);
    return done;
  };
  const moveTo = async (target: number) => {
    // Work due at the current instant (e.g. callbacks booked since the last advance) first.
    let hint = await hints();
    if (hint.dueNow) {
      await notify();
      hint = await hints();
    }
    for (let stops = 0; stops < MAX_STOPS_PER_ADVANCE; stops++) {
      const next = hint.nextMs;
      if (next === null || next >= target) break;
      current = next;
      await notify();
      hint = await hints();
    }
    current = target;
    await notify();
  };
  return {
    kind: 'virtual',
    now: () => current,
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(milliseconds) {
      if (!(milliseconds >= 0)) return Promise.reject(new RangeError('A virtual clock only moves forward'));
      return serially(() => moveTo(current + milliseconds));
    },
    set(epochMs) {
      return serially(() => {
        if (epochMs < current) throw new RangeError('A virtual clock only moves forward');
        return moveTo(epochMs);
      });
    },
    addWakeSource(source) {
      sources.add(source);
      return () => sources.delete(source);
    },
  };
}
