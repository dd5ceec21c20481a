/**
 * The dispatcher's statements on leased callbacks, each one round trip and atomic:
 * claim (lock with SKIP LOCKED, lease, count the attempt, audit), record dials (only while the
 * lease is held with time to spare), move (guarded state change + audit + dial outcome, for a
 * batch), renew. The lease owner column guards every change, so a process that lost its lease
 * (stalled, or presumed dead) can no longer move a callback another process now holds.
 *
 * Rows are always reached through `id = any(<array>)`, which PostgreSQL answers from the primary
 * key whatever its statistics say: right after a burst of bookings they are stale, and a join
 * against a JSON record set was then planned as a scan of the whole queue per row.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import type { CallbackState } from './callback-store.ts';
import type { QueueConfig } from './queue-config.ts';

export interface ClaimedCallback {
  id: string;
  previous: CallbackState;
  attempts: number;
  phoneNumber: string;
  tenantId: string;
}

export interface LeaseOwner {
  db: Database;
  nodeId: string;
  leaseMs: number;
}

/**
 * Claims up to `limit` due callbacks of the queue: QUEUED ones whose next attempt is due (their
 * attempt number moves on: DIAL_ATTEMPT_n), and ROUTING/PROCESSING ones whose lease expired
 * (their owner died). A taken-over callback keeps its state and its attempt number
 * (LEASE_TAKEN_OVER): the dispatcher first asks the telephony what became of that attempt, and
 * dials anew only when it was never dialled.
 */
export async function claimDue(
  owner: LeaseOwner,
  config: QueueConfig,
  at: number,
  limit: number,
): Promise<ClaimedCallback[]> {
  const { db, nodeId, leaseMs } = owner;
  const { settings, tenantId } = config;
  const aged = sql`case when k.priority >= ${settings.priorityLimit}::int then k.priority else least(${settings.priorityLimit}::int, k.priority + floor((${at}::bigint - coalesce(k.queued_at, ${at}::bigint)) / (${settings.priorityIntervalSeconds * 1000})::float8) * ${settings.priorityIncrement}) end`;
  const due = sql`((state = 'QUEUED' and next_attempt_at <= ${at}::bigint)
    or (state in ('ROUTING', 'PROCESSING') and lease_until < ${at}::bigint))`;
  const queue = sql`tenant_id = ${tenantId} and virtual_queue = ${settings.virtualQueue}`;
  // Candidates without sorting the whole queue: aging only raises a priority with age, so the best
  // callbacks of each base priority are its oldest (index callbacks_queued, one short walk per
  // priority, found by a loose index scan), plus the expired leases (index callbacks_leased).
  // Other processes may hold some candidates (SKIP LOCKED), hence a few times the limit.
  // Materialized, ranked, then each one locked through its primary key in rank order until
  // `limit` are held: a row another process changed meanwhile is re-checked, not the queue walked
  // again, and the plan cannot turn into a scan of the queue when statistics are stale.
  const candidates = limit * 3;
  const result = await db.execute(sql`
    with recursive priorities(p) as (
      (select priority from callbacks where ${queue} and state = 'QUEUED' order by priority desc limit 1)
      union all
      select (select priority from callbacks where ${queue} and state = 'QUEUED' and priority < priorities.p
        order by priority desc limit 1)
      from priorities where priorities.p is not null
    ), candidates as materialized (
      select c.id, c.priority, c.queued_at from priorities, lateral (
        select id, priority, queued_at from callbacks where ${queue} and state = 'QUEUED' and priority = priorities.p
          and next_attempt_at <= ${at}::bigint
        order by queued_at limit ${candidates}) c
      where priorities.p is not null
      union all
      select id, priority, queued_at from callbacks
      where ${queue} and state in ('ROUTING', 'PROCESSING') and lease_until < ${at}::bigint
    ), picked as (
      select held.id, held.previous
      from (select k.id from candidates k order by ${aged} desc, k.queued_at asc, k.id offset 0) ranked
      cross join lateral (
        select id, state as previous from callbacks
        where callbacks.id = ranked.id and ${due}
        for update skip locked
      ) held
      limit ${limit}
    ), claimed as (
      update callbacks c set
        state = case when picked.previous = 'PROCESSING' then 'PROCESSING' else 'ROUTING' end,
        lease_owner = ${nodeId}, lease_until = ${at + leaseMs}::bigint,
        attempts = c.attempts + case when picked.previous = 'QUEUED' then 1 else 0 end, updated_at = ${at}::bigint
      from picked where c.id = picked.id
      returning c.id, picked.previous, c.state, c.attempts, c.phone_number, c.tenant_id
    ), audit as (
      insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
      select id, ${at}::bigint, previous, state,
        case when previous = 'QUEUED' then 'DIAL_ATTEMPT_' || attempts else 'LEASE_TAKEN_OVER' end,
        ${`engine:${nodeId}`}::text from claimed
    )
    select id, previous, attempts, phone_number as "phoneNumber", tenant_id as "tenantId" from claimed`);
  return rows<ClaimedCallback>(result);
}

/**
 * Records the dial of each attempt, before dialling: the (callback, attempt) key makes a second
 * dial of one attempt impossible, and the lease guard (still ours, at least half a lease left)
 * keeps a stalled process from dialling a callback another process is about to take over.
 * Returns the ids that may be dialled.
 */
