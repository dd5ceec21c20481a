import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const DAY = 86_400;

describe('callback record retention', () => {
  it('deletes a record 14 days after its desired time, not before, whatever Callback TTL says', async () => {
    const settings = (await ctx.api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    const ttl = await ctx.api.put('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ', {
      ...settings,
      callbackTtlSeconds: 60,
    });
    expect(ttl.status).toBe(200);
    // Desired one hour from now (Tuesday 10:00 local), then cancelled: a completed record.
    const desired = Date.parse('2026-03-03T18:00:00Z');
    const id = await book(ctx, { phoneNumber: '+14155550601', desiredTime: new Date(desired).toISOString() });
    const immediate = await book(ctx, { phoneNumber: '+14155550602' });
    expect((await ctx.ges('POST', '/callbacks/cancel', { id })).status).toBe(200);
    expect((await ctx.ges('POST', '/callbacks/cancel', { id: immediate })).status).toBe(200);
    const record = (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;
    expect(record.expiresAt).toBe(new Date(desired + 14 * DAY * 1000).toISOString());

    // Now 17:00Z; the scheduled record expires at 18:00Z + 14 days, the immediate one at 17:00Z + 14 days.
    await ctx.advance(14 * DAY - 120);
    expect((await ctx.api.get(`/api/v1/callbacks/${id}`)).status).toBe(200);
    expect((await ctx.api.get(`/api/v1/callbacks/${immediate}`)).status).toBe(200);
    await ctx.advance(240); // past the immediate one's desired time + 14 days
    expect((await ctx.api.get(`/api/v1/callbacks/${immediate}`)).status).toBe(404);
    expect((await ctx.api.get(`/api/v1/callbacks/${id}`)).status).toBe(200);
    await ctx.advance(3600);
    const gone = await ctx.api.get(`/api/v1/callbacks/${id}`);
    expect(gone.status).toBe(404);
    expect((await ctx.ges('POST', '/callbacks/retrieve', { id })).status).toBe(404);
  });
});
