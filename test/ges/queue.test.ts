import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGesError, queueLike, type Sales, startSales } from './support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
  await ctx.advance(1); // one engine tick configures the queues on the simulator
  const hours = (await ctx.api.get('/api/v1/business-hours/Sales_Hours')).body;
  const reply = await ctx.api.put('/api/v1/business-hours/Offer_Hours', {
    ...hours,
    name: 'Offer_Hours',
    weekly: { ...hours.weekly, tue: { kind: 'intervals', intervals: [{ start: '10:00', end: '12:00' }] } },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  await queueLike(ctx, 'One_Slot_VQ', { slotCapacity: 1, capacityRule: null });
  await queueLike(ctx, 'Offer_VQ', { immediateOfferHours: 'Offer_Hours' });
  await queueLike(ctx, 'Blackout_VQ', { immediateBlackoutMinutes: 30, immediateEnabled: false });
});
afterAll(() => ctx?.started.stop());

const availability = (service: string, query: string) =>
  ctx.ges('GET', `/callbacks/availability/${service}?${query}`);
const openFor = (service: string, query = '') => ctx.ges('GET', `/callbacks/open-for/${service}?${query}`);
const utc = (iso: string) => Date.parse(iso);

describe('GES callbacks/availability', () => {
  it('answers { durationMin, timezone, slots } with utcTime, localTime, capacity and total', async () => {
    // Wednesday 4 March, 8:00-9:00 in Los Angeles: March gives 10 per 15-minute slot.
    const reply = await availability(
      'Sales_VQ',
      'start=2026-03-04T16:00:00.000Z&end=2026-03-04T17:00:00.000Z&timezone=America/Los_Angeles',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.status.message).toBe('Successful');
    expect(Object.keys(reply.body.data).sort()).toEqual(['durationMin', 'slots', 'timezone']);
    expect(reply.body.data).toMatchObject({ durationMin: 15, timezone: 'America/Los_Angeles' });
    expect(reply.body.data.slots).toEqual(
      ['08:00', '08:15', '08:30', '08:45'].map((hhmm, i) => ({
        utcTime: new Date(utc('2026-03-04T16:00:00Z') + i * 900_000).toISOString(),
        localTime: `2026-03-04T${hhmm}:00.000-08:00`,
        capacity: 10,
        total: 10,
      })),
    );
  });

  it('accepts startMS and endMS as epoch milliseconds, and shows local time in UTC by default', async () => {
    const start = utc('2026-03-04T20:00:00Z'); // 12:00 local: 15 per slot
    const reply = await availability('Sales_VQ', `startMS=${start}&endMS=${start + 1_800_000}`);
    expect(reply.body.data.timezone).toBe('UTC');
    expect(reply.body.data.slots).toEqual([
      {
        utcTime: '2026-03-04T20:00:00.000Z',
        localTime: expect.stringMatching(/^2026-03-04T20:00:00\.000(Z|\+00:00)$/),
        capacity: 15,
        total: 15,
      },
      {
        utcTime: '2026-03-04T20:15:00.000Z',
        localTime: expect.stringMatching(/^2026-03-04T20:15:00\.000(Z|\+00:00)$/),
        capacity: 15,
        total: 15,
      },
    ]);
  });

  it('covers numberOfDays days from start, the start day by default', async () => {
    const start = 'start=2026-03-04T16:00:00.000Z';
    const days = async (query: string) =>
      new Set(
        (await availability('Sales_VQ', `${start}${query}&timezone=America/Los_Angeles`)).body.data.slots.map(
          (s: { localTime: string }) => s.localTime.slice(0, 10),
        ),
      );
    expect([...(await days(''))]).toEqual(['2026-03-04']);
    expect([...(await days('&numberOfDays=2'))]).toEqual(['2026-03-04', '2026-03-05']);
    // Wednesday 8:00 to Monday 8:00 local (9:00 after the DST change): the weekend has no slots.
    expect([...(await days('&numberOfDays=5'))]).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
    ]);
  });

  it('reads start and end without an offset as local times in timezone, with one as instants', async () => {
    const local = await availability(
      'Sales_VQ',
      'start=2026-03-04T08:00:00&end=2026-03-04T09:00:00&timezone=America/Los_Angeles',
    );
    const instants = await availability(
      'Sales_VQ',
      'start=2026-03-04T16:00:00Z&end=2026-03-04T09:00:00-08:00&timezone=America/Los_Angeles',
    );
    const times = (reply: { body: any }) => reply.body.data.slots.map((s: { utcTime: string }) => s.utcTime);
    const expected = ['16:00', '16:15', '16:30', '16:45'].map((t) => `2026-03-04T${t}:00.000Z`);
    expect(times(local)).toEqual(expected);
    expect(times(instants)).toEqual(expected);
    // The same local text in another zone is another instant: 8:00 in New York is 13:00 UTC.
    const newYork = await availability(
      'Sales_VQ',
      'start=2026-03-04T11:00:00&end=2026-03-04T12:00:00&timezone=America/New_York',
    );
    expect(times(newYork)).toEqual(
      ['16:00', '16:15', '16:30', '16:45'].map((t) => `2026-03-04T${t}:00.000Z`),
    );
    await expectGesError(
      ctx,
      await availability('Sales_VQ', 'start=2026-03-04T25:00:00&timezone=America/Los_Angeles'),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('covers the rest of the start day in timezone when neither end nor numberOfDays is given', async () => {
    // 17:00 local on Wednesday: Sales_Hours close at 18:00, so 17:00 to 17:45, and nothing of Thursday.
    const reply = await availability('Sales_VQ', 'start=2026-03-04T17:00:00&timezone=America/Los_Angeles');
    expect(reply.body.data.slots.map((s: { localTime: string }) => s.localTime.slice(0, 16))).toEqual([
      '2026-03-04T17:00',
      '2026-03-04T17:15',
      '2026-03-04T17:30',
      '2026-03-04T17:45',
    ]);
    // In UTC the same instant's day ends at 16:00 local (midnight UTC): 01:00Z is past its end.
    const utcDay = await availability('Sales_VQ', 'start=2026-03-04T23:00:00Z');
    expect(utcDay.body.data.slots.map((s: { utcTime: string }) => s.utcTime)).toEqual([
      '2026-03-04T23:00:00.000Z',
      '2026-03-04T23:15:00.000Z',
      '2026-03-04T23:30:00.000Z',
      '2026-03-04T23:45:00.000Z',
    ]);
  });

  it('returns at most maxTimeSlots slots, nearest first', async () => {
    const reply = await availability(
      'Sales_VQ',
      'start=2026-03-04T16:00:00.000Z&numberOfDays=3&maxTimeSlots=3',
    );
    expect(reply.body.data.slots.map((s: { utcTime: string }) => s.utcTime)).toEqual([
      '2026-03-04T16:00:00.000Z',
      '2026-03-04T16:15:00.000Z',
      '2026-03-04T16:30:00.000Z',
    ]);
  });

  it('never offers slots before now, nor beyond the scheduling horizon', async () => {
    const past = await availability('Sales_VQ', 'start=2026-03-01T00:00:00.000Z&maxTimeSlots=1');
    expect(utc(past.body.data.slots[0].utcTime)).toBeGreaterThanOrEqual(utc('2026-03-03T17:00:00Z'));
    const beyond = await availability('Sales_VQ', 'start=2026-04-10T16:00:00.000Z&numberOfDays=5');
    expect(beyond.body.data.slots).toEqual([]);
  });

  it('shows a full slot only with reportBusy, with capacity 0', async () => {
    const ten = '2026-03-05T18:00:00.000Z';
    const created = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'One_Slot_VQ',
      phoneNumber: '+14155550301',
      desiredTime: ten,
    });
    expect(created.status).toBe(200);
    const query = `start=${ten}&end=2026-03-05T18:30:00.000Z`;
    const quiet = await availability('One_Slot_VQ', query);
    expect(quiet.body.data.slots.map((s: { utcTime: string }) => s.utcTime)).toEqual([
      '2026-03-05T18:15:00.000Z',
    ]);
    const busy = await availability('One_Slot_VQ', `${query}&reportBusy=true`);
    expect(busy.body.data.slots).toEqual([
      { utcTime: ten, localTime: expect.any(String), capacity: 0, total: 1 },
      { utcTime: '2026-03-05T18:15:00.000Z', localTime: expect.any(String), capacity: 1, total: 1 },
    ]);
  });

  it('answers 400 for each invalid query parameter and 404 for an unknown service', async () => {
    for (const query of [
      'timezone=Mars/Olympus',
      'start=yesterday',
      'startMS=soon',
      'endMS=1.5',
      'numberOfDays=0',
      'numberOfDays=91',
      'maxTimeSlots=0',
    ]) {
      const body = await expectGesError(ctx, await availability('Sales_VQ', query), 400, 'VALIDATION_FAILED');
      expect(body.status.message).toContain(query.split('=')[0]);
    }
    await expectGesError(ctx, await availability('Nope_VQ', ''), 404, 'SERVICE_NOT_FOUND');
  });
});

