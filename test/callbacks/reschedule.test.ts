/**
 * Rescheduling from the Callback tab (POST /api/v1/callbacks/{id}/reschedule): the horizon, the
 * new slot's capacity exactly as booking with alwaysCheckCapacity, the slot count moved
 * atomically, and nothing written on a refusal, also when reschedules race for the last place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, forceState, queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales(); // Tuesday 3 March 2026, 09:00 in Los Angeles, clock frozen
  // Two scheduled callbacks per 15-minute slot, Monday to Friday 8:00-18:00 Los Angeles time.
  await queueLike(ctx, 'Two_VQ', { slotCapacity: 2, capacityRule: null });
});
afterAll(() => ctx?.started.stop());

const MINUTE = 60_000;
let numbers = 0;
const nextNumber = () => `+1415557${String(numbers++).padStart(4, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

const bookAt = (utc: number) =>
  book(ctx, { serviceName: 'Two_VQ', phoneNumber: nextNumber(), desiredTime: iso(utc) });

const reschedule = (id: string, desiredTime: string) =>
  ctx.api.post(`/api/v1/callbacks/${id}/reschedule`, { desiredTime });

const record = async (id: string) => (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;

/** How many more callbacks the slot starting at `utc` takes (undefined: no such open slot). */
async function room(utc: number): Promise<number | undefined> {
  const reply = await ctx.ges(
    'GET',
    `/callbacks/availability/Two_VQ?startMS=${utc}&endMS=${utc + 1}&reportBusy=true`,
  );
  expect(reply.status).toBe(200);
  return reply.body.data.slots[0]?.capacity;
}

// Wednesday 4 March, Los Angeles (UTC-8): 10:00 is 18:00Z.
const WED_10 = Date.parse('2026-03-04T18:00:00Z');

