/**
 * Time-driven transitions: SCHEDULED → QUEUED at the desired time, the purges (Callback Purge
 * Time, end of the business day) and the 14-day retention. Each is one guarded statement that
 * writes its audit lines from the rows it changed (a data-modifying CTE), so several processes
 * may run them at once and a process killed half way leaves no change without its audit.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { callbackAudit, callbacks, dialAttempts, simulatedDials } from '../db/schema.ts';
import { pushFrom } from '../push/push-events.ts';
import type { QueueConfig } from './queue-config.ts';

export async function promoteDue(db: Database, nowMs: number, actor: string): Promise<number> {
  const result = await db.execute(sql`
    with promoted as (
      update callbacks set state = 'QUEUED', queued_at = ${nowMs}::bigint, next_attempt_at = ${nowMs}::bigint,
        updated_at = ${nowMs}::bigint
      where state = 'SCHEDULED' and desired_time <= ${nowMs}::bigint
      returning id
    ), audit as (
      insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
      select id, ${nowMs}::bigint, 'SCHEDULED', 'QUEUED', 'DUE', ${actor}::text from promoted
    )
    select count(*)::int as n from promoted`);
  return rows<{ n: number }>(result)[0]?.n ?? 0;
}

/** Completes the queue's waiting, unleased callbacks that entered it before `enteredBefore`. */
async function purgeEnteredBefore(
  db: Database,
  config: QueueConfig,
  enteredBefore: number,
  reason: string,
  nowMs: number,
  actor: string,
): Promise<number> {
  const result = await db.execute(sql`
    with purged as (
      update callbacks set state = 'COMPLETED', reason = ${reason}::text, completed_at = ${nowMs}::bigint,
        updated_at = ${nowMs}::bigint, lease_owner = null, lease_until = null
      where tenant_id = ${config.tenantId} and virtual_queue = ${config.settings.virtualQueue}
        and state = 'QUEUED' and lease_owner is null and queued_at < ${enteredBefore}::bigint
      returning id, tenant_id, virtual_queue, details
    ), audit as (
      insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
      select id, ${nowMs}::bigint, 'QUEUED', 'COMPLETED', ${reason}::text, ${actor}::text from purged
    ), pushed as (${pushFrom('purged', 'CALLBACK_PURGED', nowMs, { reason })})
    select count(*)::int as n from purged`);
  return rows<{ n: number }>(result)[0]?.n ?? 0;
}

/**
 * Purges the queue's waiting (QUEUED, not being dialled) callbacks: after the Callback Purge Time
 * in the queue, and when the opening they entered the queue in has closed (Purge At End Of Day).
 * A callback that entered while closed belongs to the next opening.
 *
 * The close of an entry's opening never decreases with its entry time, and every entry made
 * before the close of the oldest entry's opening shares that close; so one statement per closed
 * opening (usually none) purges them all, without reading the waiting callbacks.
 */
export async function purgeQueue(
  db: Database,
  config: QueueConfig,
  nowMs: number,
  actor: string,
): Promise<number> {
  const { settings, hours, tenantId } = config;
  let purged = 0;
  const purgeAfterMs = settings.callbackPurgeTimeMinutes * 60_000;
  if (purgeAfterMs > 0)
    purged += await purgeEnteredBefore(db, config, nowMs - purgeAfterMs + 1, 'PURGED_TIMEOUT', nowMs, actor);
  if (!settings.purgeAtEndOfDay) return purged;
  for (let opening = 0; opening < 32; opening++) {
    const [oldest] = rows<{ at: string | number | null }>(
      await db.execute(sql`
        select min(queued_at) as at from callbacks
        where tenant_id = ${tenantId} and virtual_queue = ${settings.virtualQueue}
          and state = 'QUEUED' and lease_owner is null`),
    );
    if (oldest?.at === null || oldest?.at === undefined) break;
    const entered = Number(oldest.at);
    const close = hours.endOfBusinessDay(entered) ?? hours.nextOpening(entered)?.endMs ?? null;
    if (close === null || close > nowMs) break;
    const done = await purgeEnteredBefore(
      db,
      config,
      Math.max(close, entered + 1),
      'PURGED_END_OF_DAY',
      nowMs,
      actor,
    );
    purged += done;
    if (done === 0) break;
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
      await tx.delete(simulatedDials).where(inArray(simulatedDials.callbackId, ids));
    }
    return ids.length;
  });
}
