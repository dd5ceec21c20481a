/**
 * One rule for a local time inside a spring-forward gap, on every path (docs/decisions.md,
 * "Issue 8"): it means the end of the gap. Lord Howe Island jumps from 02:00 to 02:30 on Sunday
 * 4 October 2026 (15:30Z): a business opening at 02:15 opens at 02:30, the 60-minute grid's
 * 02:00 slot starts at 02:30, and a caller keying 02:15 asks for 02:30.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../schemas/application.generated.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
const LH = 'Australia/Lord_Howe';

beforeAll(async () => {
  // Friday 2 October 2026, noon on Lord Howe Island (UTC+10:30).
  ctx = await startSales({ RINGBACK_CLOCK_START: '2026-10-02T01:30:00Z' });
  const earlyHours = { kind: 'intervals', intervals: [{ start: '02:15', end: '06:00' }] };
  const reply = await ctx.api.put('/api/v1/business-hours/Island', {
    name: 'Island',
    timeZone: LH,
    weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, earlyHours])),
    specialDays: [],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  await queueLike(ctx, 'Island_VQ', {
    businessHours: 'Island',
    slotDurationMinutes: 60,
    slotCapacity: 1,
    capacityRule: null,
  });
});
afterAll(() => ctx?.started.stop());

describe('a local time inside the spring gap means the end of the gap', () => {
  it('opens the business and starts the first slot at 02:30 when the hours say 02:15', async () => {
    const reply = await ctx.ges(
      'GET',
      `/callbacks/availability/Island_VQ?startMS=${Date.parse('2026-10-03T14:00:00Z')}&endMS=${Date.parse('2026-10-03T20:00:00Z')}&timezone=${LH}`,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.data.slots.map((s: { localTime: string }) => s.localTime)).toEqual([
      '2026-10-04T02:30:00.000+11:00',
      '2026-10-04T03:00:00.000+11:00',
      '2026-10-04T04:00:00.000+11:00',
      '2026-10-04T05:00:00.000+11:00',
    ]);
  });

  it('reads a time the caller keys inside the gap as 02:30 and proposes the 02:30 slot', async () => {
    const application = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../examples/callback/applications/sales-ivr.json'), 'utf8'),
    ) as Application;
    application.id = 'island-ivr';
    const offer = application.blocks.offer!;
    offer.properties = { ...(offer.properties as object), virtualQueue: 'Island_VQ' };
    expect((await ctx.api.post('/api/v1/applications', application)).status).toBe(201);
    expect((await ctx.api.post('/api/v1/applications/island-ivr/publish')).status).toBeLessThan(300);
    const start = await ctx.api.post('/api/v1/test-calls', {
      applicationId: 'island-ivr',
      ani: '+14155550900',
    });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    const press = async (digits: string) =>
      (await ctx.api.post(`/api/v1/test-calls/${start.body.id}/dtmf`, { digits })).body;
    await press('2');
    await press('1');
    await press('2#'); // Sunday
    const proposed = await press('0215#');
    expect(proposed.variables.SlotTime).toBe('Sunday, October 4 at 2:30 AM');
    const booked = await press('1');
    const record = (await ctx.ges('POST', '/callbacks/retrieve', { id: booked.variables.callbackId })).body
      .data;
    expect(new Date(record.desiredTime).toISOString()).toBe('2026-10-03T15:30:00.000Z');
  });
});
