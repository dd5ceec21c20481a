import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const queues = async (query = '') => {
  const reply = await ctx.api.get(`/api/v1/queues${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};
const sales = async () =>
  (await queues('?search=Sales_VQ')).items.find((q: any) => q.virtualQueue === 'Sales_VQ');

describe('GET /api/v1/queues', () => {
  it("shows each queue's live figures: waiting, scheduled today, EWT, open now and the next close", async () => {
    const before = await sales();
    expect(before).toMatchObject({
      virtualQueue: 'Sales_VQ',
      timeZone: 'America/Los_Angeles',
      waiting: 0,
      scheduledToday: 0,
      openNow: true,
      scheduledOfferEnabled: true,
    });
    // Tuesday 09:00 in Los Angeles; Sales_Hours close at 18:00 local, 02:00 UTC.
    expect(before.closesAt).toBe('2026-03-04T02:00:00.000Z');
    expect(before.opensAt).toBe('2026-03-04T16:00:00.000Z');
    await book(ctx, { phoneNumber: '+14155550601' });
    await book(ctx, { phoneNumber: '+14155550602' });
    await book(ctx, { phoneNumber: '+14155550603', desiredTime: '2026-03-03T22:00:00.000Z' });
    await book(ctx, { phoneNumber: '+14155550604', desiredTime: '2026-03-04T18:00:00.000Z' }); // tomorrow
    const after = await sales();
    expect(after.waiting).toBe(2);
    expect(after.scheduledToday).toBe(1);
    expect(after.ewtSeconds).toEqual(expect.any(Number)); // -1 until the simulator has history
  });

  it('changes as the clock moves: the waiting callbacks are dialled, and at night the queue is closed', async () => {
    for (const seconds of [1, 6, 6]) await ctx.advance(seconds);
    await expect.poll(async () => (await sales()).waiting, { timeout: 10_000 }).toBe(0);
    await ctx.advance(10 * 3600); // 19:00 local
    const night = await sales();
    expect(night.openNow).toBe(false);
    expect(night.opensAt).toBe('2026-03-04T16:00:00.000Z');
    expect(night.closesAt).toBe('2026-03-05T02:00:00.000Z');
    expect(night.immediateOfferEnabled).toBe(false);
  });

  it('filters by name, sorts either way and pages by 50', async () => {
    for (let i = 0; i < 55; i++) await queueLike(ctx, `Bulk_${String(i).padStart(2, '0')}_VQ`);
    const first = await queues('?search=bulk_&sort=virtualQueue&order=desc');
    expect(first).toMatchObject({ total: 55, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items[0].virtualQueue).toBe('Bulk_54_VQ');
    const second = await queues('?search=bulk_&sort=virtualQueue&order=desc&page=2');
    expect(second.items.map((q: any) => q.virtualQueue)).toEqual([
      'Bulk_04_VQ',
      'Bulk_03_VQ',
      'Bulk_02_VQ',
      'Bulk_01_VQ',
      'Bulk_00_VQ',
    ]);
    const busiest = await queues('?sort=scheduledToday&order=desc&pageSize=1');
    expect(busiest.items[0].virtualQueue).toBe('Sales_VQ');
  });

  it('refuses an unknown sort key, naming the parameter', async () => {
    const reply = await ctx.api.get('/api/v1/queues?sort=colour');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(reply.body.errors[0].pointer).toBe('/query/sort');
  });

  it("draws a queue's day: callbacks waiting over time from the audit trail, states and reasons per interval", async () => {
    const reply = await ctx.api.get('/api/v1/queues/Sales_VQ/day?interval=60');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const day = reply.body;
    expect(day.from).toBe('2026-03-03T08:00:00.000Z'); // local midnight
    expect(day.intervals).toHaveLength(24);
    // Both immediate callbacks were booked at 09:00 sharp and waited until the clock moved.
    const at9 = day.waiting.find((p: any) => p.at === '2026-03-03T17:00:00.000Z');
    expect(at9.waiting).toBe(2);
    expect(day.waiting.find((p: any) => p.at === '2026-03-03T18:00:00.000Z').waiting).toBe(0);
    const nineOClock = day.intervals[9];
    expect(nineOClock.start).toBe('2026-03-03T17:00:00.000Z');
    expect(nineOClock.byState.COMPLETED).toBe(2);
    expect(nineOClock.byReason.AGENT_CONNECTED).toBe(2);
  });

  it('offers only free slots from now in the queue time zone', async () => {
    const reply = await ctx.api.get('/api/v1/queues/Sales_VQ/availability?days=2');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.timeZone).toBe('America/Los_Angeles');
    expect(reply.body.slots.length).toBeGreaterThan(0);
    const now = Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
    for (const slot of reply.body.slots) {
      expect(Date.parse(slot.utcTime)).toBeGreaterThanOrEqual(now);
      expect(slot.capacity).toBeGreaterThan(0);
    }
  });
});