export async function recordDials(
  owner: LeaseOwner,
  attempts: { id: string; attempts: number }[],
  at: number,
): Promise<Set<string>> {
  if (attempts.length === 0) return new Set();
  const { db, nodeId, leaseMs } = owner;
  // Looked up per row by key (a jsonb object is a sorted map), never joined: see the header.
  const input = JSON.stringify(Object.fromEntries(attempts.map((a) => [a.id, a.attempts])));
  const ids = `{${attempts.map((a) => a.id).join(',')}}`;
  const result = await db.execute(sql`
    with input as materialized (select ${input}::jsonb as j)
    insert into dial_attempts (callback_id, attempt, node_id, started_at)
    select c.id, c.attempts, ${nodeId}::text, ${at}::bigint
    from callbacks c, input
    where c.id = any(${ids}::text[]) and c.attempts = (input.j ->> c.id)::int and c.state = 'ROUTING'
      and c.lease_owner = ${nodeId} and c.lease_until >= ${at + Math.floor(leaseMs / 2)}::bigint
    on conflict do nothing
    returning callback_id as id`);
  return new Set(rows<{ id: string }>(result).map((r) => r.id));
}

export interface LeasedMove {
  id: string;
  from: CallbackState;
  to: CallbackState;
  reason: string;
  /** QUEUED again: when the next attempt is due. */
  nextAttemptAt?: number;
  agentId?: string;
  /** The dial whose outcome this move records. */
  attempt?: number;
  outcome?: string;
  endedAt?: number;
}

/**
 * Moves callbacks this process holds, in one statement: each only if still in its `from` state
 * and leased by us. Leaving the dispatcher (QUEUED, COMPLETED) drops the lease. Returns the ids
 * that moved.
 */
export async function moveLeased(owner: LeaseOwner, moves: LeasedMove[], at: number): Promise<Set<string>> {
  if (moves.length === 0) return new Set();
  const { db, nodeId } = owner;
  const ids = `{${moves.map((m) => m.id).join(',')}}`;
  // Looked up per row by key (a jsonb object is a sorted map), never joined: see the header.
  const input = JSON.stringify(
    Object.fromEntries(
      moves.map((m) => [
        m.id,
        {
          from: m.from,
          to: m.to,
          reason: m.reason,
          next: m.nextAttemptAt ?? null,
          agent: m.agentId ?? null,
          attempt: m.attempt ?? null,
          outcome: m.outcome ?? null,
          ended: m.endedAt ?? null,
        },
      ]),
    ),
  );
  const field = (key: string) => sql.raw(`(input.j -> c.id ->> '${key}')`);
  const to = field('to');
  const result = await db.execute(sql`
    with input as materialized (select ${input}::jsonb as j
    ), dialled as (
      update dial_attempts d set outcome = input.j -> d.callback_id ->> 'outcome',
        ended_at = (input.j -> d.callback_id ->> 'ended')::bigint
      from input
      where d.callback_id = any(${ids}::text[]) and d.attempt = (input.j -> d.callback_id ->> 'attempt')::int
        and input.j -> d.callback_id ->> 'outcome' is not null
    ), moved as (
      update callbacks c set state = ${to}, updated_at = ${at}::bigint,
        reason = case when ${to} = 'COMPLETED' then ${field('reason')} else c.reason end,
        completed_at = case when ${to} = 'COMPLETED' then ${at}::bigint else c.completed_at end,
        lease_owner = case when ${to} in ('COMPLETED', 'QUEUED') then null else c.lease_owner end,
        lease_until = case when ${to} in ('COMPLETED', 'QUEUED') then null else c.lease_until end,
        next_attempt_at = coalesce((${field('next')})::bigint, c.next_attempt_at),
        agent_id = coalesce(${field('agent')}, c.agent_id)
      from input
      where c.id = any(${ids}::text[]) and c.state = ${field('from')} and c.lease_owner = ${nodeId}
      returning c.id, ${field('from')} as from_state, c.state as to_state, ${field('reason')} as reason
    ), audit as (
      insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
      select id, ${at}::bigint, from_state, to_state, reason, ${`engine:${nodeId}`}::text from moved
    )
    select id from moved`);
  return new Set(rows<{ id: string }>(result).map((r) => r.id));
}

/**
 * Gives up our lease on a callback whose attempt we could not bring to an end (the telephony or
 * the database failed under it): the lease is made expired, so the next claim — ours or another
 * process's — takes it over and resolves the attempt through the telephony like any orphan.
 */
export async function abandonLease(owner: LeaseOwner, id: string, at: number): Promise<void> {
  const { db, nodeId } = owner;
  await db.execute(sql`
    update callbacks set lease_until = ${at - 1}::bigint
    where id = ${id} and lease_owner = ${nodeId} and state in ('ROUTING', 'PROCESSING')`);
}

/** Keeps this process's leases alive. */
export async function renewLeases(owner: LeaseOwner, at: number): Promise<void> {
  const { db, nodeId, leaseMs } = owner;
  await db.execute(sql`
    update callbacks set lease_until = ${at + leaseMs}::bigint
    where lease_owner = ${nodeId} and state in ('ROUTING', 'PROCESSING')`);
}

/**
 * Gathers the moves asked for in one turn of the event loop (dial results and agent assignments
 * arrive in bursts from one simulator tick) into one statement.
 */
export function moveBatcher(owner: LeaseOwner, now: () => number) {
  let pending: { move: LeasedMove; resolve: (moved: boolean) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const moved = await moveLeased(
        owner,
        batch.map((p) => p.move),
        now(),
      );
      for (const p of batch) p.resolve(moved.has(p.move.id));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  };
  return (move: LeasedMove): Promise<boolean> =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push({ move, resolve, reject });
    });
}
