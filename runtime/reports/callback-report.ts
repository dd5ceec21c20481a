/**
 * Callback reports: callbacks per interval of their desired time, by state and completion
 * reason, with the wait customers had (from the desired time, or booking when later, to the
 * moment an agent took the call) as percentiles, and the connection rate (completed callbacks
 * that reached an agent). Per queue and in total. The rows are read once and counted here, so the
 * same code serves PGlite and PostgreSQL and the Monitor's charts of the day.
 */
import { and, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { CallbackReport, ReportBucket } from '../../schemas/console-api.generated.ts';
import type { Database } from '../db/client.ts';
import { callbacks } from '../db/schema.ts';

export type { CallbackReport, ReportBucket } from '../../schemas/console-api.generated.ts';

export const CONNECTED_REASON = 'AGENT_CONNECTED';
/** Beyond this many rows a report asks for a shorter range instead of loading them all. */
export const MAX_REPORT_ROWS = 200_000;

export interface ReportRow {
  virtualQueue: string;
  state: string;
  reason: string | null;
  desiredTime: number;
  createdAt: number;
  processingAt: number | null;
}

export async function reportRows(
  db: Database,
  tenantId: string,
  range: {
    fromMs: number;
    toMs: number;
    queues?: string[] | undefined;
    /** Queues left out whatever `queues` says: those the user may not read. */
    hidden?: readonly string[] | undefined;
  },
): Promise<ReportRow[]> {
  const rows = await db
    .select({
      virtualQueue: callbacks.virtualQueue,
      state: callbacks.state,
      reason: callbacks.reason,
      desiredTime: callbacks.desiredTime,
      createdAt: callbacks.createdAt,
      processingAt: sql<number | null>`(select min(a.at) from callback_audit a
        where a.callback_id = "callbacks"."id" and a.to_state = 'PROCESSING')`.mapWith((v) =>
        v === null ? null : Number(v),
      ),
    })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.tenantId, tenantId),
        gte(callbacks.desiredTime, range.fromMs),
        lt(callbacks.desiredTime, range.toMs),
        range.queues?.length ? inArray(callbacks.virtualQueue, range.queues) : undefined,
        range.hidden?.length ? notInArray(callbacks.virtualQueue, [...range.hidden]) : undefined,
      ),
    )
    .limit(MAX_REPORT_ROWS + 1);
  return rows;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

interface Tally {
  start: number;
  total: number;
  byState: Record<string, number>;
  byReason: Record<string, number>;
  waits: number[];
}

const tally = (start: number): Tally => ({ start, total: 0, byState: {}, byReason: {}, waits: [] });

function add(t: Tally, row: ReportRow) {
  t.total++;
  t.byState[row.state] = (t.byState[row.state] ?? 0) + 1;
  if (row.reason) t.byReason[row.reason] = (t.byReason[row.reason] ?? 0) + 1;
  if (row.processingAt !== null)
    t.waits.push(
      Math.max(0, Math.round((row.processingAt - Math.max(row.desiredTime, row.createdAt)) / 1000)),
    );
}

function bucket(t: Tally): ReportBucket {
  const completed = t.byState.COMPLETED ?? 0;
  const connected = t.byReason[CONNECTED_REASON] ?? 0;
  const waits = [...t.waits].sort((a, b) => a - b);
  return {
    start: new Date(t.start).toISOString(),
    total: t.total,
    byState: t.byState,
    byReason: t.byReason,
    completed,
    connected,
    connectionRate: completed ? connected / completed : null,
    wait: waits.length
      ? {
          count: waits.length,
          p50: percentile(waits, 50),
          p90: percentile(waits, 90),
          p95: percentile(waits, 95),
          max: waits.at(-1)!,
        }
      : null,
  };
}

/** Counts rows into intervals of [fromMs, toMs); every interval appears, empty ones included. */
export function buildReport(
  rows: ReportRow[],
  range: { fromMs: number; toMs: number; intervalMinutes: number; queues?: string[] | undefined },
): CallbackReport {
  const step = range.intervalMinutes * 60_000;
  const count = Math.ceil((range.toMs - range.fromMs) / step);
  const starts = Array.from({ length: count }, (_, i) => range.fromMs + i * step);
  const perQueue = new Map<string, { intervals: Tally[]; summary: Tally }>();
  const fresh = () => ({ intervals: starts.map(tally), summary: tally(range.fromMs) });
  for (const name of range.queues ?? []) perQueue.set(name, fresh());
  const total = fresh();
  for (const row of rows) {
    const index = Math.floor((row.desiredTime - range.fromMs) / step);
    if (index < 0 || index >= count) continue;
    let queue = perQueue.get(row.virtualQueue);
    if (!queue) {
      queue = fresh();
      perQueue.set(row.virtualQueue, queue);
    }
    for (const target of [queue, total]) {
      add(target.intervals[index]!, row);
      add(target.summary, row);
    }
  }
  return {
    from: new Date(range.fromMs).toISOString(),
    to: new Date(range.toMs).toISOString(),
    intervalMinutes: range.intervalMinutes,
    queues: [...perQueue.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([virtualQueue, q]) => ({
        virtualQueue,
        intervals: q.intervals.map(bucket),
        summary: bucket(q.summary),
      })),
    total: { intervals: total.intervals.map(bucket), summary: bucket(total.summary) },
  };
}

const states = ['SCHEDULED', 'QUEUED', 'ROUTING', 'PROCESSING', 'COMPLETED'];

/** One line per queue and interval, then the totals (queue "ALL"); a column per reason seen. */
export function reportCsvRecords(report: CallbackReport): (string | number)[][] {
  const reasons = [
    ...new Set(
      [...report.queues.map((q) => q.summary), report.total.summary].flatMap((s) => Object.keys(s.byReason)),
    ),
  ].sort();
  const header = [
    'queue',
    'intervalStart',
    'total',
    ...states,
    ...reasons,
    'connected',
    'connectionRate',
    'waitP50Seconds',
    'waitP90Seconds',
    'waitP95Seconds',
  ];
  const line = (queue: string, b: ReportBucket) => [
    queue,
    b.start,
    b.total,
    ...states.map((s) => b.byState[s] ?? 0),
    ...reasons.map((r) => b.byReason[r] ?? 0),
    b.connected,
    b.connectionRate === null ? '' : b.connectionRate.toFixed(4),
    b.wait?.p50 ?? '',
    b.wait?.p90 ?? '',
    b.wait?.p95 ?? '',
  ];
  return [
    header,
    ...report.queues.flatMap((q) => q.intervals.map((b) => line(q.virtualQueue, b))),
    ...report.total.intervals.map((b) => line('ALL', b)),
  ];
}
