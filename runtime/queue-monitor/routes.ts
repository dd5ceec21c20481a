/** The Monitor tab's routes (api.md "Queue monitor") and the free slots the Callback tab offers. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { readableQueues } from '../access/queue-access.ts';
import type { Role } from '../auth/roles.ts';
import { configVersion, firstRow, type QueueConfig } from '../callbacks/queue-config.ts';
import { queueSlots, slotRecord } from '../callbacks/slots.ts';
import { callbackSettings } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { paging } from '../http/paging.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { buildReport, reportRows } from '../reports/callback-report.ts';
import { waitingSeries } from './day.ts';
import { ewtSeries } from './ewt-samples.ts';
import { localDay, type QueueFigures, queueFigures } from './figures.ts';

const readers: Role[] = [
  'administrator',
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackMonitor',
  'callbackDeveloper',
];
const managers: Role[] = ['administrator', 'callbackAdministrator', 'callbackSupervisor'];
const tag = 'Queue monitor';
const sortable = [
  'virtualQueue',
  'waiting',
  'scheduledToday',
  'ewtSeconds',
  'openNow',
  'opensAt',
  'closesAt',
] as const;
type SortKey = (typeof sortable)[number];

function bad(name: string, message: string): never {
  throw new ApiError('VALIDATION_FAILED', `${name} ${message}`, {
    errors: [{ pointer: `/query/${name}`, message }],
  });
}

/**
 * Every queue's configuration, checked current with one statement for all of them (a version
 * per queue) instead of a round trip per queue; only queues edited since are read again.
 */
async function tenantConfigs(c: Context<AppEnv>): Promise<QueueConfig[]> {
  const { db, callbacks } = c.get('runtime');
  const tenantId = c.get('user')!.tenantId;
  const names = (
    await db
      .select({ name: callbackSettings.virtualQueue })
      .from(callbackSettings)
      .where(eq(callbackSettings.tenantId, tenantId))
      .orderBy(asc(callbackSettings.virtualQueue))
  ).map((r) => r.name);
  if (names.length === 0) return [];
  const versions = sql.join(
    names.map((name, i) => sql`${configVersion(tenantId, name)} as ${sql.raw(`v${i}`)}`),
    sql`, `,
  );
  const row = firstRow<Record<string, string | null>>(await db.execute(sql`select ${versions}`));
  const configs = await Promise.all(
    names.map((name, i) => callbacks.queues.atVersion(tenantId, name, row?.[`v${i}`])),
  );
  return configs.filter((config): config is QueueConfig => config !== undefined);
}

function compare(key: SortKey) {
  return (a: QueueFigures, b: QueueFigures) => {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
    return String(x ?? '\uffff').localeCompare(String(y ?? '\uffff'));
  };
}