describe('rescheduling a callback', () => {
  it('refuses a time past the horizon or in the past, naming the field, and changes nothing', async () => {
    const id = await bookAt(WED_10);
    const before = await record(id);
    for (const desiredTime of ['2026-04-03T17:00:00.000Z', '2026-03-02T17:00:00.000Z']) {
      const reply = await reschedule(id, desiredTime);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        code: 'DESIRED_TIME_OUT_OF_RANGE',
        errors: [{ pointer: '/desiredTime', message: expect.any(String) }],
        corrId: expect.any(String),
      });
    }
    expect(await record(id)).toEqual(before);
    expect(await room(WED_10)).toBe(1);
  });

  it('accepts the last instant of the horizon and a time inside the desired-time window of now', async () => {
    const id = await bookAt(WED_10 + 15 * MINUTE);
    // 2 April 2026 is a Thursday; 17:00Z is 10:00 in Los Angeles (UTC-7 by then).
    const last = await reschedule(id, '2026-04-02T17:00:00.000Z');
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(await room(WED_10 + 15 * MINUTE)).toBe(2);
    // One minute ago is inside the 2-minute window: it counts as now (09:00, an open slot).
    const now = await reschedule(id, '2026-03-03T16:59:00.000Z');
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    expect(now.body.desiredTime).toBe('2026-03-03T17:00:00.000Z');
  });

  it('refuses a full slot with the nearest free slots, and changes nothing', async () => {
    const full = WED_10 + 60 * MINUTE; // 11:00 local
    await bookAt(full);
    await bookAt(full);
    const id = await bookAt(full + 60 * MINUTE);
    const before = await record(id);
    const reply = await reschedule(id, iso(full + 5 * MINUTE));
    expect(reply.status).toBe(429);
    expect(reply.body).toMatchObject({
      code: 'SLOT_UNAVAILABLE',
      errors: [{ pointer: '/desiredTime', message: 'is full' }],
    });
    expect(reply.body.slots[0]).toEqual({
      utcTime: '2026-03-04T19:15:00.000Z',
      localTime: '2026-03-04T11:15:00.000-08:00',
      capacity: 2,
      total: 2,
      startMs: full + 15 * MINUTE,
    });
    expect(await record(id)).toEqual(before);
    expect(await room(full)).toBe(0);
    expect(await room(full + 60 * MINUTE)).toBe(1);
  });

  it('refuses a closed slot and proposes the next opening', async () => {
    const id = await bookAt(WED_10 + 90 * MINUTE);
    const saturday = await reschedule(id, '2026-03-07T18:00:00.000Z');
    expect(saturday.status).toBe(429);
    expect(saturday.body.errors).toEqual([{ pointer: '/desiredTime', message: 'is closed' }]);
    // Monday 9 March 8:00 in Los Angeles, after the change to daylight time.
    expect(saturday.body.slots[0]).toMatchObject({
      utcTime: '2026-03-09T15:00:00.000Z',
      localTime: '2026-03-09T08:00:00.000-07:00',
    });
    expect((await record(id)).desiredTime).toBe(iso(WED_10 + 90 * MINUTE));
  });

  it('moves a callback within its own full slot without counting it twice', async () => {
    const slot = WED_10 + 120 * MINUTE;
    const id = await bookAt(slot);
    await bookAt(slot);
    const moved = await reschedule(id, iso(slot + 10 * MINUTE));
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.desiredTime).toBe(iso(slot + 10 * MINUTE));
    expect(await room(slot)).toBe(0);
  });

  it('refuses a QUEUED immediate callback: only SCHEDULED ones are rescheduled', async () => {
    const id = await book(ctx, { serviceName: 'Two_VQ', phoneNumber: nextNumber() });
    expect((await record(id)).callbackState).toBe('QUEUED');
    const slot = WED_10 + 150 * MINUTE;
    const refused = await reschedule(id, iso(slot));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CALLBACK_NOT_RESCHEDULABLE');
    expect(await room(slot)).toBe(2);
    expect((await record(id)).callbackState).toBe('QUEUED');
  });

  it('refuses PROCESSING and COMPLETED callbacks', async () => {
    const processing = await bookAt(WED_10 + 180 * MINUTE);
    await forceState(ctx, processing, 'PROCESSING');
    const busy = await reschedule(processing, iso(WED_10 + 195 * MINUTE));
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('CALLBACK_NOT_RESCHEDULABLE');
    expect((await record(processing)).desiredTime).toBe(iso(WED_10 + 180 * MINUTE));
    const unknown = await reschedule('00000000-0000-4000-8000-000000000000', iso(WED_10));
    expect(unknown.status).toBe(404);
  });

  it('lets exactly one of two concurrent reschedules take the last place of a slot', async () => {
    // Thursday 5 March from 8:00 local (16:00Z); each round uses three slots of its own.
    const thursday = Date.parse('2026-03-05T16:00:00Z');
    for (let round = 0; round < 6; round++) {
      const target = thursday + round * 45 * MINUTE;
      await bookAt(target); // one of two places left
      const [a, b] = [await bookAt(target + 15 * MINUTE), await bookAt(target + 30 * MINUTE)];
      const replies = await Promise.all([a, b].map((id) => reschedule(id, iso(target))));
      expect(replies.map((r) => r.status).sort()).toEqual([200, 429]);
      const winner = replies[0]?.status === 200 ? a : b;
      const loser = winner === a ? b : a;
      const loserFrom = loser === a ? target + 15 * MINUTE : target + 30 * MINUTE;
      const winnerFrom = winner === a ? target + 15 * MINUTE : target + 30 * MINUTE;
      expect(await room(target)).toBe(0);
      expect(await room(winnerFrom)).toBe(2);
      expect(await room(loserFrom)).toBe(1);
      const lost = await record(loser);
      expect(lost.desiredTime).toBe(iso(loserFrom));
      expect(lost.audit.map((line: { reason: string }) => line.reason)).toEqual(['BOOKED']);
      expect((await record(winner)).desiredTime).toBe(iso(target));
    }
  });

  it('swaps two callbacks between two slots at the same time without a deadlock', async () => {
    const friday = Date.parse('2026-03-06T16:00:00Z');
    for (let round = 0; round < 4; round++) {
      const [first, second] = [friday + round * 30 * MINUTE, friday + round * 30 * MINUTE + 15 * MINUTE];
      const [a, b] = [await bookAt(first), await bookAt(second)];
      const replies = await Promise.all([reschedule(a, iso(second)), reschedule(b, iso(first))]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      expect([await room(first), await room(second)]).toEqual([1, 1]);
    }
  });
});
