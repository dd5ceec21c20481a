import type { Hono } from 'hono';
import type { BusinessHours } from '../../../schemas/business-hours.generated.ts';
import { designReaders } from '../../auth/roles.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';
import { defineRoute } from '../route-spec.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function businessHoursRoutes(app: Hono<AppEnv>) {
  const editors = ['administrator', 'developer', 'businessUser'] as const;
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/business-hours',
      summary: 'All business hours',
      tag: 'Business hours',
      roles: designReaders,
    },
    async (c) => {
      const items = await c.get('runtime').businessHours.list(c.get('user')!.tenantId);
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/business-hours/:name',
      summary: 'One business hours resource',
      tag: 'Business hours',
      roles: designReaders,
    },
    async (c) =>
      c.json(await c.get('runtime').businessHours.get(c.get('user')!.tenantId, c.req.param('name')!)),
  );
  defineRoute<BusinessHours>(
    app,
    {
      method: 'put',
      path: '/api/v1/business-hours/:name',
      summary: 'Create or replace business hours',
      tag: 'Business hours',
      roles: [...editors],
      body: 'https://ringback.dev/schemas/business-hours.schema.json',
    },
    async (c, document) => {
      if (document.name !== c.req.param('name')) {
        throw new ApiError('VALIDATION_FAILED', 'The name differs from the path', {
          errors: [{ pointer: '/name', message: 'must equal the name in the path' }],
        });
      }
      const { created } = await c.get('runtime').businessHours.put(c.get('user')!.tenantId, document);
      return c.json(document, created ? 201 : 200);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/business-hours/:name',
      summary: 'Delete business hours',
      tag: 'Business hours',
      roles: [...editors],
    },
    async (c) => {
      await c.get('runtime').businessHours.remove(c.get('user')!.tenantId, c.req.param('name')!);
      return c.body(null, 204);
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/business-hours/:name/preview',
      summary: 'Open now?, open-for, next opening and the open intervals of the coming days',
      tag: 'Business hours',
      roles: designReaders,
      query: [
        { name: 'from', description: 'ISO 8601 instant; default now' },
        { name: 'days', description: 'Days to list, 1-31; default 7' },
      ],
    },
    async (c) => {
      const runtime = c.get('runtime');
      const calendar = await runtime.businessHours.calendar(c.get('user')!.tenantId, c.req.param('name')!);
      if (!calendar) throw new ApiError('NOT_FOUND', `No business hours named ${c.req.param('name')}`);
      const fromRaw = c.req.query('from');
      const from = fromRaw ? Date.parse(fromRaw) : runtime.clock.now();
      const days = Number(c.req.query('days') ?? 7);
      if (Number.isNaN(from) || !Number.isInteger(days) || days < 1 || days > 31) {
        throw new ApiError('VALIDATION_FAILED', 'from must be an ISO instant and days 1-31', {
          errors: [{ pointer: '/query', message: 'from must be an ISO instant and days an integer 1-31' }],
        });
      }
      const next = calendar.nextOpening(from);
      return c.json({
        timeZone: calendar.timeZone,
        openNow: calendar.isOpen(from),
        openForSeconds: calendar.openForSeconds(from),
        nextOpening: next && { start: iso(next.startMs), end: iso(next.endMs) },
        intervals: calendar.openIntervals(from, from + days * 86_400_000).map((i) => ({
          start: iso(i.startMs),
          end: iso(i.endMs),
          specialDay: i.specialDay,
        })),
      });
    },
  );
}
