/** GES availability, open-for, queue-status and estimated-wait-time. */
import type { Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import { zoneTime } from '../business-hours/zone-time.ts';
import { openFor, queueStatus } from '../callbacks/offer.ts';
import { queueSlots } from '../callbacks/slots.ts';
import { queueWait } from '../callbacks/wait-time.ts';
import type { EwtMode } from '../contact-center/index.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { gesRoute } from './ges-route.ts';
import { isKnownTimeZone, localTimeFormatter } from './local-time.ts';

const DAY = 86_400_000;
/** Instants from 1970 to the end of year 9999: what ISO 8601's four-digit years can write. */
const latestInstant = 253_402_300_799_999;
/** resultCode of a virtual queue with neither CALLBACK_SETTINGS nor any history. */
const UNKNOWN_QUEUE = -3;

function bad(name: string, message: string): never {
  throw new ApiError('VALIDATION_FAILED', `${name} ${message}`, {
    errors: [{ pointer: `/query/${name}`, message }],
  });
}

/** Ends with `Z` or a UTC offset: an instant; anything else is a local time. */
const hasOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * `start`/`end` (or `startMS`/`endMS`): with an offset or `Z`, an instant; without one, a local
 * time in the request's `timezone` (GES), resolved by the one rule every path holds to
 * (docs/decisions.md, "the caller's time"): a time the zone skips means the end of the gap, a
 * repeated one its first occurrence.
 */
export function localInstant(raw: string, zoneName: string): number {
  // Read as if UTC to get the wall-clock fields, then place them in the zone.
  const wall = DateTime.fromISO(raw, { zone: 'utc' });
  if (!wall.isValid) return Number.NaN;
  const wallMs = wall.toMillis();
  const epochDay = Math.floor(wallMs / DAY);
  const minuteOfDay = Math.floor((wallMs - epochDay * DAY) / 60_000);
  const { ms, exists } = zoneTime(zoneName).resolve(epochDay, minuteOfDay);
  return exists ? ms + (wallMs % 60_000) : ms;
}

function instant(c: Context<AppEnv>, iso: string, ms: string, zoneName: string): number | undefined {
  const msRaw = c.req.query(ms);
  if (msRaw !== undefined && msRaw !== '') {
    const value = Number(msRaw);
    return Number.isInteger(value) && value >= 0 && value <= latestInstant
      ? value
      : bad(ms, 'must be epoch milliseconds from 1970 to the year 9999');
  }
  const raw = c.req.query(iso)?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = hasOffset.test(raw) ? Date.parse(raw) : localInstant(raw, zoneName);
  return value >= 0 && value <= latestInstant
    ? value
    : bad(iso, 'must be an ISO 8601 date and time from 1970 to 9999');
}

/** The end of the local day (in `zoneName`) that `ms` falls on. */
const endOfLocalDay = (ms: number, zoneName: string) =>
  DateTime.fromMillis(ms, { zone: zoneName }).startOf('day').plus({ days: 1 }).toMillis();

function integer(c: Context<AppEnv>, name: string, min: number, max: number): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max
    ? value
    : bad(name, `must be an integer from ${min} to ${max}`);
}

const flag = (c: Context<AppEnv>, name: string) => c.req.query(name) === 'true';

function zone(c: Context<AppEnv>): string {
  const raw = c.req.query('timezone') || 'UTC';
  return isKnownTimeZone(raw) ? raw : bad('timezone', 'must be an IANA time zone');
}

