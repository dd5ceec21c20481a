/**
 * The Monitor's "EWT over the day". The runtime's EWT (GES mode2) is computed from the queue's
 * live state (its departures, the agents logged in, what waits) and is not kept, so the engine
 * records, once per queue and quarter hour, the EWT a newcomer would have been given then (the
 * Monitor list's figure) beside the callbacks waiting. Quarter hours serve every chart interval
 * (15, 30, 60 minutes) and every local midnight (IANA offsets are multiples of 15 minutes). A
 * quarter hour the engine did not run in (before the runtime started, or a virtual-clock jump
 * with nothing to do) has no sample, and the chart leaves a gap there rather than guess.
 */
import { and, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { QueueConfig } from '../callbacks/queue-config.ts';
import type { Database } from '../db/client.ts';
import { callbacks, queueEwtSamples } from '../db/schema.ts';
import { ewtSecondsOf, newcomerEwt } from './figures.ts';

export const SAMPLE_EVERY_MS = 15 * 60_000;
/** Samples older than this go: the Monitor charts the current local day only (at most 26 hours). */
export const SAMPLES_KEPT_MS = 2 * 86_400_000;

/** The start of the quarter hour containing `ms`. */
export const quarterOf = (ms: number) => Math.floor(ms / SAMPLE_EVERY_MS) * SAMPLE_EVERY_MS;

/**
 * Records the quarter hour's sample of every queue in `configs`, unless one was already taken
 * (by this process or another); drops samples past their keeping.
 */
export async function recordEwtSamples(
  db: Database,
  host: ContactCenterHost,
  configs: QueueConfig[],
  nowMs: number,
): Promise<void> {
  if (configs.length === 0) return;
  const counts = await db
    .select({ tenantId: callbacks.tenantId, queue: callbacks.virtualQueue, n: sql<number>`count(*)::int` })
    .from(callbacks)
    .where(
      and(
        inArray(
          callbacks.virtualQueue,
          configs.map((c) => c.settings.virtualQueue),
        ),
        inArray(callbacks.state, ['QUEUED', 'ROUTING']),
      ),
    )
    .groupBy(callbacks.tenantId, callbacks.virtualQueue);
  const waiting = new Map(counts.map((r) => [`${r.tenantId}/${r.queue}`, Number(r.n)]));
  const quarterAt = quarterOf(nowMs);
  const samples = configs.map((config) => {
    const name = config.settings.virtualQueue;
    const inQueue = waiting.get(`${config.tenantId}/${name}`) ?? 0;
    return {
      tenantId: config.tenantId,
      virtualQueue: name,
      quarterAt,
      sampledAt: nowMs,
      ewtSeconds: ewtSecondsOf(newcomerEwt(host, name, inQueue)),
      waiting: inQueue,
    };
  });
  await db.insert(queueEwtSamples).values(samples).onConflictDoNothing();
  await db.delete(queueEwtSamples).where(lt(queueEwtSamples.quarterAt, nowMs - SAMPLES_KEPT_MS));
}

/**
 * The sampled EWT at each of `points` (epoch ms): the sample of the quarter hour the point starts,
 * -1 when no estimate could be made then, null when no sample was taken.
 */
export function ewtAtPoints(
  samples: { quarterAt: number; ewtSeconds: number }[],
  points: number[],
): (number | null)[] {
  const byQuarter = new Map(samples.map((s) => [s.quarterAt, s.ewtSeconds]));
  return points.map((t) => byQuarter.get(quarterOf(t)) ?? null);
}

export async function ewtSeries(
  db: Database,
  tenantId: string,
  virtualQueue: string,
  points: number[],
): Promise<(number | null)[]> {
  if (points.length === 0) return [];
  const samples = await db
    .select({ quarterAt: queueEwtSamples.quarterAt, ewtSeconds: queueEwtSamples.ewtSeconds })
    .from(queueEwtSamples)
    .where(
      and(
        eq(queueEwtSamples.tenantId, tenantId),
        eq(queueEwtSamples.virtualQueue, virtualQueue),
        gte(queueEwtSamples.quarterAt, quarterOf(points[0]!)),
        lte(queueEwtSamples.quarterAt, points.at(-1)!),
      ),
    );
  return ewtAtPoints(samples, points);
}
