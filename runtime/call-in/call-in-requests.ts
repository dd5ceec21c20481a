/**
 * Call-In requests (GES `call-in/requests/create`) and their matching by the Click-to-Call-In
 * Match block.
 *
 * A request gets a number from its group's pool, fairly: the number handed out least recently
 * (never-used ones first, then pool order). With unique DNIS a number is not handed out while a
 * pending, unexpired request holds it: requests of a unique-DNIS group take the group's row lock
 * first, so each chooses in a statement that sees every request committed before it (row locks on
 * the numbers alone let a request whose snapshot predates another's commit pick the same number
 * on PostgreSQL), in any process. The access code comes from
 * `crypto.randomInt`; only a SHA-256 of tenant and code is stored, and the code itself appears
 * only in the answer and in the push that carries it (emptied from the outbox once sent).
 *
 * A delayed request names a USERORIGINATED callback (`callbackServiceId`); it is refused when the
 * callback was purged (or otherwise completed), its call-in session expired, or it was already
 * matched. A request matches only while it is pending and unexpired and, for a delayed one, its
 * callback is still waiting and its session alive. A match on every chosen criterion completes the
 * request and its callback (CUSTOMER_CALLED_IN) and runs the callback's Callback application with
 * `connected`; a match on some of them only reports which (its outcome port), so the right caller
 * can still use the request.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { and, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import type { CallInCreate } from '../../schemas/call-in.generated.ts';
import type { MatchCriterion } from '../../schemas/flow/outcomes.ts';
import type { QueueConfigs } from '../callbacks/queue-config.ts';
import { agedPriority } from '../contact-center/priority.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { callbackCallInSessions, callbacks, callInRequests } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';
import { pushEvent } from '../push/push-events.ts';
import { PARKED_AT } from './customer-dials-in.ts';
import { type CallInGroupStore, e164 } from './group-store.ts';

export const accessCodeHash = (tenantId: string, code: string) =>
  createHash('sha256').update(`${tenantId}\u0000${code}`).digest('hex');

/** `length` random decimal digits (leading zeros allowed). */
export function newAccessCode(length: number): string {
  return randomInt(0, 10 ** length)
    .toString()
    .padStart(length, '0');
}

export interface CallInAnswer {
  id: string;
  toPhoneNumber: string;
  accessCode?: string;
  expirationTime: number;
  fromPhoneNumber?: string;
  groupName: string;
  callbackServiceId?: string;
}

export interface MatchRequest {
  criteria: readonly MatchCriterion[];
  dnis: string;
  ani: string;
  accessCode: string | undefined;
  callId: string;
}

export interface MatchResult {
  matched: MatchCriterion[];
  complete: boolean;
  requestId: string;
  userData: Record<string, unknown>;
  routing: { virtualQueue: string; skillExpression: string; priority: number } | undefined;
}

interface Candidate {
  id: string;
  to_number: string;
  from_number: string | null;
  access_code_hash: string | null;
  callback_id: string | null;
  user_data: Record<string, unknown>;
  virtual_queue: string | null;
  priority: number | null;
  queued_at: string | number | null;
}