export function gesQueueRoutes(app: Hono<AppEnv>) {
  const q = (names: string[]) => names.map((name) => ({ name, description: name }));
  gesRoute(
    app,
    {
      method: 'get',
      path: '/callbacks/availability/:serviceName',
      summary: 'Free scheduling slots',
      query: q([
        'start',
        'startMS',
        'end',
        'endMS',
        'numberOfDays',
        'timezone',
        'maxTimeSlots',
        'reportBusy',
      ]),
    },
    async ({ c, tenantId }) => {
      const runtime = c.get('runtime');
      const now = runtime.clock.now();
      const timezone = zone(c);
      const requestedStart = instant(c, 'start', 'startMS', timezone);
      const requestedEnd = instant(c, 'end', 'endMS', timezone);
      const days = integer(c, 'numberOfDays', 1, 90);
      const max = integer(c, 'maxTimeSlots', 1, 10_000);
      const reportBusy = flag(c, 'reportBusy');
      const { config, slots } = await queueSlots(
        runtime.db,
        runtime.callbacks.queues,
        { tenantId, virtualQueue: c.req.param('serviceName')! },
        (queue) => {
          const fromMs = Math.max(now, requestedStart ?? now);
          const horizonEnd = now + queue.settings.schedulingHorizonDays * DAY;
          // Neither end nor numberOfDays: the rest of the start's day in `timezone` (the start
          // being now when the one asked for is past).
          const toMs =
            requestedEnd ?? (days !== undefined ? fromMs + days * DAY : endOfLocalDay(fromMs, timezone));
          return { fromMs, toMs: Math.min(horizonEnd, toMs) };
        },
      );
      const localTime = localTimeFormatter(timezone);
      const utcTime = localTimeFormatter('UTC'); // toISOString's text, at a third of its cost
      const shown = [];
      for (const s of slots) {
        if (shown.length === max) break;
        if (!reportBusy && s.remaining <= 0) continue;
        shown.push({
          utcTime: utcTime(s.startMs),
          localTime: localTime(s.startMs),
          capacity: s.remaining,
          total: s.total,
        });
      }
      return { data: { durationMin: config.settings.slotDurationMinutes, timezone, slots: shown } };
    },
  );
  gesRoute(
    app,
    {
      method: 'get',
      path: '/callbacks/open-for/:serviceName',
      summary: 'Seconds until the service closes',
      query: q([
        'start',
        'timezone',
        'queryImmediateOfferHours',
        'returnWithinImmediateOfferTime',
        'checkImmediateEnabled',
      ]),
    },
    async ({ c, tenantId }) => {
      const runtime = c.get('runtime');
      const config = await runtime.callbacks.queues.get(tenantId, c.req.param('serviceName')!);
      const at = instant(c, 'start', 'startMS', zone(c)) ?? runtime.clock.now();
      const result = openFor(config, at);
      return {
        data: {
          openFor: result.openFor,
          ...(flag(c, 'queryImmediateOfferHours')
            ? { immediateOfferHoursOpenFor: result.immediateOfferHoursOpenFor }
            : {}),
          ...(flag(c, 'returnWithinImmediateOfferTime')
            ? { isWithinImmediateOfferTime: result.isWithinImmediateOfferTime }
            : {}),
          ...(flag(c, 'checkImmediateEnabled') ? { isImmediateEnabled: result.isImmediateEnabled } : {}),
        },
      };
    },
  );
  gesRoute(
    app,
    { method: 'get', path: '/callbacks/queue-status/:queueName', summary: 'EWT and what to offer' },
    async ({ c, tenantId }) => {
      const runtime = c.get('runtime');
      const config = await runtime.callbacks.queues.get(tenantId, c.req.param('queueName')!);
      return { data: await queueStatus(runtime.db, runtime.callbacks.host, config, runtime.clock.now()) };
    },
  );
  gesRoute(
    app,
    {
      method: 'get',
      path: '/estimated-wait-time',
      summary: 'EWT of virtual queues',
      query: q(['virtual-queues', 'mode', 'include-calls-on-hold']),
    },
    async ({ c, tenantId }) => {
      const runtime = c.get('runtime');
      const names = (c.req.query('virtual-queues') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (names.length === 0) bad('virtual-queues', 'is required (a comma-separated list)');
      const mode = (c.req.query('mode') || 'mode2') as EwtMode;
      if (!['mode1', 'mode2', 'mode3'].includes(mode)) bad('mode', 'must be mode1, mode2 or mode3');
      const messages = { 0: 'OK', [-1]: 'No interactions yet', [-2]: 'No agents logged in' } as Record<
        number,
        string
      >;
      const data = [];
      for (const name of names) {
        const config = await runtime.callbacks.queues.find(tenantId, name);
        const ewt = await queueWait(
          { db: runtime.db, host: runtime.callbacks.host },
          tenantId,
          name,
          config,
          mode,
        );
        // A queue with neither settings nor history is unknown: its own code, not "no interactions yet".
        if (ewt.resultCode === 'unknown') {
          data.push({
            virtualQueue: name,
            estimatedWaitTime: UNKNOWN_QUEUE,
            message: 'Unknown virtual queue',
            resultCode: UNKNOWN_QUEUE,
          });
          continue;
        }
        data.push({
          virtualQueue: name,
          estimatedWaitTime: ewt.resultCode === 0 ? ewt.estimatedWaitTime : ewt.resultCode,
          message: messages[ewt.resultCode],
          resultCode: ewt.resultCode,
        });
      }
      return { data };
    },
  );
}