describe('GES callbacks/open-for', () => {
  it('answers the seconds until close, 0 when closed, and nothing it was not asked', async () => {
    const nine = await openFor('Sales_VQ', 'start=2026-03-03T17:00:00.000Z');
    expect(nine.body.data).toEqual({ openFor: 9 * 3600 }); // 9:00, closes 18:00
    const now = await openFor('Sales_VQ'); // the clock moved one second past 9:00 in beforeAll
    expect(now.body.data).toEqual({ openFor: 9 * 3600 - 1 });
    const late = await openFor('Sales_VQ', 'start=2026-03-04T01:30:00.000Z'); // 17:30 local
    expect(late.body.data.openFor).toBe(1800);
    // Without an offset, start is a local time in timezone.
    const localLate = await openFor('Sales_VQ', 'start=2026-03-03T17:30:00&timezone=America/Los_Angeles');
    expect(localLate.body.data.openFor).toBe(1800);
    const sunday = await openFor('Sales_VQ', 'start=2026-03-08T20:00:00.000Z');
    expect(sunday.body.data.openFor).toBe(0);
  });

  it('reports Immediate Offer Hours: -1 when none, 0 outside them, else seconds to their close', async () => {
    const nine = 'start=2026-03-03T17:00:00.000Z';
    const none = await openFor('Sales_VQ', `${nine}&queryImmediateOfferHours=true`);
    expect(none.body.data).toEqual({ openFor: 9 * 3600, immediateOfferHoursOpenFor: -1 });
    const outside = await openFor(
      'Offer_VQ',
      `${nine}&queryImmediateOfferHours=true&returnWithinImmediateOfferTime=true`,
    );
    expect(outside.body.data).toEqual({
      openFor: 9 * 3600,
      immediateOfferHoursOpenFor: 0,
      isWithinImmediateOfferTime: false,
    });
    const inside = await openFor(
      'Offer_VQ',
      'start=2026-03-03T19:00:00.000Z&queryImmediateOfferHours=true&returnWithinImmediateOfferTime=true',
    ); // 11:00 local, offer hours end at 12:00
    expect(inside.body.data).toMatchObject({
      immediateOfferHoursOpenFor: 3600,
      isWithinImmediateOfferTime: true,
    });
  });

  it('is outside the immediate offer time within the Immediate Blackout before close', async () => {
    const q = 'returnWithinImmediateOfferTime=true&checkImmediateEnabled=true';
    const before = await openFor('Blackout_VQ', `start=2026-03-04T01:00:00.000Z&${q}`); // 17:00
    expect(before.body.data).toEqual({
      openFor: 3600,
      isWithinImmediateOfferTime: true,
      isImmediateEnabled: false,
    });
    const during = await openFor('Blackout_VQ', `start=2026-03-04T01:45:00.000Z&${q}`); // 17:45
    expect(during.body.data).toMatchObject({ openFor: 900, isWithinImmediateOfferTime: false });
    const enabled = await openFor('Sales_VQ', 'checkImmediateEnabled=true');
    expect(enabled.body.data.isImmediateEnabled).toBe(true);
  });

  it('answers 400 for a bad start or time zone and 404 for an unknown service', async () => {
    await expectGesError(ctx, await openFor('Sales_VQ', 'start=noon'), 400, 'VALIDATION_FAILED');
    await expectGesError(ctx, await openFor('Sales_VQ', 'timezone=Nowhere/Land'), 400, 'VALIDATION_FAILED');
    await expectGesError(ctx, await openFor('Nope_VQ'), 404, 'SERVICE_NOT_FOUND');
  });
});

