/**
 * Queue configurations and API keys are kept in memory between requests; these tests check that
 * what the database says still wins: edits through the API, edits written straight to the
 * database (as another process sharing it would), several edits within one frozen virtual
 * millisecond, and, on PostgreSQL, an edit made through a second runtime process.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../../runtime/auth/tokens.ts';
import { apiKeys } from '../../runtime/db/schema.ts';
import { API_KEY_CACHE_MS } from '../../runtime/ges/api-keys.ts';
import { ApiClient } from '../support/client.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';
import { expectGesError, queueLike, type Sales, startSales } from './support.ts';

// Wednesday 4 March 2026, 8:00 in Los Angeles: the March rule gives 10 per 15-minute slot.
const WEDNESDAY_8AM = '2026-03-04T16:00:00.000Z';
const slotQuery = `start=${WEDNESDAY_8AM}&endMS=${Date.parse(WEDNESDAY_8AM) + 1}&reportBusy=true`;

async function slotTotal(ges: Sales['ges'], service = 'Sales_VQ'): Promise<number | undefined> {
  const reply = await ges('GET', `/callbacks/availability/${service}?${slotQuery}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.slots[0]?.total;
}

describe('queue configuration in memory', () => {
  let ctx: Sales;
  const db = () => ctx.started.runtime.db;
  beforeAll(async () => {
    ctx = await startSales();
    await queueLike(ctx, 'Cache_VQ');
  });
  afterAll(() => ctx?.started.stop());

  it('applies capacity-rule edits at the next request, through the API or straight in the database', async () => {
    expect(await slotTotal(ctx.ges, 'Cache_VQ')).toBe(10);
    const { rule } = (await ctx.api.get('/api/v1/capacity-rules/March')).body;
    const edited = { ...rule, days: { ...rule.days, wed: { ...rule.days.wed, '08:00': 7 } } };
    expect((await ctx.api.put('/api/v1/capacity-rules/March', edited)).status).toBeLessThan(300);
    expect(await slotTotal(ctx.ges, 'Cache_VQ')).toBe(7);
    // Another process's edits, twice within this frozen virtual millisecond (same updated_at).
    for (const value of [3, 4]) {
      await db().execute(sql`update callback_rules set document = jsonb_set(document, '{days,wed,08:00}', ${String(value)}::jsonb)
        where kind = 'capacity' and name = 'March'`);
      expect(await slotTotal(ctx.ges, 'Cache_VQ')).toBe(value);
    }
  });

  it('applies a rule assignment, a settings edit and a business-hours edit at the next request', async () => {
    await db().execute(sql`update queue_rules set capacity_rule = null where virtual_queue = 'Cache_VQ'`);
    expect(await slotTotal(ctx.ges, 'Cache_VQ')).toBe(5); // the row's Slot Capacity
    await db().execute(sql`update callback_settings set document = document || '{"slotCapacity": 2}'::jsonb
      where virtual_queue = 'Cache_VQ'`);
    expect(await slotTotal(ctx.ges, 'Cache_VQ')).toBe(2);
    await db().execute(sql`update business_hours set document = jsonb_set(document, '{weekly,wed}', '{"kind": "closed"}')
      where name = 'Sales_Hours'`);
    expect(await slotTotal(ctx.ges, 'Cache_VQ')).toBeUndefined();
    await db().execute(sql`update business_hours set document = jsonb_set(document, '{weekly,wed}',
      '{"kind": "intervals", "intervals": [{"start": "08:00", "end": "18:00"}]}') where name = 'Sales_Hours'`);
    expect(await slotTotal(ctx.ges, 'Cache_VQ')).toBe(2);
    // Open-for reads the same configuration.
    const openFor = await ctx.ges('GET', '/callbacks/open-for/Cache_VQ?start=2026-03-04T16:00:00.000Z');
    expect(openFor.body.data.openFor).toBe(10 * 3600);
  });

  it('answers SERVICE_NOT_FOUND once the row or its business hours are gone', async () => {
    await queueLike(ctx, 'Gone_VQ');
    expect(await slotTotal(ctx.ges, 'Gone_VQ')).toBeGreaterThan(0);
    await db().execute(sql`delete from callback_settings where virtual_queue = 'Gone_VQ'`);
    const gone = await ctx.ges('GET', `/callbacks/availability/Gone_VQ?${slotQuery}`);
    await expectGesError(ctx, gone, 404, 'SERVICE_NOT_FOUND');
    const hours = (await ctx.api.get('/api/v1/business-hours/Sales_Hours')).body;
    expect(
      (await ctx.api.put('/api/v1/business-hours/Short_Hours', { ...hours, name: 'Short_Hours' })).status,
    ).toBe(201);
    await queueLike(ctx, 'Short_VQ', { businessHours: 'Short_Hours' });
    expect(await slotTotal(ctx.ges, 'Short_VQ')).toBeGreaterThan(0);
    await db().execute(sql`delete from business_hours where name = 'Short_Hours'`);
    const noHours = await ctx.ges('GET', `/callbacks/availability/Short_VQ?${slotQuery}`);
    await expectGesError(ctx, noHours, 404, 'SERVICE_NOT_FOUND');
  });

  it('accepts a new API key at once and refuses a removed one within the documented time', async () => {
    const [tenant] = await db().select({ tenantId: apiKeys.tenantId }).from(apiKeys).limit(1);
    const key = `rbk_cache_test_${randomUUID()}`;
    const headers = { 'x-api-key': key };
    const unknown = await ctx.ges('GET', `/callbacks/availability/Sales_VQ?${slotQuery}`, undefined, headers);
    await expectGesError(ctx, unknown, 401, 'INVALID_API_KEY');
    await db()
      .insert(apiKeys)
      .values({
        id: randomUUID(),
        tenantId: tenant!.tenantId,
        name: 'cache test',
        keyHash: tokenHash(key),
        keyPrefix: key.slice(0, 8),
      });
    const known = await ctx.ges('GET', `/callbacks/availability/Sales_VQ?${slotQuery}`, undefined, headers);
    expect(known.status).toBe(200);
    await db().execute(sql`delete from api_keys where key_hash = ${tokenHash(key)}`);
    await new Promise((resolve) => setTimeout(resolve, API_KEY_CACHE_MS + 100));
    const removed = await ctx.ges('GET', `/callbacks/availability/Sales_VQ?${slotQuery}`, undefined, headers);
    await expectGesError(ctx, removed, 401, 'INVALID_API_KEY');
  }, 20_000);
});

describe.skipIf(testDatabaseKind !== 'postgres')('two runtime processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  const runtimes: StartedRuntime[] = [];
  const clients: { api: ApiClient; ges: Sales['ges'] }[] = [];
  beforeAll(async () => {
    database = await freshDatabaseUrl('postgres');
    for (let i = 0; i < 2; i++) {
      const started = await startRuntime({
        DATABASE_URL: database.url,
        RINGBACK_CLOCK: 'virtual',
        RINGBACK_CLOCK_START: '2026-03-03T17:00:00Z',
        RINGBACK_ENGINE: 'off',
      });
      runtimes.push(started);
      const api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
      const ges: Sales['ges'] = (method, path, body, headers = {}) =>
        api.request(method, `/engagement/v3${path}`, body, { 'x-api-key': started.apiKey, ...headers });
      clients.push({ api, ges });
    }
  }, 120_000);
  afterAll(async () => {
    for (const started of runtimes) await started.stop();
    await database?.drop();
  });

  it('applies an edit made through one process to the next request served by the other', async () => {
    const [a, b] = clients as [(typeof clients)[0], (typeof clients)[0]];
    expect(await slotTotal(b.ges)).toBe(10);
    expect((await a.api.put('/api/v1/queues/Sales_VQ/rules', { capacityRule: null })).status).toBe(200);
    const row = (await a.api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    expect(await slotTotal(b.ges)).toBe(row.slotCapacity);
    const put = await a.api.put('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ', {
      ...row,
      slotCapacity: 3,
    });
    expect(put.status).toBe(200);
    expect(await slotTotal(b.ges)).toBe(3);
    const hours = (await a.api.get('/api/v1/business-hours/Sales_Hours')).body;
    await a.api.put('/api/v1/business-hours/Sales_Hours', {
      ...hours,
      weekly: { ...hours.weekly, wed: { kind: 'closed' } },
    });
    expect(await slotTotal(b.ges)).toBeUndefined();
  });
});