export function callInRequestService(deps: {
  db: Database;
  groups: CallInGroupStore;
  queues: QueueConfigs;
  now: () => number;
  /** Runs the callback's Callback application once its customer called in (the engine's). */
  onCalledIn?: (
    tenantId: string,
    callback: { id: string; attempts: number; phoneNumber: string; virtualQueue: string },
  ) => void;
}) {
  const { db, groups, queues, now } = deps;

  async function checkCallback(tenantId: string, callbackId: string): Promise<void> {
    const refuse = (why: string) => new ApiError('CALLBACK_NOT_CALLABLE_IN', `Callback ${callbackId} ${why}`);
    const [row] = await db
      .select({
        state: callbacks.state,
        vq: callbacks.virtualQueue,
        next: callbacks.nextAttemptAt,
        reason: callbacks.reason,
      })
      .from(callbacks)
      .where(and(eq(callbacks.tenantId, tenantId), eq(callbacks.id, callbackId)));
    if (!row) throw new ApiError('NOT_FOUND', `No callback ${callbackId}`);
    const config = await queues.find(tenantId, row.vq);
    if (config?.settings.callDirection !== 'USERORIGINATED')
      throw refuse(`is in ${row.vq}, whose Call Direction is not USERORIGINATED`);
    if (row.state === 'COMPLETED') throw refuse(`is completed (${row.reason ?? 'no reason'})`);
    const [session] = await db
      .select({ state: callbackCallInSessions.state, expiresAt: callbackCallInSessions.expiresAt })
      .from(callbackCallInSessions)
      .where(eq(callbackCallInSessions.callbackId, callbackId));
    if (
      (row.next ?? 0) >= PARKED_AT ||
      session?.state === 'EXPIRED' ||
      (session && session.expiresAt <= now())
    )
      throw refuse('left the queue: its Pushed Callback Expiry Time passed');
    if (session?.state === 'CALLED_IN') throw refuse('was already matched');
    const [matched] = await db
      .select({ id: callInRequests.id })
      .from(callInRequests)
      .where(and(eq(callInRequests.callbackId, callbackId), eq(callInRequests.state, 'COMPLETED')));
    if (matched) throw refuse('was already matched');
  }

  return {
    async create(tenantId: string, body: CallInCreate): Promise<CallInAnswer> {
      const group = await groups.get(tenantId, body.groupName);
      if (body.callbackServiceId) await checkCallback(tenantId, body.callbackServiceId);
      const at = now();
      const id = randomUUID();
      const expiresAt = at + group.expirySeconds * 1000;
      const accessCode = group.accessCode.enabled ? newAccessCode(group.accessCode.length) : undefined;
      const fromNumber = body.fromPhoneNumber
        ? e164(body.fromPhoneNumber.replace(/[\s().-]/g, ''))
        : undefined;
      const toNumber = await db.transaction(async (tx) => {
        if (group.uniqueDnis)
          await tx.execute(sql`
            select 1 from call_in_groups where tenant_id = ${tenantId} and name = ${group.name} for update`);
        const inUse = group.uniqueDnis
          ? sql`and not exists (select 1 from call_in_requests r where r.tenant_id = n.tenant_id
              and r.to_number = n.number and r.state = 'PENDING' and r.expires_at > ${at}::bigint)`
          : sql``;
        const [chosen] = rows<{ number: string }>(
          await tx.execute(sql`
            select n.number from call_in_numbers n
            where n.tenant_id = ${tenantId} and n.group_name = ${group.name} ${inUse}
            order by n.last_used_at asc nulls first, n.position asc
            limit 1
            for update skip locked`),
        );
        if (!chosen) return undefined;
        await tx.execute(sql`
          update call_in_numbers set last_used_at = ${at}::bigint
          where tenant_id = ${tenantId} and group_name = ${group.name} and number = ${chosen.number}`);
        await tx.insert(callInRequests).values({
          id,
          tenantId,
          groupName: group.name,
          toNumber: chosen.number,
          fromNumber: fromNumber ?? null,
          accessCodeHash: accessCode ? accessCodeHash(tenantId, accessCode) : null,
          userData: body.userData ?? {},
          callbackId: body.callbackServiceId ?? null,
          state: 'PENDING',
          createdAt: at,
          expiresAt,
        });
        return chosen.number;
      });
      if (!toNumber) {
        const [next] = rows<{ at: string | number | null }>(
          await db.execute(sql`
            select min(r.expires_at) as at from call_in_requests r
            join call_in_numbers n on n.tenant_id = r.tenant_id and n.number = r.to_number
            where n.tenant_id = ${tenantId} and n.group_name = ${group.name} and r.state = 'PENDING'
              and r.expires_at > ${at}::bigint`),
        );
        const retryAfter = next?.at ? Math.max(1, Math.ceil((Number(next.at) - at) / 1000)) : 1;
        throw new ApiError(
          'DNIS_POOL_EXHAUSTED',
          `Every number of ${group.name} is in use (unique DNIS); try again in ${retryAfter} s`,
          { retryAfter },
        );
      }
      const answer: CallInAnswer = {
        id,
        toPhoneNumber: toNumber,
        ...(accessCode ? { accessCode } : {}),
        expirationTime: expiresAt,
        ...(fromNumber ? { fromPhoneNumber: fromNumber } : {}),
        groupName: group.name,
        ...(body.callbackServiceId ? { callbackServiceId: body.callbackServiceId } : {}),
      };
      // Delayed: the guide's "another Push Notification" after the call-in request is a second
      // CALLBACK_READY (there are five events) carrying what the customer needs to call in: the
      // number, and the access code when the group asks for one.
      if (body.callbackServiceId)
        await pushEvent(db, [body.callbackServiceId], 'CALLBACK_READY', at, {
          toPhoneNumber: toNumber,
          ...(accessCode ? { accessCode } : {}),
        });
      return answer;
    },

    async match(tenantId: string, request: MatchRequest): Promise<MatchResult | undefined> {
      const at = now();
      const dnis = request.dnis ? e164(request.dnis) : '';
      const ani = request.ani ? e164(request.ani) : '';
      const codeHash =
        request.accessCode !== undefined && request.accessCode !== ''
          ? accessCodeHash(tenantId, request.accessCode)
          : undefined;
      const tests = [];
      if (request.criteria.includes('dnis') && dnis) tests.push(sql`r.to_number = ${dnis}`);
      if (request.criteria.includes('ani') && ani) tests.push(sql`r.from_number = ${ani}`);
      if (request.criteria.includes('accessCode') && codeHash)
        tests.push(sql`r.access_code_hash = ${codeHash}`);
      if (tests.length === 0) return undefined;
      const candidates = rows<Candidate>(
        await db.execute(sql`
          select r.id, r.to_number, r.from_number, r.access_code_hash, r.callback_id, r.user_data,
            c.virtual_queue, c.priority, c.queued_at
          from call_in_requests r
          left join callbacks c on c.id = r.callback_id
          left join callback_call_in_sessions s on s.callback_id = r.callback_id
          where r.tenant_id = ${tenantId} and r.state = 'PENDING' and r.expires_at > ${at}::bigint
            and (r.callback_id is null or (c.state = 'QUEUED' and c.next_attempt_at < ${PARKED_AT}::bigint
              and (s.callback_id is null or (s.state = 'WAITING' and s.expires_at > ${at}::bigint))))
            and (${sql.join(tests, sql` or `)})
          order by r.created_at asc, r.id
          limit 100`),
      );
      const scored = candidates.map((c) => ({
        candidate: c,
        matched: request.criteria.filter((criterion) =>
          criterion === 'dnis'
            ? c.to_number === dnis
            : criterion === 'ani'
              ? c.from_number !== null && c.from_number === ani
              : codeHash !== undefined && c.access_code_hash === codeHash,
        ),
      }));
      // The request matching the most criteria; among equals, the oldest.
      const best = scored.reduce<(typeof scored)[number] | undefined>(
        (top, s) => (s.matched.length > (top?.matched.length ?? 0) ? s : top),
        undefined,
      );
      if (!best) return undefined;
      const { candidate } = best;
      const complete = best.matched.length === request.criteria.length;
      let routing: MatchResult['routing'];
      if (candidate.callback_id && candidate.virtual_queue) {
        const config = await queues.find(tenantId, candidate.virtual_queue);
        if (config) {
          const { settings } = config;
          routing = {
            virtualQueue: settings.virtualQueue,
            skillExpression: settings.skillExpression,
            // The callback's priority now, aged as in its queue: the call keeps its place.
            priority: agedPriority(
              candidate.priority ?? settings.priorityInitial,
              {
                increment: settings.priorityIncrement,
                intervalSeconds: settings.priorityIntervalSeconds,
                limit: settings.priorityLimit,
              },
              at - Number(candidate.queued_at ?? at),
            ),
          };
        }
      }
      if (complete && !(await consume(tenantId, candidate, best.matched, request.callId, at)))
        return undefined;
      return {
        matched: best.matched,
        complete,
        requestId: candidate.id,
        userData: candidate.user_data,
        routing,
      };
    },
  };

  /** Completes a fully matched request and its callback together; false when either moved meanwhile. */
  async function consume(
    tenantId: string,
    candidate: Candidate,
    matched: MatchCriterion[],
    callId: string,
    at: number,
  ): Promise<boolean> {
    const moved = await db
      .transaction(async (tx) => {
        const taken = await tx
          .update(callInRequests)
          .set({ state: 'COMPLETED', matchedAt: at, matchedCallId: callId, matchedOn: matched.join('+') })
          .where(and(eq(callInRequests.id, candidate.id), eq(callInRequests.state, 'PENDING')))
          .returning({ id: callInRequests.id });
        if (taken.length === 0) return undefined;
        if (!candidate.callback_id) return { callback: undefined };
        const [callback] = rows<{ id: string; attempts: number; phoneNumber: string; virtualQueue: string }>(
          await tx.execute(sql`
          with done as (
            update callbacks set state = 'COMPLETED', reason = 'CUSTOMER_CALLED_IN', completed_at = ${at}::bigint,
              updated_at = ${at}::bigint
            where id = ${candidate.callback_id} and tenant_id = ${tenantId} and state = 'QUEUED'
              and next_attempt_at < ${PARKED_AT}::bigint
            returning id, attempts, phone_number, virtual_queue
          ), session as (
            update callback_call_in_sessions set state = 'CALLED_IN'
            where callback_id in (select id from done)
          ), audit as (
            insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
            select id, ${at}::bigint, 'QUEUED', 'COMPLETED', 'CUSTOMER_CALLED_IN', ${`call:${callId}`}::text from done
          )
          select id, attempts, phone_number as "phoneNumber", virtual_queue as "virtualQueue" from done`),
        );
        // The callback moved on (purged, expired) between the read and now: no match, nothing written.
        if (!callback) tx.rollback();
        return { callback };
      })
      .catch((error: unknown) => {
        if (error instanceof TransactionRollbackError) return undefined;
        throw error;
      });
    if (!moved) return false;
    if (moved.callback) deps.onCalledIn?.(tenantId, moved.callback);
    return true;
  }
}

export type CallInRequestService = ReturnType<typeof callInRequestService>;
