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

export interface VirtualClock extends Clock {
  readonly kind: 'virtual';
  /** Moves time forward and awaits every listener. */
  advance(milliseconds: number): Promise<void>;
  set(epochMs: number): Promise<void>;
}

export function virtualClock(startMs = Date.UTC(2026, 0, 5, 9, 0, 0)): VirtualClock {
  let current = startMs;
  const listeners = new Set<(now: number) => void | Promise<void>>();
  const notify = async () => {
    for (const listener of [...listeners]) await listener(current);
  };
  return {
    kind: 'virtual',
    now: () => current,
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async advance(milliseconds) {
      if (!(milliseconds >= 0)) throw new RangeError('A virtual clock only moves forward');
      current += milliseconds;
      await notify();
    },
    async set(epochMs) {
      if (epochMs < current) throw new RangeError('A virtual clock only moves forward');
      current = epochMs;
      await notify();
    },
  };
}
