/**
 * The five push events of a callback (ges-api.md "Push notification events"), written to the
 * push outbox in the statement that causes them or right after it; the push worker sends them.
 * Only callbacks booked with push targets get rows; one row per target. CALLBACK_READY goes twice
 * in the delayed scenario: at the top of the queue, then with `toPhoneNumber` (and `accessCode`)
 * right after the app's call-in request.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';

export type PushEventName =
  | 'CALLBACK_UPCOMING'
  | 'CALLBACK_READY'
  | 'CALLBACK_PURGED'
  | 'CALLBACK_ATTEMPT_FAILED'
  | 'CALLBACK_FINAL_ATTEMPT_FAILED';

/** The targets of a callback's `details.pushTargets` as rows (p: a relation with id, tenant_id, details). */
export const targetsOf = sql.raw(`cross join lateral jsonb_array_elements(
    case when jsonb_typeof(p.details -> 'pushTargets') = 'array' then p.details -> 'pushTargets' else '[]'::jsonb end) t`);

/**
 * An insert of `event` for every push target of the rows of `source`, a CTE with the callbacks'
 * id, tenant_id, virtual_queue and details: for use inside the statement that causes the event.
 */
export function pushFrom(
  source: string,
  event: PushEventName,
  nowMs: number,
  extra: Record<string, string> = {},
) {
  return sql`
    insert into push_outbox (tenant_id, callback_id, channel, target, event, payload, state, attempts,
      next_attempt_at, created_at)
    select p.tenant_id, p.id, t ->> 'channel', t ->> 'target', ${event}::text,
      jsonb_build_object('event', ${event}::text, 'callbackId', p.id, 'serviceName', p.virtual_queue)
        || ${JSON.stringify(extra)}::jsonb,
      'PENDING', 0, ${nowMs}::bigint, ${nowMs}::bigint
    from ${sql.raw(source)} p ${targetsOf}`;
}

/** Writes `event` for every push target of the callbacks; returns how many rows were written. */
export async function pushEvent(
  db: Database,
  callbackIds: string[],
  event: PushEventName,
  nowMs: number,
  extra: Record<string, string> = {},
): Promise<number> {
  if (callbackIds.length === 0) return 0;
  const ids = `{${callbackIds.join(',')}}`;
  const result = await db.execute(sql`
    with pushed as (
      insert into push_outbox (tenant_id, callback_id, channel, target, event, payload, state, attempts,
        next_attempt_at, created_at)
      select p.tenant_id, p.id, t ->> 'channel', t ->> 'target', ${event}::text,
        jsonb_build_object('event', ${event}::text, 'callbackId', p.id, 'serviceName', p.virtual_queue)
          || ${JSON.stringify(extra)}::jsonb,
        'PENDING', 0, ${nowMs}::bigint, ${nowMs}::bigint
      from callbacks p ${targetsOf}
      where p.id = any(${ids}::text[])
      returning id
    )
    select count(*)::int as n from pushed`);
  return rows<{ n: number }>(result)[0]?.n ?? 0;
}
