/**
 * The repeated hour of an autumn DST change, end to end on the database: New York falls back on
 * Sunday 1 November 2026 (01:00-02:00 happens at 05:00Z EDT and again at 06:00Z EST). A business
 * open all night is open in both passes, so each pass has slots of its own: availability, the
 * capacity counts, alwaysCheckCapacity, reschedule, capacity-rule timeslots and the IVR's
 * proposals all see both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../schemas/application.generated.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
let numbers = 0;
const nextNumber = () => `+1415559${String(numbers++).padStart(4, '0')}`;
const at = (utc: string) => Date.parse(`2026-11-01T${utc}:00.000Z`);

beforeAll(async () => {
  // Friday 30 October 2026, noon in New York.
  ctx = await startSales({ RINGBACK_CLOCK_START: '2026-10-30T16:00:00Z' });
  const allNight = { kind: 'allDay' };
  const reply = await ctx.api.put('/api/v1/business-hours/Night_NY', {
    name: 'Night_NY',
    timeZone: 'America/New_York',
    weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allNight])),
    specialDays: [],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  // One callback per 30-minute slot.
  await queueLike(ctx, 'Night_VQ', {
    businessHours: 'Night_NY',
    slotDurationMinutes: 30,
    slotCapacity: 1,
    capacityRule: null,
  });
  // Sunday's 01:00 hour takes two per slot, 02:00 one: a rule has no zone and reads the wall clock.
  const rule = { name: 'Night_Rule', duration: 60, days: { sun: { '00:00': 1, '01:00': 2, '02:00': 1 } } };
  expect((await ctx.api.put('/api/v1/capacity-rules/Night_Rule', rule)).status).toBe(201);
  await queueLike(ctx, 'NightRule_VQ', {
    businessHours: 'Night_NY',
    slotDurationMinutes: 30,
    capacityRule: 'Night_Rule',
  });
});
afterAll(() => ctx?.started.stop());

interface SlotView {
  utcTime: string;
  localTime: string;
  capacity: number;
  total: number;
}

async function slots(service: string, from: string, to: string): Promise<SlotView[]> {
  const reply = await ctx.ges(
    'GET',
    `/callbacks/availability/${service}?startMS=${at(from)}&endMS=${at(to)}&reportBusy=true&timezone=America/New_York`,
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.slots;
}
const view = (list: SlotView[]) =>
  list.map((s) => `${s.localTime.slice(11, 16)}${s.localTime.slice(-6)} ${s.capacity}/${s.total}`);

const create = (service: string, utc: string) =>
  ctx.ges('POST', '/callbacks/create', {
    serviceName: service,
    phoneNumber: nextNumber(),
    desiredTime: new Date(at(utc)).toISOString(),
    alwaysCheckCapacity: true,
  });

describe('the repeated hour has slots in both passes', () => {
  it('lists the 01:00 and 01:30 slots twice, once per pass, each with its own capacity', async () => {
    expect(view(await slots('Night_VQ', '04:30', '07:30'))).toEqual([
      '00:30-04:00 1/1',
      '01:00-04:00 1/1',
      '01:30-04:00 1/1',
      '01:00-05:00 1/1',
      '01:30-05:00 1/1',
      '02:00-05:00 1/1',
    ]);
  });

  it('counts a booking in the second pass against the second pass only, with alwaysCheckCapacity', async () => {
    expect((await create('Night_VQ', '06:10')).status).toBe(200); // 01:10 EST
    expect(view(await slots('Night_VQ', '05:00', '07:30'))).toEqual([
      '01:00-04:00 1/1',
      '01:30-04:00 1/1',
      '01:00-05:00 0/1',
      '01:30-05:00 1/1',
      '02:00-05:00 1/1',
    ]);
    // The first pass and the slot after the hour still take their one each; the full slot refuses.
    expect((await create('Night_VQ', '05:10')).status).toBe(200);
    expect((await create('Night_VQ', '07:00')).status).toBe(200);
    expect((await create('Night_VQ', '06:20')).status).toBe(429);
  });

  it('reschedules into the second pass and frees the slot left', async () => {
    const booked = await create('Night_VQ', '07:40'); // 02:40 EST
    expect(booked.status).toBe(200);
    const id = booked.body.data.id as string;
    const moved = await ctx.api.post(`/api/v1/callbacks/${id}/reschedule`, {
      desiredTime: new Date(at('06:45')).toISOString(), // 01:45 EST
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(view(await slots('Night_VQ', '05:30', '08:00'))).toEqual([
      '01:30-04:00 1/1',
      '01:00-05:00 0/1',
      '01:30-05:00 0/1',
      '02:00-05:00 0/1',
      '02:30-05:00 1/1',
    ]);
    // The first pass's 01:30 still has its place; moving the callback there is allowed.
    const back = await ctx.api.post(`/api/v1/callbacks/${id}/reschedule`, {
      desiredTime: new Date(at('05:45')).toISOString(), // 01:45 EDT
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(view(await slots('Night_VQ', '05:30', '07:00'))).toEqual([
      '01:30-04:00 0/1',
      '01:00-05:00 0/1',
      '01:30-05:00 1/1',
    ]);
  });

  it('reads the capacity rule timeslot of the wall clock in both passes', async () => {
    expect(view(await slots('NightRule_VQ', '04:30', '07:30'))).toEqual([
      '00:30-04:00 1/1',
      '01:00-04:00 2/2',
      '01:30-04:00 2/2',
      '01:00-05:00 2/2',
      '01:30-05:00 2/2',
      '02:00-05:00 1/1',
    ]);
    for (const utc of ['06:00', '06:05']) expect((await create('NightRule_VQ', utc)).status).toBe(200);
    expect((await create('NightRule_VQ', '06:29')).status).toBe(429);
    expect((await create('NightRule_VQ', '05:29')).status).toBe(200);
  });
});

describe('the IVR proposes slots of both passes', () => {
  it('proposes the 01:30 of the second pass (said with EST) when the first is full, then the next on 2, and books it', async () => {
    const application = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../examples/callback/applications/sales-ivr.json'), 'utf8'),
    ) as Application;
    application.id = 'night-ivr';
    const offer = application.blocks.offer!;
    offer.properties = { ...(offer.properties as object), virtualQueue: 'Night_VQ' };
    expect((await ctx.api.post('/api/v1/applications', application)).status).toBe(201);
    expect((await ctx.api.post('/api/v1/applications/night-ivr/publish')).status).toBeLessThan(300);

    const start = await ctx.api.post('/api/v1/test-calls', { applicationId: 'night-ivr', ani: nextNumber() });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    const press = async (digits: string) =>
      (await ctx.api.post(`/api/v1/test-calls/${start.body.id}/dtmf`, { digits })).body;
    await press('2');
    await press('1');
    await press('2#'); // Sunday, two days from Friday
    // 01:30 means its first occurrence; that slot was booked above, so the nearest free is the next one.
    const proposed = await press('0130#');
    expect(proposed.variables.SlotTime).toBe('Sunday, November 1 at 1:30 AM EST');
    const next = await press('2');
    expect(next.variables.SlotTime).toBe('Sunday, November 1 at 2:30 AM');
    const booked = await press('1');
    const record = (await ctx.ges('POST', '/callbacks/retrieve', { id: booked.variables.callbackId })).body
      .data;
    expect(new Date(record.desiredTime).toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });
});
