/**
 * Persistence of call state. Every change is written with a compare-and-set on `seq`, so two
 * requests (or two processes) acting on one call cannot both advance it: the loser reloads and
 * applies its operation to the newer state.
 */
import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { callSessions } from '../db/schema.ts';
import type { CallState } from '../interpreter/call-state.ts';

export interface StoredCall {
  state: CallState;
  seq: number;
}

function wakeAt(state: CallState): number | null {
  return state.status === 'waitingInput' || state.status === 'waitingEvent'
    ? (state.waiting?.deadline ?? null)
    : null;
}

export function callStore(db: Database, now: () => number) {
  return {
    async insert(state: CallState, testCall: boolean): Promise<StoredCall> {
      await this.insertMany([state], testCall);
      return { state, seq: 1 };
    },

    /** Stores new calls in one statement; a call whose id is already stored is left as it is. */
    async insertMany(states: readonly CallState[], testCall: boolean): Promise<void> {
      if (states.length === 0) return;
      const query = db.insert(callSessions).values(
        states.map((state) => ({
          id: state.id,
          tenantId: state.tenantId,
          applicationId: state.applicationId,
          version: state.version,
          state: state.status,
          snapshot: state,
          seq: 1,
          wakeAt: wakeAt(state),
          testCall,
          createdAt: new Date(state.startedAt),
          updatedAt: new Date(now()),
        })),
      );
      // Test calls have fresh random ids, so a clash there is a real error worth surfacing.
      await (testCall ? query : query.onConflictDoNothing());
    },

    async load(tenantId: string, id: string): Promise<StoredCall | undefined> {
      const [row] = await db
        .select({ snapshot: callSessions.snapshot, seq: callSessions.seq })
        .from(callSessions)
        .where(and(eq(callSessions.tenantId, tenantId), eq(callSessions.id, id)));
      return row && { state: row.snapshot as CallState, seq: row.seq };
    },

    /** Writes the new state if nobody else did since `seq`; false when the write lost. */
    async save(state: CallState, seq: number): Promise<boolean> {
      const updated = await db
        .update(callSessions)
        .set({
          state: state.status,
          snapshot: state,
          seq: seq + 1,
          wakeAt: wakeAt(state),
          updatedAt: new Date(now()),
        })
        .where(and(eq(callSessions.id, state.id), eq(callSessions.seq, seq)))
        .returning({ id: callSessions.id });
      return updated.length === 1;
    },

    /** Calls whose wait has timed out. */
    async due(atMs: number, limit = 100): Promise<{ id: string; tenantId: string }[]> {
      return db
        .select({ id: callSessions.id, tenantId: callSessions.tenantId })
        .from(callSessions)
        .where(and(isNotNull(callSessions.wakeAt), lte(callSessions.wakeAt, atMs)))
        .limit(limit);
    },
  };
}

export type CallStore = ReturnType<typeof callStore>;
