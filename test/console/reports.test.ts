import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
  await queueLike(ctx, 'Support_VQ');
  await book(ctx, { phoneNumber: '+14155550701' });
  await book(ctx, { phoneNumber: '+14155550702' });
  await book(ctx, { serviceName: 'Support_VQ', phoneNumber: '+14155550703' });
  const late = await book(ctx, { phoneNumber: '+14155550704', desiredTime: '2026-03-03T18:30:00.000Z' });
  await ctx.api.post(`/api/v1/callbacks/${late}/cancel`);
  for (const seconds of [1, 6, 6]) await ctx.advance(seconds);
  // PROCESSING lasts the agent's conversation (the seeded agents' handle time, 240 s).
  await ctx.advance(300);
});
afterAll(() => ctx?.started.stop());

const range = 'from=2026-03-03T17:00:00.000Z&to=2026-03-03T19:00:00.000Z';

describe('GET /api/v1/reports/callbacks', () => {
  it('counts callbacks per interval by state and reason, per queue and in total, with waits and connection rate', async () => {
    const reply = await ctx.api.get(`/api/v1/reports/callbacks?${range}&interval=60`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const report = reply.body;
    expect(report.queues.map((q: any) => q.virtualQueue)).toEqual(['Sales_VQ', 'Support_VQ']);
    const sales = report.queues[0];
    expect(sales.intervals.map((b: any) => b.start)).toEqual([
      '2026-03-03T17:00:00.000Z',
      '2026-03-03T18:00:00.000Z',
    ]);
    expect(sales.intervals[0]).toMatchObject({
      total: 2,
      byState: { COMPLETED: 2 },
      byReason: { AGENT_CONNECTED: 2 },
      connectionRate: 1,
    });
    expect(sales.intervals[0].wait.count).toBe(2);
    expect(sales.intervals[0].wait.p50).toBeGreaterThanOrEqual(1);
    expect(sales.intervals[1]).toMatchObject({
      total: 1,
      byReason: { CANCELLED_BY_ADMIN: 1 },
      connectionRate: 0,
      wait: null,
    });
    expect(report.total.summary).toMatchObject({
      total: 4,
      completed: 4,
      connected: 3,
      connectionRate: 0.75,
    });
  });

  it('reports only the queues asked for, empty intervals included', async () => {
    const reply = await ctx.api.get(`/api/v1/reports/callbacks?${range}&interval=30&queues=Support_VQ`);
    expect(reply.body.queues).toHaveLength(1);
    expect(reply.body.total.intervals.map((b: any) => b.total)).toEqual([1, 0, 0, 0]);
  });

  it('answers the same as CSV, one line per queue and interval and the totals', async () => {
    const reply = await ctx.api.request('GET', `/api/v1/reports/callbacks?${range}&format=csv`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('text/csv');
    const records = parse(reply.body as string, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(6);
    const total = records.find((r) => r.queue === 'ALL' && r.intervalStart === '2026-03-03T17:00:00.000Z')!;
    expect(total).toMatchObject({
      total: '3',
      COMPLETED: '3',
      AGENT_CONNECTED: '3',
      connectionRate: '1.0000',
    });
  });

  it('refuses a reversed range and an unknown interval, naming each parameter', async () => {
    const reversed = await ctx.api.get(
      '/api/v1/reports/callbacks?from=2026-03-04T00:00:00Z&to=2026-03-03T00:00:00Z',
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].pointer).toBe('/query/to');
    const interval = await ctx.api.get(`/api/v1/reports/callbacks?${range}&interval=7`);
    expect(interval.status).toBe(400);
    expect(interval.body.errors[0].pointer).toBe('/query/interval');
  });
});

describe('the Developer tab API keys', () => {
  it('creates a key shown once that then works on the GES API, validates it and revokes it', async () => {
    const created = await ctx.api.post('/api/v1/developer/api-keys', { name: 'web widget' });
    expect(created.status).toBe(201);
    const { id, key, keyPrefix } = created.body;
    expect(key.startsWith(keyPrefix)).toBe(true);
    const list = (await ctx.api.get('/api/v1/developer/api-keys')).body.items;
    const listed = list.find((k: any) => k.id === id);
    expect(listed).toEqual({ id, name: 'web widget', keyPrefix, createdAt: expect.any(String) });
    expect(JSON.stringify(list)).not.toContain(key);
    const status = await ctx.api.request('GET', '/engagement/v3/callbacks/queue-status/Sales_VQ', undefined, {
      'x-api-key': key,
    });
    expect(status.status).toBe(200);
    expect((await ctx.api.post('/api/v1/developer/api-keys/validate', { key })).body).toMatchObject({
      valid: true,
      id,
    });
    expect((await ctx.api.delete(`/api/v1/developer/api-keys/${id}`)).status).toBe(204);
    expect((await ctx.api.post('/api/v1/developer/api-keys/validate', { key })).body).toEqual({
      valid: false,
    });
    expect((await ctx.api.delete(`/api/v1/developer/api-keys/${id}`)).status).toBe(404);
  });
});
