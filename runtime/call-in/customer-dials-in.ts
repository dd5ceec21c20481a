/**
 * Callbacks of a USERORIGINATED queue (Click-To-Call-In delayed) are never dialled. At the top of
 * the queue, with a matching agent Ready, a callback is made "ready": CALLBACK_READY is written to
 * the push outbox and a call-in session opens for the Pushed Callback Expiry Time. The callback
 * stays QUEUED (so Callback Purge Time and end of day still purge it) but is not offered again
 * while the session runs. When the session ends without a call-in, the callback leaves the queue:
 * it is parked (never offered again) until a purge completes it, and the Callback application
 * runs with CallbackConnectResult `expired`. When no CALLBACK_READY of the session can be delivered
 * (every row dropped or refused by FCM, or the callback has no target), the session ends at once
 * the same way, with `failed`: the customer was never told, so waiting out the expiry helps no one.
 *
 * Each step is one statement that writes its audit line and its push rows with the change, so a
 * process dying half way leaves no session without its push, nor a push without its session.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { QueueConfig } from '../callbacks/queue-config.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { pushFrom } from '../push/push-events.ts';

/** next_attempt_at of a callback that left the queue after its session: never offered again. */
export const PARKED_AT = 8_000_000_000_000_000;

/** Call-in sessions of the queue still waiting for the customer. */
async function waitingSessions(db: Database, config: QueueConfig, nowMs: number): Promise<number> {
  const [row] = rows<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from callback_call_in_sessions
      where tenant_id = ${config.tenantId} and virtual_queue = ${config.settings.virtualQueue}
        and state = 'WAITING' and expires_at > ${nowMs}::bigint`),
  );
  return row?.n ?? 0;
}

/**
 * Makes the top callbacks ready, one per matching Ready agent not already waiting for a call-in
 * (the agent is not reserved, as for a dialled callback). Returns the ids made ready.
 */
export async function readyTop(
  db: Database,
  config: QueueConfig,
  readyAgents: number,
  nowMs: number,
  actor: string,
): Promise<string[]> {
  if (readyAgents <= 0) return [];
  const room = readyAgents - (await waitingSessions(db, config, nowMs));
  if (room <= 0) return [];
  const { settings, tenantId } = config;
  const expiresAt = nowMs + settings.pushedCallbackExpiryMinutes * 60_000;
  const aged = sql`case when c.priority >= ${settings.priorityLimit}::int then c.priority else least(${settings.priorityLimit}::int, c.priority + floor((${nowMs}::bigint - coalesce(c.queued_at, ${nowMs}::bigint)) / (${settings.priorityIntervalSeconds * 1000})::float8) * ${settings.priorityIncrement}) end`;
  const result = await db.execute(sql`
    with picked as (
      select c.id from callbacks c
      where c.tenant_id = ${tenantId} and c.virtual_queue = ${settings.virtualQueue} and c.state = 'QUEUED'
        and c.next_attempt_at <= ${nowMs}::bigint and c.lease_owner is null
      order by ${aged} desc, c.queued_at asc, c.id
      limit ${room}
      for update skip locked
    ), ready as (
      update callbacks c set next_attempt_at = ${expiresAt}::bigint, attempts = c.attempts + 1,
        updated_at = ${nowMs}::bigint
      from picked where c.id = picked.id and c.state = 'QUEUED'
      returning c.id, c.tenant_id, c.virtual_queue, c.details
    ), sessions as (
      insert into callback_call_in_sessions (callback_id, tenant_id, virtual_queue, ready_at, expires_at, state)
      select id, tenant_id, ${settings.virtualQueue}::text, ${nowMs}::bigint, ${expiresAt}::bigint, 'WAITING' from ready
      on conflict (callback_id) do update set ready_at = excluded.ready_at, expires_at = excluded.expires_at,
        state = 'WAITING'
    ), audit as (
      insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
      select id, ${nowMs}::bigint, 'QUEUED', 'QUEUED', 'CALLBACK_READY', ${actor}::text from ready
    ), pushed as (${pushFrom('ready', 'CALLBACK_READY', nowMs, { expirationTime: String(expiresAt) })})
    select id from ready`);
  return rows<{ id: string }>(result).map((r) => r.id);
}

export interface EndedSession {
  id: string;
  tenantId: string;
  virtualQueue: string;
  attempts: number;
  phoneNumber: string;
}

/**
 * Ends the sessions the `ended` statement marks (it returns their callback_id): their callbacks
 * leave the queue (parked until purged, not purged) with one audit line giving the reason.
 */
async function endSessions(db: Database, ended: SQL, reason: string, nowMs: number, actor: string) {
  const result = await db.execute(sql`
    with ended as (${ended}), parked as (
      update callbacks c set next_attempt_at = ${PARKED_AT}::bigint, updated_at = ${nowMs}::bigint
      from ended where c.id = ended.callback_id and c.state = 'QUEUED'
      returning c.id, c.tenant_id, c.virtual_queue, c.attempts, c.phone_number
    ), audit as (
      insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
      select id, ${nowMs}::bigint, 'QUEUED', 'QUEUED', ${reason}::text, ${actor}::text from parked
    )
    select id, tenant_id as "tenantId", virtual_queue as "virtualQueue", attempts, phone_number as "phoneNumber"
    from parked`);
  return rows<EndedSession>(result);
}

/** Ends the sessions past their expiry: their callbacks leave the queue (parked, not purged). */
export function expireSessions(db: Database, nowMs: number, actor: string): Promise<EndedSession[]> {
  const expired = sql`update callback_call_in_sessions set state = 'EXPIRED'
    where state = 'WAITING' and expires_at <= ${nowMs}::bigint
    returning callback_id`;
  return endSessions(db, expired, 'PUSHED_CALLBACK_EXPIRED', nowMs, actor);
}

/**
 * Ends the waiting sessions whose CALLBACK_READY cannot reach the customer: none of the rows
 * written when the session opened is still pending or was sent (FCM said UNREGISTERED or
 * INVALID_ARGUMENT, retries ran out, the tenant has no push credentials) or there was no target
 * at all. Their callbacks leave the queue as at expiry. A row still retrying keeps the session,
 * and so does the second CALLBACK_READY (number and code, after a call-in request during the
 * session) while it can be delivered: the customer's app is evidently listening.
 */
export function failUndeliveredSessions(db: Database, nowMs: number, actor: string): Promise<EndedSession[]> {
  const undelivered = sql`update callback_call_in_sessions s set state = 'FAILED'
    where s.state = 'WAITING' and s.expires_at > ${nowMs}::bigint
      and not exists (
        select 1 from push_outbox o
        where o.callback_id = s.callback_id and o.event = 'CALLBACK_READY' and o.created_at >= s.ready_at
          and o.state in ('PENDING', 'SENT'))
    returning callback_id`;
  return endSessions(db, undelivered, 'CALLBACK_READY_UNDELIVERABLE', nowMs, actor);
}
