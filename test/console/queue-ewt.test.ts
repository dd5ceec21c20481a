/**
 * The Monitor's EWT over the day: the engine samples, once per queue and quarter hour, the EWT a
 * newcomer would be given (the Monitor list's figure, GES mode2); the day route gives each
 * interval start its sample and the last point the live estimate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, now, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
}, 180_000);
afterAll(() => ctx?.started.stop());

const liveEwt = async () =>
  (await ctx.api.get('/api/v1/queues?search=Sales_VQ')).body.items.find(
    (q: { virtualQueue: string }) => q.virtualQueue === 'Sales_VQ',
  ).ewtSeconds as number;
/** Advances the virtual clock to `iso` (whole seconds from now). */
const advanceTo = async (iso: string) => ctx.advance((Date.parse(iso) - (await now(ctx))) / 1000);

describe("a queue's EWT over the day", () => {
  it('charts the EWT sampled at each interval start, and the live estimate now', async () => {
    // Tuesday 09:00 in Los Angeles (17:00 UTC): no agent has taken anything yet, so no estimate.
    await ctx.advance(1);
    expect(await liveEwt()).toBe(-1);
    // Three callbacks go to Alice, Bob and Carol: the queue's first departures.
    for (const n of ['+14155550701', '+14155550702', '+14155550703']) await book(ctx, { phoneNumber: n });
    for (const seconds of [1, 6, 6]) await ctx.advance(seconds);

    await advanceTo('2026-03-03T17:15:00.000Z');
    const at915 = await liveEwt();
    expect(at915).toBeGreaterThan(0);
    // Later in the same quarter hour the estimate has grown, but the quarter's sample stays.
    await advanceTo('2026-03-03T17:20:00.000Z');
    expect(await liveEwt()).toBeGreaterThan(at915);
    await advanceTo('2026-03-03T17:30:00.000Z');
    const at930 = await liveEwt();
    expect(at930).toBeGreaterThan(at915);
    await advanceTo('2026-03-03T17:31:00.000Z');
    const atNow = await liveEwt();

    const reply = await ctx.api.get('/api/v1/queues/Sales_VQ/day?interval=15');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const ewt = Object.fromEntries(
      reply.body.waiting.map((p: { at: string; ewtSeconds: number | null }) => [p.at, p.ewtSeconds]),
    );
    expect(ewt['2026-03-03T08:00:00.000Z']).toBeNull(); // local midnight: the runtime was not running
    expect(ewt['2026-03-03T16:45:00.000Z']).toBeNull();
    expect(ewt['2026-03-03T17:00:00.000Z']).toBe(-1);
    expect(ewt['2026-03-03T17:15:00.000Z']).toBe(at915);
    expect(ewt['2026-03-03T17:30:00.000Z']).toBe(at930);
    expect(ewt['2026-03-03T17:31:00.000Z']).toBe(atNow);
    expect(reply.body.now.ewtSeconds).toBe(atNow);

    const hourly = await ctx.api.get('/api/v1/queues/Sales_VQ/day?interval=60');
    const at9 = hourly.body.waiting.find((p: { at: string }) => p.at === '2026-03-03T17:00:00.000Z');
    expect(at9).toEqual({ at: '2026-03-03T17:00:00.000Z', waiting: 0, ewtSeconds: -1 });
  });
});
