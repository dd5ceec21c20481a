/**
 * Issue 8, section 3: what administrators may do in which state (the guide): reschedule SCHEDULED
 * callbacks only, recreate COMPLETED ones only, schedule into available slots only unless an
 * explicit, audited override is given; and a SCHEDULED callback left waiting past its Desired
 * Callback Time window is flagged. The engine is off here, so nothing but these requests moves a
 * callback (which is also how a SCHEDULED callback ends up overdue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales({ RINGBACK_ENGINE: 'off' });
  await queueLike(ctx, 'Tiny_VQ', { slotCapacity: 1, capacityRule: null });
});
afterAll(() => ctx?.started.stop());

const WED_10 = '2026-03-04T18:00:00.000Z'; // Wednesday 10:00 in Los Angeles
const record = async (id: string) => (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;

describe('callback states as the guide defines them', () => {
  it('reschedules only SCHEDULED callbacks, answering 409 with the state otherwise', async () => {
    const queued = await book(ctx, { phoneNumber: '+14155550601' });
    const reply = await ctx.api.post(`/api/v1/callbacks/${queued}/reschedule`, { desiredTime: WED_10 });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({
      code: 'CALLBACK_NOT_RESCHEDULABLE',
      detail: expect.stringContaining('QUEUED'),
    });
    expect((await record(queued)).callbackState).toBe('QUEUED');
    const scheduled = await book(ctx, { phoneNumber: '+14155550602', desiredTime: WED_10 });
    const moved = await ctx.api.post(`/api/v1/callbacks/${scheduled}/reschedule`, {
      desiredTime: '2026-03-04T18:30:00.000Z',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it('recreates only COMPLETED callbacks, answering 409 with the state otherwise', async () => {
    const scheduled = await book(ctx, { phoneNumber: '+14155550603', desiredTime: WED_10 });
    const refused = await ctx.api.post(`/api/v1/callbacks/${scheduled}/recreate`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CALLBACK_NOT_RECREATABLE',
      detail: expect.stringContaining('SCHEDULED'),
    });
    await ctx.api.post(`/api/v1/callbacks/${scheduled}/cancel`);
    const again = await ctx.api.post(`/api/v1/callbacks/${scheduled}/recreate`);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ callbackState: 'QUEUED', phoneNumber: '+14155550603' });
  });

  it('offers an administrator only available slots, with an explicit override that the audit records', async () => {
    const create = (body: Record<string, unknown>) =>
      ctx.api.post('/api/v1/callbacks', { serviceName: 'Tiny_VQ', desiredTime: WED_10, ...body });
    expect((await create({ phoneNumber: '+14155550604' })).status).toBe(201);
    const full = await create({ phoneNumber: '+14155550605' });
    expect(full.status).toBe(429);
    expect(full.body.code).toBe('SLOT_UNAVAILABLE');
    expect(full.body.slots[0]).toMatchObject({ utcTime: '2026-03-04T18:15:00.000Z', capacity: 1, total: 1 });
    // Closed (Sunday) is refused the same way.
    const closed = await create({ phoneNumber: '+14155550606', desiredTime: '2026-03-08T20:00:00.000Z' });
    expect(closed.status).toBe(429);
    const forced = await create({ phoneNumber: '+14155550605', overrideCapacity: true });
    expect(forced.status, JSON.stringify(forced.body)).toBe(201);
    expect((await record(forced.body.id)).audit[0]).toMatchObject({
      to: 'SCHEDULED',
      reason: 'BOOKED_CAPACITY_OVERRIDE',
      actor: 'ui:admin',
    });
  });

  it('flags a SCHEDULED callback still waiting past its Desired Callback Time window, and filters on it', async () => {
    const now = Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
    const desired = new Date(now + 60_000).toISOString();
    const id = await book(ctx, { phoneNumber: '+14155550607', desiredTime: desired });
    const other = await book(ctx, { phoneNumber: '+14155550608', desiredTime: WED_10 });
    expect((await record(id)).overdue).toBe(false);
    // Due in one minute; the window is 2 minutes: still not overdue at 2:59 past the booking.
    await ctx.advance(179);
    expect((await record(id)).overdue).toBe(false);
    await ctx.advance(2);
    expect(await record(id)).toMatchObject({ callbackState: 'SCHEDULED', overdue: true });
    const retrieved = await ctx.ges('POST', '/callbacks/retrieve', { id });
    expect(retrieved.body.data.overdue).toBe(true);
    const flagged = await ctx.api.get('/api/v1/callbacks?overdue=true');
    expect(flagged.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(flagged.body.items[0].overdue).toBe(true);
    const rest = await ctx.api.get('/api/v1/callbacks?overdue=false&states=SCHEDULED');
    const restIds = rest.body.items.map((r: { id: string }) => r.id);
    expect(restIds).toContain(other);
    expect(restIds).not.toContain(id);
    expect((await ctx.api.get('/api/v1/callbacks?overdue=maybe')).status).toBe(400);
  });
});
