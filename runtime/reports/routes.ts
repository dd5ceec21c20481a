/** Callback reports (api.md "Reports"): JSON for the charts and table, or the same as CSV. */
import { stringify } from 'csv-stringify/sync';
import type { Context, Hono } from 'hono';
import { readableQueues } from '../access/queue-access.ts';
import type { Role } from '../auth/roles.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { buildReport, MAX_REPORT_ROWS, reportCsvRecords, reportRows } from './callback-report.ts';

const readers: Role[] = [
  'administrator',
  'callbackAdministrator',
  'callbackSupervisor',
  'callbackMonitor',
  'callbackDeveloper',
];
const intervals = [15, 30, 60, 1440];
/** At most this many intervals in one report (a year of days, or about ten days of quarters). */
const MAX_INTERVALS = 1000;

function bad(name: string, message: string): never {
  throw new ApiError('VALIDATION_FAILED', `${name} ${message}`, {
    errors: [{ pointer: `/query/${name}`, message }],
  });
}

function instant(c: Context<AppEnv>, name: string): number {
  const raw = c.req.query(name);
  if (!raw) bad(name, 'is required (an ISO 8601 instant)');
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? bad(name, 'must be an ISO 8601 instant') : ms;
}

export function reportRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/reports/callbacks',
      summary:
        'Callbacks per interval of desired time by state and completion reason, wait-time percentiles and connection rate, per queue and in total (format=csv for CSV)',
      tag: 'Reports',
      roles: readers,
      lineOfBusiness: 'filter',
      query: [
        { name: 'from', description: 'ISO instant (inclusive)', required: true },
        { name: 'to', description: 'ISO instant (exclusive)', required: true },
        { name: 'interval', description: 'minutes: 15, 30, 60 (default) or 1440' },
        { name: 'queues', description: 'comma-separated virtual queues; all when absent' },
        { name: 'format', description: 'json (default) or csv' },
      ],
    },
    async (c) => {
      const fromMs = instant(c, 'from');
      const toMs = instant(c, 'to');
      if (toMs <= fromMs) bad('to', 'must be after from');
      const intervalMinutes = Number(c.req.query('interval') || 60);
      if (!intervals.includes(intervalMinutes)) bad('interval', `must be one of ${intervals.join(', ')}`);
      if ((toMs - fromMs) / (intervalMinutes * 60_000) > MAX_INTERVALS)
        bad('to', `the range holds more than ${MAX_INTERVALS} intervals; choose a longer interval`);
      const format = c.req.query('format') || 'json';
      if (format !== 'json' && format !== 'csv') bad('format', 'must be json or csv');
      const queues = c.req
        .query('queues')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      // Another line's queues count as unknown ones: named, they report nothing.
      const { hidden } = await readableQueues(c);
      const rows = await reportRows(c.get('runtime').db, c.get('user')!.tenantId, {
        fromMs,
        toMs,
        queues,
        hidden: [...hidden],
      });
      if (rows.length > MAX_REPORT_ROWS)
        bad('to', `the range holds more than ${MAX_REPORT_ROWS} callbacks; choose a shorter range`);
      const report = buildReport(rows, { fromMs, toMs, intervalMinutes, queues });
      if (format === 'json') return c.json(report);
      return c.body(stringify(reportCsvRecords(report)), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="callback-report.csv"',
      });
    },
  );
}
