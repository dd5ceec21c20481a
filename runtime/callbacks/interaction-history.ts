/**
 * The queue history the estimated wait time is computed from (queue_interactions): every
 * interaction an agent took — callbacks and Route Call calls alike — with when it left its queue,
 * how many matching agents were logged in then, and, once the conversation ended, how long the
 * agent handled it. Kept in the database, so every process, and a restarted one, estimates from
 * the same history. Writes from one burst of simulator events go together in one statement each.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Departure } from '../contact-center/index.ts';
import { EWT_HISTORY } from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { queueInteractions } from '../db/schema.ts';

export interface Taken {
  tenantId: string;
  virtualQueue: string;
  interactionId: string;
  kind: 'callback' | 'call';
  enteredAt: number;
  assignedAt: number;
  agentId: string;
  agentsLoggedIn: number;
}

export interface Ended {
  interactionId: string;
  assignedAt: number;
  handledMs: number;
  endedAt: number;
}

export interface QueueHistory {
  /** Latest departures, oldest first (at most EWT_HISTORY). */
  departures: Departure[];
  /** Latest handle times in seconds, oldest first (at most EWT_HISTORY). */
  handleTimesSeconds: number[];
}

export function interactionHistory(db: Database) {
  let taken: Taken[] = [];
  let ended: { interactionId: string; assignedAt: number; handled: number; ended: number }[] = [];
  let scheduled = false;
  // Flushes run one after another, so an end is never written before its interaction.
  let flushing: Promise<void> = Promise.resolve();

  async function flush(): Promise<void> {
    scheduled = false;
    const inserts = taken;
    const updates = ended;
    taken = [];
    ended = [];
    if (inserts.length > 0) await db.insert(queueInteractions).values(inserts).onConflictDoNothing();
    if (updates.length > 0) {
      const input = JSON.stringify(updates);
      await db.execute(sql`
        update queue_interactions q set handled_ms = e.handled, ended_at = e.ended
        from jsonb_to_recordset(${input}::jsonb) as e("interactionId" text, "assignedAt" bigint, handled bigint, ended bigint)
        where q.interaction_id = e."interactionId" and q.assigned_at = e."assignedAt"`);
    }
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      flushing = flushing.then(flush).catch((error) => console.error('[interaction history]', error));
    });
  }

  return {
    taken(entry: Taken): void {
      taken.push(entry);
      schedule();
    },
    ended(entry: Ended): void {
      const { interactionId, assignedAt } = entry;
      ended.push({ interactionId, assignedAt, handled: entry.handledMs, ended: entry.endedAt });
      schedule();
    },
    /** Resolves once what was recorded so far is written. */
    async written(): Promise<void> {
      while (scheduled) await new Promise((resolve) => setImmediate(resolve));
      await flushing;
    },
    /** The queue's latest departures and handle times; `known` is false when it has none. */
    async load(tenantId: string, virtualQueue: string): Promise<QueueHistory & { known: boolean }> {
      const queue = and(
        eq(queueInteractions.tenantId, tenantId),
        eq(queueInteractions.virtualQueue, virtualQueue),
      );
      const [left, handled] = await Promise.all([
        db
          .select({ atMs: queueInteractions.assignedAt, agentsLoggedIn: queueInteractions.agentsLoggedIn })
          .from(queueInteractions)
          .where(queue)
          .orderBy(desc(queueInteractions.assignedAt))
          .limit(EWT_HISTORY),
        db
          .select({ handledMs: queueInteractions.handledMs })
          .from(queueInteractions)
          .where(and(queue, isNotNull(queueInteractions.endedAt)))
          .orderBy(desc(queueInteractions.endedAt))
          .limit(EWT_HISTORY),
      ]);
      return {
        known: left.length > 0,
        departures: left.reverse(),
        handleTimesSeconds: handled.reverse().map((h) => (h.handledMs ?? 0) / 1000),
      };
    },
  };
}

export type InteractionHistory = ReturnType<typeof interactionHistory>;
