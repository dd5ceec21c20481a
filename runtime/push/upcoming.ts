/**
 * CALLBACK_UPCOMING: sent once, when a waiting callback's EWT drops below the queue's Push
 * Notification Threshold (ges-api.md, the guide's "Callback Push Notifications"). Not sent:
 * - when the EWT was already below the threshold at booking (callback_upcoming BELOW_AT_BOOKING,
 *   written by the GES create route);
 * - while the callback would be purged (Callback Purge Time) or the business day end (Purge At End
 *   Of Day) before it reaches the top: checked at every pass, so it may still be sent later;
 * - a second time, whatever the EWT does after (the callback_upcoming row is the "once").
 * The EWT of a callback is the simulator's for its position among the queue's waiting callbacks.
 */
import { sql } from 'drizzle-orm';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { QueueConfig } from '../callbacks/queue-config.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { targetsOf } from './push-events.ts';

interface Candidate {
  id: string;
  position: number;
  queued_at: string | number;
}

/** The EWT of a callback at `position`, in seconds; undefined when the queue cannot estimate. */
export function ewtAt(host: ContactCenterHost, config: QueueConfig, position: number): number | undefined {
  const ewt = host.simulator.estimatedWaitTime(config.settings.virtualQueue, 'mode2', position);
  return ewt.resultCode === 0 ? ewt.estimatedWaitTime : undefined;
}

/** When a callback that entered the queue at `queuedAt` would be purged, or +∞. */
export function purgeDeadline(config: QueueConfig, queuedAt: number): number {
  const { settings, hours } = config;
  let deadline = Number.POSITIVE_INFINITY;
  if (settings.callbackPurgeTimeMinutes > 0)
    deadline = Math.min(deadline, queuedAt + settings.callbackPurgeTimeMinutes * 60_000);
  if (settings.purgeAtEndOfDay) {
    const close = hours.endOfBusinessDay(queuedAt) ?? hours.nextOpening(queuedAt)?.endMs;
    if (close !== undefined && close !== null) deadline = Math.min(deadline, close);
  }
  return deadline;
}

/**
 * Whether CALLBACK_UPCOMING goes now to a callback with this EWT: known, under the threshold, and
 * reaching the top before the callback would be purged or the business day end.
 */
export function upcomingDue(
  ewtSeconds: number | undefined,
  thresholdSeconds: number,
  nowMs: number,
  deadlineMs: number,
) {
  if (ewtSeconds === undefined || ewtSeconds >= thresholdSeconds) return false;
  return nowMs + ewtSeconds * 1000 < deadlineMs;
}

export async function pushUpcoming(
  db: Database,
  host: ContactCenterHost,
  config: QueueConfig,
  nowMs: number,
): Promise<number> {
  const { settings, tenantId } = config;
  const thresholdSeconds = settings.pushNotificationThresholdMinutes * 60;
  if (thresholdSeconds <= 0) return 0;
  // Positions among every waiting callback, read only when one with push targets still awaits its
  // CALLBACK_UPCOMING (the exists test is answered from the queue's rows without ranking them).
  const result = await db.execute(sql`
    with pending as (
      select 1 from callbacks c
      where c.tenant_id = ${tenantId} and c.virtual_queue = ${settings.virtualQueue} and c.state = 'QUEUED'
        and c.next_attempt_at <= ${nowMs}::bigint and jsonb_typeof(c.details -> 'pushTargets') = 'array'
        and not exists (select 1 from callback_upcoming u where u.callback_id = c.id)
      limit 1
    ), ranked as (
      select c.id, c.queued_at, c.details, row_number() over (order by c.priority desc, c.queued_at asc, c.id) as position
      from callbacks c
      where exists (select 1 from pending) and c.tenant_id = ${tenantId}
        and c.virtual_queue = ${settings.virtualQueue} and c.state = 'QUEUED'
        and c.next_attempt_at <= ${nowMs}::bigint
    )
    select r.id, r.position::int as position, r.queued_at from ranked r
    where jsonb_typeof(r.details -> 'pushTargets') = 'array'
      and not exists (select 1 from callback_upcoming u where u.callback_id = r.id)`);
  const due = rows<Candidate>(result).filter((c) =>
    upcomingDue(
      ewtAt(host, config, c.position),
      thresholdSeconds,
      nowMs,
      purgeDeadline(config, Number(c.queued_at)),
    ),
  );
  if (due.length === 0) return 0;
  const ids = `{${due.map((c) => c.id).join(',')}}`;
  const sent = await db.execute(sql`
    with marked as (
      insert into callback_upcoming (callback_id, outcome, at)
      select id, 'SENT', ${nowMs}::bigint from unnest(${ids}::text[]) as id
      on conflict do nothing
      returning callback_id
    ), pushed as (
      insert into push_outbox (tenant_id, callback_id, channel, target, event, payload, state, attempts,
        next_attempt_at, created_at)
      select p.tenant_id, p.id, t ->> 'channel', t ->> 'target', 'CALLBACK_UPCOMING',
        jsonb_build_object('event', 'CALLBACK_UPCOMING', 'callbackId', p.id, 'serviceName', p.virtual_queue),
        'PENDING', 0, ${nowMs}::bigint, ${nowMs}::bigint
      from callbacks p join marked m on m.callback_id = p.id ${targetsOf}
    )
    select count(*)::int as n from marked`);
  return rows<{ n: number }>(sent)[0]?.n ?? 0;
}
