/**
 * The Monitor tab's live figures of every callback queue: callbacks waiting and scheduled for
 * today, the EWT a newcomer would get, whether the queue is open and when it next opens and
 * closes, and what may be offered now. Counts come from two grouped statements for all queues at
 * once, so a tenant with hundreds of queues costs the same round trips as one with a few.
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { QueueFigures } from '../../schemas/console-api.generated.ts';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import { openFor } from '../callbacks/offer.ts';
import type { QueueConfig } from '../callbacks/queue-config.ts';
import type { EwtResult } from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { callbacks } from '../db/schema.ts';

export type { QueueFigures } from '../../schemas/console-api.generated.ts';

const QUARTER = 900_000;
const iso = (ms: number | undefined | null) =>
  ms === undefined || ms === null ? null : new Date(ms).toISOString();

/** Start and end (epoch ms) of the local day containing `atMs` in `zone`. */
export function localDay(atMs: number, zone: string): { startMs: number; endMs: number } {
  const day = DateTime.fromMillis(atMs, { zone }).startOf('day');
  return { startMs: day.toMillis(), endMs: day.plus({ days: 1 }).toMillis() };
}

/**
 * The EWT a callback joining the queue now would be given (GES mode2, at the position after every
 * waiting callback and call): the Monitor's figure, and what the day's EWT samples record.
 */
export function newcomerEwt(
  host: ContactCenterHost,
  virtualQueue: string,
  waitingCallbacks: number,
): EwtResult {
  return host.simulator.estimatedWaitTime(
    virtualQueue,
    'mode2',
    waitingCallbacks + host.simulator.queueLength(virtualQueue) + 1,
  );
}

/** Seconds, or -1 when no estimate can be made (no agents or no history). */
export const ewtSecondsOf = (ewt: EwtResult) => (ewt.resultCode === 0 ? ewt.estimatedWaitTime : -1);

export async function queueFigures(
  db: Database,
  host: ContactCenterHost,
  tenantId: string,
  configs: QueueConfig[],
  nowMs: number,
): Promise<QueueFigures[]> {
  if (configs.length === 0) return [];
  const names = configs.map((c) => c.settings.virtualQueue);
  const waitingRows = await db
    .select({ queue: callbacks.virtualQueue, n: sql<number>`count(*)::int` })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.tenantId, tenantId),
        inArray(callbacks.virtualQueue, names),
        inArray(callbacks.state, ['QUEUED', 'ROUTING']),
      ),
    )
    .groupBy(callbacks.virtualQueue);
  // Scheduled callbacks per quarter hour around now; each queue then sums the quarters of its
  // own local day (every IANA offset is a multiple of 15 minutes).
  const quarterRows = await db
    .select({
      queue: callbacks.virtualQueue,
      quarter: sql<number>`(${callbacks.desiredTime} / ${QUARTER})::bigint`.mapWith(Number),
      n: sql<number>`count(*)::int`,
    })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.tenantId, tenantId),
        inArray(callbacks.virtualQueue, names),
        eq(callbacks.state, 'SCHEDULED'),
        gte(callbacks.desiredTime, nowMs - 2 * 86_400_000),
        lt(callbacks.desiredTime, nowMs + 2 * 86_400_000),
      ),
    )
    .groupBy(callbacks.virtualQueue, sql`2`);
  const waiting = new Map(waitingRows.map((r) => [r.queue, Number(r.n)]));
  const quarters = new Map<string, { quarter: number; n: number }[]>();
  for (const row of quarterRows) {
    const list = quarters.get(row.queue) ?? [];
    list.push({ quarter: Number(row.quarter), n: Number(row.n) });
    quarters.set(row.queue, list);
  }
  return configs.map((config) => {
    const name = config.settings.virtualQueue;
    const zone = config.hours.timeZone;
    const day = localDay(nowMs, zone);
    const scheduledToday = (quarters.get(name) ?? [])
      .filter((q) => q.quarter * QUARTER >= day.startMs && q.quarter * QUARTER < day.endMs)
      .reduce((sum, q) => sum + q.n, 0);
    const inQueue = waiting.get(name) ?? 0;
    const ewt = newcomerEwt(host, name, inQueue);
    const gates = openFor(config, nowMs);
    const openNow = gates.openFor > 0;
    const closeMs = openNow ? nowMs + gates.openFor * 1000 : undefined;
    const next = config.hours.nextOpening(closeMs ?? nowMs);
    return {
      virtualQueue: name,
      timeZone: zone,
      waiting: inQueue,
      scheduledToday,
      ewtSeconds: ewtSecondsOf(ewt),
      openNow,
      opensAt: iso(next?.startMs),
      closesAt: iso(closeMs ?? next?.endMs),
      immediateOfferEnabled:
        ewt.resultCode !== -2 && gates.isImmediateEnabled && gates.isWithinImmediateOfferTime,
      scheduledOfferEnabled: config.settings.scheduledEnabled,
    };
  });
}