describe('GES queue-status and estimated-wait-time', () => {
  const ewt = (query: string) => ctx.ges('GET', `/estimated-wait-time?${query}`);

  it('answers ewt -1 with offerImmediateCallback true before any interaction', async () => {
    const reply = await ctx.ges('GET', '/callbacks/queue-status/Sales_VQ');
    expect(reply.body.data).toEqual({ ewt: -1, offerImmediateCallback: true, offerScheduledCallback: true });
    const estimate = await ewt('virtual-queues=Sales_VQ');
    expect(estimate.body.data).toEqual([
      { virtualQueue: 'Sales_VQ', estimatedWaitTime: -1, message: expect.any(String), resultCode: -1 },
    ]);
  });

  it('answers an EWT in seconds once agents have taken interactions, in every mode', async () => {
    for (const n of ['+14155550311', '+14155550312']) {
      const reply = await ctx.ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', phoneNumber: n });
      expect(reply.status).toBe(200);
    }
    await ctx.advance(10);
    await ctx.advance(300);
    const status = await ctx.ges('GET', '/callbacks/queue-status/Sales_VQ');
    expect(status.body.data.ewt).toBeGreaterThanOrEqual(0);
    expect(status.body.data.offerImmediateCallback).toBe(true);
    for (const mode of ['mode1', 'mode2', 'mode3']) {
      const [row] = (await ewt(`virtual-queues=Sales_VQ&mode=${mode}&include-calls-on-hold=true`)).body.data;
      expect(row).toMatchObject({ virtualQueue: 'Sales_VQ', resultCode: 0 });
      expect(row.estimatedWaitTime).toBeGreaterThanOrEqual(0);
    }
  });

  it('answers one entry per listed virtual queue, in order', async () => {
    const reply = await ewt('virtual-queues=Sales_VQ,%20Offer_VQ');
    expect(reply.body.data.map((r: { virtualQueue: string }) => r.virtualQueue)).toEqual([
      'Sales_VQ',
      'Offer_VQ',
    ]);
  });

  it('answers a queue without a CALLBACK_SETTINGS row from the contact center alone', async () => {
    const reply = await ewt('virtual-queues=Unknown_VQ');
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual([
      {
        virtualQueue: 'Unknown_VQ',
        estimatedWaitTime: expect.any(Number),
        message: expect.any(String),
        resultCode: expect.any(Number),
      },
    ]);
  });

  it('follows Scheduled Enabled in offerScheduledCallback', async () => {
    await queueLike(ctx, 'No_Schedule_VQ', { scheduledEnabled: false });
    const reply = await ctx.ges('GET', '/callbacks/queue-status/No_Schedule_VQ');
    expect(reply.body.data.offerScheduledCallback).toBe(false);
  });

  it('answers ewt -1 with offerImmediateCallback false, and resultCode -2, when no agent is logged in', async () => {
    // No seeded agent has Spanish above 8, so no agent able to serve this queue is logged in.
    await queueLike(ctx, 'Nobody_VQ', { skillExpression: 'Spanish>8' });
    await ctx.advance(1);
    const status = await ctx.ges('GET', '/callbacks/queue-status/Nobody_VQ');
    expect(status.body.data).toMatchObject({ ewt: -1, offerImmediateCallback: false });
    const [row] = (await ewt('virtual-queues=Nobody_VQ')).body.data;
    expect(row).toMatchObject({ virtualQueue: 'Nobody_VQ', estimatedWaitTime: -2, resultCode: -2 });
  });

  it('answers 400 without virtual-queues or with an unknown mode, 404 for an unknown queue status', async () => {
    await expectGesError(ctx, await ewt(''), 400, 'VALIDATION_FAILED');
    await expectGesError(ctx, await ewt('virtual-queues=%20,'), 400, 'VALIDATION_FAILED');
    await expectGesError(ctx, await ewt('virtual-queues=Sales_VQ&mode=mode9'), 400, 'VALIDATION_FAILED');
    await expectGesError(
      ctx,
      await ctx.ges('GET', '/callbacks/queue-status/Nope_VQ'),
      404,
      'SERVICE_NOT_FOUND',
    );
  });
});
