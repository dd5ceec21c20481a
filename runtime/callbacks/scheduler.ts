/**
 * Time-driven transitions: SCHEDULED → QUEUED at the desired time, the purges (Callback Purge
 * Time, end of the business day) and the 14-day retention. Each is one guarded UPDATE/DELETE, so
 * several processes may run them at once; the audit lines come from the rows each one changed.
 */
import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { callbackAudit, callbacks, dialAttempts } from '../db/schema.ts';
import { transition } from './callback-store.ts';
import type { QueueConfig } from './queue-config.ts';

export async function promoteDue(db: Database, nowMs: number, actor: string): Promise<number> {
  return db.transaction(async (tx) => {
    const promoted = await tx
      .update(callbacks)
      .set({ state: 'QUEUED', queuedAt: nowMs, nextAttemptAt: nowMs, updatedAt: nowMs })
      .where(and(eq(callbacks.state, 'SCHEDULED'), lte(callbacks.desiredTime, nowMs)))
      .returning({ id: callbacks.id });
    if (promoted.length > 0) {
      await tx.insert(callbackAudit).values(
        promoted.map(({ id }) => ({
          callbackId: id,
          at: nowMs,
          fromState: 'SCHEDULED',
          toState: 'QUEUED',
          reason: 'DUE',
          actor,
        })),
      );
    }
    return promoted.length;
  });
}

/**
 * Purges the queue's waiting (QUEUED, not being dialled) callbacks: after the Callback Purge Time
 * in the queue, and when the opening they entered the queue in has closed (Purge At End Of Day).
 * A callback that entered while closed belongs to the next opening.
 */
export async function purgeQueue(
  db: Database,
  config: QueueConfig,
  nowMs: number,
  actor: string,
): Promise<number> {
  const { settings, hours, tenantId } = config;
  const waiting = await db
    .select({ id: callbacks.id, queuedAt: callbacks.queuedAt })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.tenantId, tenantId),
        eq(callbacks.virtualQueue, settings.virtualQueue),
        eq(callbacks.state, 'QUEUED'),
      ),
    );
  let purged = 0;
  const purgeAfterMs = settings.callbackPurgeTimeMinutes * 60_000;
  for (const { id, queuedAt } of waiting) {
    const entered = queuedAt ?? nowMs;
    let reason: string | undefined;
    if (purgeAfterMs > 0 && nowMs - entered >= purgeAfterMs) reason = 'PURGED_TIMEOUT';
    else if (settings.purgeAtEndOfDay) {
      const close = hours.endOfBusinessDay(entered) ?? hours.nextOpening(entered)?.endMs ?? null;
      if (close !== null && close <= nowMs) reason = 'PURGED_END_OF_DAY';
    }
    if (!reason) continue;
    const done = await transition(db, id, {
      from: ['QUEUED'],
      to: 'COMPLETED',
      reason,
      actor,
      at: nowMs,
      where: sql`${callbacks.leaseOwner} is null`,
    });
    if (done) purged++;
  }
  return purged;
}

/** Records are kept 14 days from the Desired Callback Time, then removed with their history. */
export async function deleteExpired(db: Database, nowMs: number): Promise<number> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(callbacks)
      .where(and(lt(callbacks.expiresAt, nowMs), eq(callbacks.state, 'COMPLETED')))
      .returning({ id: callbacks.id });
    const ids = gone.map((g) => g.id);
    if (ids.length > 0) {
      await tx.delete(callbackAudit).where(inArray(callbackAudit.callbackId, ids));
      await tx.delete(dialAttempts).where(inArray(dialAttempts.callbackId, ids));
    }
    return ids.length;
  });
}
