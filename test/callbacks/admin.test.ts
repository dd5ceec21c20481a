import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, forceState, queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const get = async (id: string) => (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;
const slotCapacity = async (utcTime: string) => {
  const reply = await ctx.ges(
    'GET',
    `/callbacks/availability/Sales_VQ?start=${utcTime}&endMS=${Date.parse(utcTime) + 1}&reportBusy=true`,
  );
  return reply.body.data.slots[0].capacity as number;
};

describe('admin callback routes', () => {
  it('creates a callback as the signed-in user and shows its audit: who, when, why', async () => {
    const created = await ctx.api.post('/api/v1/callbacks', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550501',
      desiredTime: '2026-03-04T18:00:00.000Z',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      callbackState: 'SCHEDULED',
      createdBy: 'ui:admin',
      scheduled: true,
    });
    const record = await get(created.body.id);
    expect(record.audit).toEqual([
      { at: '2026-03-03T17:00:00.000Z', from: null, to: 'SCHEDULED', reason: 'BOOKED', actor: 'ui:admin' },
    ]);
  });

  it('answers 201 for a new CALLBACK_SETTINGS row and 200 when it replaces one', async () => {
    const row = (await ctx.api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    const path = '/api/v1/data-tables/CALLBACK_SETTINGS/rows/Fresh_VQ';
    expect((await ctx.api.put(path, { ...row, virtualQueue: 'Fresh_VQ' })).status).toBe(201);
    const replaced = await ctx.api.put(path, { ...row, virtualQueue: 'Fresh_VQ', slotCapacity: 3 });
    expect(replaced.status).toBe(200);
    expect(replaced.body.slotCapacity).toBe(3);
  });

  it('refuses a CALLBACK_SETTINGS row naming an unknown rule, on that field, and stores nothing', async () => {
    const row = (await ctx.api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    const path = '/api/v1/data-tables/CALLBACK_SETTINGS/rows/Ruled_VQ';
    const reply = await ctx.api.put(path, { ...row, virtualQueue: 'Ruled_VQ', capacityRule: 'Easter' });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('VALIDATION_FAILED');
    expect(reply.body.errors).toEqual([{ pointer: '/capacityRule', message: 'no rule named Easter' }]);
    expect((await ctx.api.get(path)).status).toBe(404);
  });

  it('answers 404 for an unknown callback', async () => {
    const reply = await ctx.api.get('/api/v1/callbacks/00000000-0000-4000-8000-000000000000');
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('NOT_FOUND');
  });

  it('reschedules a SCHEDULED callback, moving its slot booking and recording who did it', async () => {
    const from = '2026-03-04T18:15:00.000Z';
    const to = '2026-03-04T18:30:00.000Z';
    const id = await book(ctx, { phoneNumber: '+14155550502', desiredTime: from });
    expect(await slotCapacity(from)).toBe(9);
    const moved = await ctx.api.post(`/api/v1/callbacks/${id}/reschedule`, { desiredTime: to });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ callbackState: 'SCHEDULED', desiredTime: to });
    expect(await slotCapacity(from)).toBe(10);
    expect(await slotCapacity(to)).toBe(9);
    const last = (await get(id)).audit.at(-1);
    expect(last).toMatchObject({
      from: 'SCHEDULED',
      to: 'SCHEDULED',
      reason: 'RESCHEDULED',
      actor: 'ui:admin',
    });
  });

  it('refuses to reschedule into the past or a completed callback', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550503', desiredTime: '2026-03-04T19:00:00.000Z' });
    const past = await ctx.api.post(`/api/v1/callbacks/${id}/reschedule`, {
      desiredTime: '2026-03-01T19:00:00.000Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('DESIRED_TIME_OUT_OF_RANGE');
    await ctx.api.post(`/api/v1/callbacks/${id}/cancel`);
    const done = await ctx.api.post(`/api/v1/callbacks/${id}/reschedule`, {
      desiredTime: '2026-03-05T19:00:00.000Z',
    });
    expect(done.status).toBe(409);
    expect(done.body.code).toBe('CALLBACK_NOT_RESCHEDULABLE');
  });

  it('cancels as CANCELLED_BY_ADMIN, returns the slot, and refuses a PROCESSING callback', async () => {
    const at = '2026-03-04T19:15:00.000Z';
    const id = await book(ctx, { phoneNumber: '+14155550504', desiredTime: at });
    expect(await slotCapacity(at)).toBe(9);
    const cancelled = await ctx.api.post(`/api/v1/callbacks/${id}/cancel`);
    expect(cancelled.body).toMatchObject({
      callbackState: 'COMPLETED',
      callbackReason: 'CANCELLED_BY_ADMIN',
    });
    expect(await slotCapacity(at)).toBe(10);
    expect((await get(id)).audit.at(-1)).toMatchObject({
      to: 'COMPLETED',
      reason: 'CANCELLED_BY_ADMIN',
      actor: 'ui:admin',
    });

    const busy = await book(ctx, { phoneNumber: '+14155550505' });
    await forceState(ctx, busy, 'PROCESSING');
    const refused = await ctx.api.post(`/api/v1/callbacks/${busy}/cancel`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('CALLBACK_NOT_CANCELLABLE');
    expect((await get(busy)).callbackState).toBe('PROCESSING');
  });

  it('recreates a completed callback as a new one with the same queue, number and user data', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550506', userData: { orderId: 'R-7' } });
    await ctx.api.post(`/api/v1/callbacks/${id}/cancel`);
    const immediate = await ctx.api.post(`/api/v1/callbacks/${id}/recreate`);
    expect(immediate.status).toBe(201);
    expect(immediate.body.id).not.toBe(id);
    expect(immediate.body).toMatchObject({
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550506',
      callbackState: 'QUEUED',
      userData: { orderId: 'R-7' },
      createdBy: 'ui:admin',
    });
    await ctx.api.post(`/api/v1/callbacks/${immediate.body.id}/cancel`);
    const scheduled = await ctx.api.post(`/api/v1/callbacks/${id}/recreate`, {
      desiredTime: '2026-03-05T17:00:00.000Z',
    });
    expect(scheduled.body).toMatchObject({
      callbackState: 'SCHEDULED',
      desiredTime: '2026-03-05T17:00:00.000Z',
    });
    expect((await get(id)).callbackReason).toBe('CANCELLED_BY_ADMIN');
  });

  it('bulk-cancels what it can and reports PROCESSING, COMPLETED and unknown ones as skipped', async () => {
    const scheduled = await book(ctx, {
      phoneNumber: '+14155550507',
      desiredTime: '2026-03-05T18:00:00.000Z',
    });
    const queued = await book(ctx, { phoneNumber: '+14155550508' });
    const processing = await book(ctx, { phoneNumber: '+14155550509' });
    await forceState(ctx, processing, 'PROCESSING');
    const completed = await book(ctx, { phoneNumber: '+14155550510' });
    await ctx.ges('POST', '/callbacks/cancel', { id: completed });
    const unknown = '00000000-0000-4000-8000-000000000009';
    const reply = await ctx.api.post('/api/v1/callbacks/bulk-cancel', {
      ids: [scheduled, queued, processing, completed, unknown],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.cancelled.sort()).toEqual([scheduled, queued].sort());
    expect(reply.body.skipped).toEqual([
      { id: processing, state: 'PROCESSING', reason: 'CALLBACK_NOT_CANCELLABLE' },
      { id: completed, state: 'COMPLETED', reason: 'CALLBACK_NOT_CANCELLABLE' },
      { id: unknown, state: null, reason: 'NOT_FOUND' },
    ]);
    expect((await get(processing)).callbackState).toBe('PROCESSING');
    for (const id of [scheduled, queued])
      expect(await get(id)).toMatchObject({
        callbackState: 'COMPLETED',
        callbackReason: 'CANCELLED_BY_ADMIN',
      });

    const csv = await ctx.api.get('/api/v1/callbacks/cancellation-summary.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('id,serviceName,phoneNumber,desiredTime,cancelledAt,state');
    const row = lines.find((l) => l.includes(scheduled));
    expect(row).toBe(
      `"${scheduled}","Sales_VQ","+14155550507","2026-03-05T18:00:00.000Z","2026-03-03T17:00:00.000Z","COMPLETED (CANCELLED_BY_ADMIN)"`,
    );
    expect(lines.some((l) => l.includes(queued))).toBe(true);
    // Cancelled through GES, not by an administrator: not in the summary.
    expect(lines.some((l) => l.includes(completed))).toBe(false);
    expect(lines.some((l) => l.includes(processing))).toBe(false);
  });

  it('lists by desired time range, state, service and search, in pages of 250', async () => {
    await queueLike(ctx, 'Paging_VQ', { capacityRule: null, slotCapacity: 1000 });
    const base = Date.parse('2026-03-05T17:00:00Z');
    const ids: string[] = [];
    for (let batch = 0; batch < 251; batch += 50) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(50, 251 - batch) }, (_, i) =>
          ctx.ges('POST', '/callbacks/create', {
            serviceName: 'Paging_VQ',
            phoneNumber: `+1415556${String(batch + i).padStart(4, '0')}`,
            desiredTime: new Date(base + (batch + i) * 60_000).toISOString(),
          }),
        ),
      );
      for (const r of replies) {
        expect(r.status).toBe(200);
        ids.push(r.body.data.id);
      }
    }
    const first = await ctx.api.get('/api/v1/callbacks?services=Paging_VQ');
    expect(first.body).toMatchObject({ total: 251, page: 1, pageSize: 250 });
    expect(first.body.items).toHaveLength(250);
    const second = await ctx.api.get('/api/v1/callbacks?services=Paging_VQ&page=2');
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].phoneNumber).toBe('+14155560250'); // ordered by desired time
    expect((await ctx.api.get('/api/v1/callbacks?pageSize=251')).status).toBe(400);

    const range = await ctx.api.get(
      '/api/v1/callbacks?services=Paging_VQ&from=2026-03-05T17:10:00.000Z&to=2026-03-05T17:20:00.000Z',
    );
    expect(range.body.total).toBe(10);
    expect(range.body.items.map((r: { phoneNumber: string }) => r.phoneNumber)).toContain('+14155560010');

    await ctx.api.post(`/api/v1/callbacks/${ids[3]}/cancel`);
    const completed = await ctx.api.get('/api/v1/callbacks?services=Paging_VQ&states=COMPLETED');
    expect(completed.body.items.map((r: { id: string }) => r.id)).toEqual([ids[3]]);
    const scheduledOnly = await ctx.api.get('/api/v1/callbacks?services=Paging_VQ&states=SCHEDULED,QUEUED');
    expect(scheduledOnly.body.total).toBe(250);
    expect((await ctx.api.get('/api/v1/callbacks?states=DONE')).status).toBe(400);

    const byNumber = await ctx.api.get('/api/v1/callbacks?search=4155560123');
    expect(byNumber.body.items.map((r: { id: string }) => r.id)).toEqual([ids[123]]);
    const byId = await ctx.api.get(`/api/v1/callbacks?search=${ids[7]}`);
    expect(byId.body.items.map((r: { id: string }) => r.id)).toEqual([ids[7]]);
    const otherService = await ctx.api.get('/api/v1/callbacks?services=Sales_VQ&search=4155560123');
    expect(otherService.body.total).toBe(0);
  });
});
