/**
 * A queue's day for the Monitor's charts: how many callbacks were waiting (QUEUED or ROUTING)
 * at each interval boundary, rebuilt from the audit trail (every state move is recorded with its
 * time). The EWT over the day comes from the engine's quarter-hour samples (ewt-samples.ts).
 */
import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { callbackAudit, callbacks } from '../db/schema.ts';

const WAITING = new Set(['QUEUED', 'ROUTING']);

/** Spans [from, to) during which each callback waited, from its audit lines in order. */
export function waitingSpans(
  audit: { callbackId: string; at: number; toState: string }[],
): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  const open = new Map<string, number>();
  for (const line of audit) {
    const since = open.get(line.callbackId);
    if (WAITING.has(line.toState)) {
      if (since === undefined) open.set(line.callbackId, line.at);
    } else if (since !== undefined) {
      spans.push({ from: since, to: line.at });
      open.delete(line.callbackId);
    }
  }
  for (const since of open.values()) spans.push({ from: since, to: Number.POSITIVE_INFINITY });
  return spans;
}

/** Callbacks waiting at each of `points` (epoch ms). */
export function waitingAt(spans: { from: number; to: number }[], points: number[]): number[] {
  return points.map((t) => spans.reduce((n, s) => (s.from <= t && t < s.to ? n + 1 : n), 0));
}

export async function waitingSeries(
  db: Database,
  tenantId: string,
  virtualQueue: string,
  points: number[],
): Promise<number[]> {
  if (points.length === 0) return [];
  const first = points[0]!;
  const last = points.at(-1)!;
  const audit = await db
    .select({ callbackId: callbackAudit.callbackId, at: callbackAudit.at, toState: callbackAudit.toState })
    .from(callbackAudit)
    .innerJoin(callbacks, eq(callbacks.id, callbackAudit.callbackId))
    .where(
      and(
        eq(callbacks.tenantId, tenantId),
        eq(callbacks.virtualQueue, virtualQueue),
        lt(callbacks.createdAt, last + 1),
        or(isNull(callbacks.completedAt), gte(callbacks.completedAt, first)),
        lt(callbackAudit.at, last + 1),
      ),
    )
    .orderBy(callbackAudit.callbackId, callbackAudit.at, sql`${callbackAudit.id}`);
  return waitingAt(waitingSpans(audit), points);
}