export function queueMonitorRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queues',
      summary:
        'Every callback queue with its live figures (waiting, scheduled today, EWT, open now, next open and close, offers), 50 a page',
      tag,
      roles: readers,
      lineOfBusiness: 'filter',
      query: [
        { name: 'search', description: 'Part of the queue name' },
        { name: 'sort', description: sortable.join(', ') },
        { name: 'order', description: 'asc (default) or desc' },
        { name: 'page', description: 'from 1' },
        { name: 'pageSize', description: 'up to 250, default 50' },
      ],
    },
    async (c) => {
      const { page, pageSize } = paging(c, 50);
      const sort = (c.req.query('sort') || 'virtualQueue') as SortKey;
      if (!sortable.includes(sort)) bad('sort', `must be one of ${sortable.join(', ')}`);
      const order = c.req.query('order') || 'asc';
      if (order !== 'asc' && order !== 'desc') bad('order', 'must be asc or desc');
      const search = (c.req.query('search') ?? '').toLowerCase();
      const runtime = c.get('runtime');
      const access = await readableQueues(c);
      const configs = (await tenantConfigs(c)).filter(
        (config) =>
          access.canRead(config.settings.virtualQueue) &&
          config.settings.virtualQueue.toLowerCase().includes(search),
      );
      const figures = await queueFigures(
        runtime.db,
        runtime.callbacks.host,
        c.get('user')!.tenantId,
        configs,
        runtime.clock.now(),
      );
      figures.sort(compare(sort));
      if (order === 'desc') figures.reverse();
      const items = figures.slice((page - 1) * pageSize, page * pageSize);
      return c.json({
        items,
        total: figures.length,
        page,
        pageSize,
        at: new Date(runtime.clock.now()).toISOString(),
      });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queues/:virtualQueue/day',
      summary:
        "A queue's day so far in its time zone: callbacks waiting and EWT over time (at each interval start and now; EWT -1 when no estimate could be made, null when none was sampled), observed wait, and callbacks by state and reason per interval",
      tag,
      roles: readers,
      lineOfBusiness: 'queue',
      query: [{ name: 'interval', description: 'minutes: 15 (default), 30 or 60' }],
    },
    async (c) => {
      const runtime = c.get('runtime');
      const tenantId = c.get('user')!.tenantId;
      const interval = Number(c.req.query('interval') || 15);
      if (![15, 30, 60].includes(interval)) bad('interval', 'must be 15, 30 or 60');
      const config = await runtime.callbacks.queues.get(tenantId, c.req.param('virtualQueue')!);
      const now = runtime.clock.now();
      const day = localDay(now, config.hours.timeZone);
      const step = interval * 60_000;
      const points: number[] = [];
      for (let t = day.startMs; t <= Math.min(now, day.endMs); t += step) points.push(t);
      if (points.at(-1)! < now) points.push(now);
      const name = config.settings.virtualQueue;
      const [waiting, ewt, rows, [figures]] = await Promise.all([
        waitingSeries(runtime.db, tenantId, name, points),
        ewtSeries(runtime.db, tenantId, name, points),
        reportRows(runtime.db, tenantId, { fromMs: day.startMs, toMs: day.endMs, queues: [name] }),
        queueFigures(runtime.db, runtime.callbacks.host, tenantId, [config], now),
      ]);
      const report = buildReport(rows, {
        fromMs: day.startMs,
        toMs: day.endMs,
        intervalMinutes: interval,
        queues: [name],
      });
      return c.json({
        virtualQueue: name,
        timeZone: config.hours.timeZone,
        from: new Date(day.startMs).toISOString(),
        to: new Date(day.endMs).toISOString(),
        intervalMinutes: interval,
        now: figures,
        // The last point is now: its EWT is the live estimate, as in the Monitor list.
        waiting: points.map((t, i) => ({
          at: new Date(t).toISOString(),
          waiting: waiting[i],
          ewtSeconds: t === now ? figures!.ewtSeconds : ewt[i],
        })),
        intervals: report.queues[0]!.intervals,
      });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queues/:virtualQueue/availability',
      summary:
        'Slots with room from now for the given days, in the queue time zone (what the Callback tab offers when scheduling)',
      tag,
      roles: managers,
      lineOfBusiness: 'queue',
      query: [{ name: 'days', description: '1 to 90, default 7 (cut at the scheduling horizon)' }],
    },
    async (c) => {
      const runtime = c.get('runtime');
      const days = Number(c.req.query('days') || 7);
      if (!Number.isInteger(days) || days < 1 || days > 90) bad('days', 'must be an integer from 1 to 90');
      const now = runtime.clock.now();
      const { config, slots } = await queueSlots(
        runtime.db,
        runtime.callbacks.queues,
        { tenantId: c.get('user')!.tenantId, virtualQueue: c.req.param('virtualQueue')! },
        (queue) => ({
          fromMs: now,
          toMs: Math.min(now + queue.settings.schedulingHorizonDays * 86_400_000, now + days * 86_400_000),
        }),
      );
      return c.json({
        virtualQueue: config.settings.virtualQueue,
        timeZone: config.hours.timeZone,
        durationMinutes: config.settings.slotDurationMinutes,
        slots: slots.filter((s) => s.remaining > 0 && s.startMs >= now).map(slotRecord),
      });
    },
  );
}
