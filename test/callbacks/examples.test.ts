/**
 * The seed's worked examples as behaviours of the running product, through the HTTP APIs. The
 * scheduling arithmetic itself is unit-tested in runtime/scheduling; here it is seen end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

interface SlotView {
  utcTime: string;
  localTime: string;
  capacity: number;
  total: number;
}

const slots = async (service: string, query: string): Promise<SlotView[]> => {
  const reply = await ctx.ges(
    'GET',
    `/callbacks/availability/${service}?timezone=America/Los_Angeles&${query}`,
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.slots;
};
const hhmm = (s: SlotView) => s.localTime.slice(11, 16);
const texts = (call: { prompts: { text: string }[] }) => call.prompts.map((p) => p.text);

describe('seed: the "March" capacity rule', () => {
  it('gives 10 per 15-minute slot 8-12, 15 from 12-14 and 10 from 14-18, overriding Slot Capacity 5', async () => {
    // Wednesday 4 March 2026, Los Angeles (UTC-8).
    const day = await slots('Sales_VQ', 'start=2026-03-04T08:00:00.000Z&end=2026-03-05T08:00:00.000Z');
    expect(day).toHaveLength(40);
    expect(hhmm(day[0]!)).toBe('08:00');
    expect(hhmm(day.at(-1)!)).toBe('17:45');
    for (const slot of day) {
      const hour = Number(hhmm(slot).slice(0, 2));
      const expected = hour >= 12 && hour < 14 ? 15 : 10;
      expect(slot, hhmm(slot)).toMatchObject({ total: expected, capacity: expected });
    }
  });

  it('falls back to the queue Slot Capacity once the rule is unassigned, and back at once when reassigned', async () => {
    await queueLike(ctx, 'March_VQ');
    const noon = 'start=2026-03-04T20:00:00.000Z&maxTimeSlots=1';
    expect((await slots('March_VQ', noon))[0]?.total).toBe(15);
    await ctx.api.put('/api/v1/queues/March_VQ/rules', { capacityRule: null });
    expect((await slots('March_VQ', noon))[0]?.total).toBe(5);
    await ctx.api.put('/api/v1/queues/March_VQ/rules', { capacityRule: 'March' });
    expect((await slots('March_VQ', noon))[0]?.total).toBe(15);
  });
});

describe('seed: office opening at 7:50 with 15-minute slots', () => {
  it('makes 8:00 the first bookable slot', async () => {
    const hours = (await ctx.api.get('/api/v1/business-hours/Sales_Hours')).body;
    const weekday = { kind: 'intervals', intervals: [{ start: '07:50', end: '18:00' }] };
    const put = await ctx.api.put('/api/v1/business-hours/Early_Hours', {
      ...hours,
      name: 'Early_Hours',
      weekly: { ...hours.weekly, wed: weekday },
    });
    expect(put.status).toBeLessThan(300);
    await queueLike(ctx, 'Early_VQ', { businessHours: 'Early_Hours', capacityRule: null });
    const morning = await slots('Early_VQ', 'start=2026-03-04T15:00:00.000Z&end=2026-03-04T17:00:00.000Z');
    expect(morning.map(hhmm).slice(0, 2)).toEqual(['08:00', '08:15']);
    const checked = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Early_VQ',
      phoneNumber: '+14155550701',
      desiredTime: '2026-03-04T15:50:00.000Z', // 7:50 local: in the 7:45 slot, which is not bookable
      alwaysCheckCapacity: true,
    });
    expect(checked.status).toBe(429);
    expect(Object.keys(checked.body.data.slots)[0]).toBe('2026-03-04T16:00:00.000Z');
  });
});

describe('seed: switching a capacity rule between 30- and 60-minute timeslots', () => {
  it('keeps top-of-hour values going to 60 and copies them to the half hour going to 30', async () => {
    const rule = { name: 'Half', duration: 30, days: { wed: { '08:00': 4, '08:30': 6, '09:00': 2 } } };
    expect((await ctx.api.put('/api/v1/capacity-rules/Half', rule)).status).toBe(201);
    await queueLike(ctx, 'Half_VQ', { capacityRule: 'Half' });
    const halfPast = 'start=2026-03-04T16:30:00.000Z&maxTimeSlots=1';
    expect((await slots('Half_VQ', halfPast))[0]).toMatchObject({ total: 6 });

    const hourly = await ctx.api.post('/api/v1/capacity-rules/Half/timeslot-length?duration=60');
    expect(hourly.status).toBe(200);
    expect(hourly.body).toEqual({ name: 'Half', duration: 60, days: { wed: { '08:00': 4, '09:00': 2 } } });
    expect((await ctx.api.get('/api/v1/capacity-rules/Half')).body.rule).toEqual(hourly.body);
    // An assigned rule's edit applies to the queue at once: 8:30 now reads the 8:00 hour.
    expect((await slots('Half_VQ', halfPast))[0]).toMatchObject({ total: 4 });

    const halfHourly = await ctx.api.post('/api/v1/capacity-rules/Half/timeslot-length?duration=30');
    expect(halfHourly.body.days).toEqual({ wed: { '08:00': 4, '08:30': 4, '09:00': 2, '09:30': 2 } });
    expect((await ctx.api.post('/api/v1/capacity-rules/Half/timeslot-length?duration=45')).status).toBe(400);
    expect((await ctx.api.post('/api/v1/capacity-rules/Nope/timeslot-length?duration=60')).status).toBe(404);
  });

  it('refuses a half-hour key in an hourly rule, listing the field', async () => {
    const reply = await ctx.api.put('/api/v1/capacity-rules/Bad', {
      name: 'Bad',
      duration: 60,
      days: { mon: { '08:30': 1 } },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/days/mon/08:30' })]);
  });
});

describe('seed: testing a number against a country and number validation rule', () => {
  it('reports a country failure without checking the patterns, then patterns, then passes', async () => {
    const rule = {
      name: 'US_Only',
      permittedCountries: ['US'],
      blockedPatterns: ['^\\+44[0-9]+$', '^\\+1234[0-9]+$'],
    };
    expect((await ctx.api.put('/api/v1/number-validation-rules/US_Only', rule)).status).toBe(201);
    const test = async (number: string) =>
      (await ctx.api.post('/api/v1/number-validation-rules/US_Only/test', { number })).body;
    // Matches a blocked pattern too, but the country is reported.
    expect(await test('+442079460000')).toMatchObject({ valid: false, reason: 'COUNTRY_NOT_PERMITTED' });
    expect(await test('+16135550100')).toMatchObject({ valid: false, reason: 'COUNTRY_NOT_PERMITTED' }); // Canada
    expect(await test('+12345550100')).toMatchObject({ valid: false, reason: 'NUMBER_BLOCKED' });
    expect(await test('not a number')).toMatchObject({ valid: false, reason: 'INVALID_PHONE_NUMBER' });
    expect(await test('+1 415 555 2671')).toEqual({
      number: '+1 415 555 2671',
      valid: true,
      e164: '+14155552671',
    });
    const unknown = await ctx.api.post('/api/v1/number-validation-rules/Nope/test', {
      number: '+14155552671',
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses a blocked pattern prone to catastrophic backtracking', async () => {
    const reply = await ctx.api.put('/api/v1/number-validation-rules/Slow', {
      name: 'Slow',
      permittedCountries: ['US'],
      blockedPatterns: ['^(\\d+)+$'],
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body.errors)).toContain('/blockedPatterns/0');
  });
});

describe('seed: a rule assigned to a queue cannot be deleted', () => {
  it('answers 409 IN_USE naming the queues, and deletes once unassigned', async () => {
    await ctx.api.put('/api/v1/number-validation-rules/Shared', {
      name: 'Shared',
      permittedCountries: ['US'],
      blockedPatterns: [],
    });
    await queueLike(ctx, 'Use_A_VQ', { numberValidationRule: 'Shared' });
    await queueLike(ctx, 'Use_B_VQ', { numberValidationRule: 'Shared' });
    const refused = await ctx.api.delete('/api/v1/number-validation-rules/Shared');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'IN_USE', queues: ['Use_A_VQ', 'Use_B_VQ'] });
    const listed = (await ctx.api.get('/api/v1/number-validation-rules')).body.items;
    expect(listed.find((r: { rule: { name: string } }) => r.rule.name === 'Shared')?.queues).toEqual([
      'Use_A_VQ',
      'Use_B_VQ',
    ]);
    await ctx.api.put('/api/v1/queues/Use_A_VQ/rules', { numberValidationRule: null });
    expect((await ctx.api.delete('/api/v1/number-validation-rules/Shared')).status).toBe(409);
    await ctx.api.put('/api/v1/queues/Use_B_VQ/rules', { numberValidationRule: null });
    expect((await ctx.api.delete('/api/v1/number-validation-rules/Shared')).status).toBe(204);
    expect((await ctx.api.get('/api/v1/number-validation-rules/Shared')).status).toBe(404);
  });
});

describe('seed scenario: the Sales IVR at DNIS +18005550199', () => {
  let connected: { id: string; agentId: string };
  // Scheduled first: once an agent has served a callback the EWT is known and, being under the
  // 60-second threshold, no longer earns an offer.
  it('books a scheduled callback at the slot after the one nearest the time the caller keyed in', async () => {
    const start = await ctx.api.post('/api/v1/test-calls', { dnis: '+18005550199', ani: '+14155550711' });
    const id = start.body.id;
    await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '2' });
    const day = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    expect(texts(day.body).at(-1)).toContain('Which day should we call you?');
    const time = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1#' });
    expect(texts(time.body).at(-1)).toContain('24-hour clock');
    // Tomorrow (Wednesday 4 March) at 10:00 in Los Angeles.
    const proposed = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1000#' });
    expect(proposed.body.variables.SlotTime).toBe('Wednesday, March 4 at 10:00 AM');
    expect(texts(proposed.body).at(-1)).toBe(
      'The nearest available time is Wednesday, March 4 at 10:00 AM. Press 1 to accept, 2 for the next time.',
    );
    const next = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '2' });
    expect(next.body.variables.SlotTime).toBe('Wednesday, March 4 at 10:15 AM');
    const booked = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    expect(booked.body.state).toBe('ended');
    const record = (await ctx.ges('POST', '/callbacks/retrieve', { id: booked.body.variables.callbackId }))
      .body.data;
    expect(record).toMatchObject({ callbackState: 'SCHEDULED', phoneNumber: '+14155550711' });
    expect(Date.parse(record.desiredTime)).toBe(Date.parse('2026-03-04T18:15:00Z'));
  });
  it('books an immediate callback by DTMF that reaches a Sales agent on the simulator', async () => {
    const start = await ctx.api.post('/api/v1/test-calls', { dnis: '+18005550199', ani: '+14155550710' });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    expect(start.body).toMatchObject({
      applicationId: 'sales-ivr',
      state: 'waitingInput',
      currentBlockId: 'offer',
    });
    expect(texts(start.body).join(' ')).toContain('Press 1 for a callback');
    const id = start.body.id;
    const confirm = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    expect(texts(confirm.body).at(-1)).toContain('calling from');
    const booked = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    expect(booked.body.state).toBe('ended');
    expect(texts(booked.body)).toContain('Thank you. Your callback is booked. Goodbye.');
    const trace = booked.body.trace.map(
      (t: { blockId: string; outcome: string | null }) => `${t.blockId}:${t.outcome}`,
    );
    expect(trace).toContain('offer:immediateBooked');
    const callbackId = booked.body.variables.callbackId as string;
    expect(callbackId).toMatch(/^[0-9a-f-]{36}$/);

    const queued = (await ctx.ges('POST', '/callbacks/retrieve', { id: callbackId })).body.data;
    expect(queued).toMatchObject({
      callbackState: 'QUEUED',
      phoneNumber: '+14155550710',
      serviceName: 'Sales_VQ',
    });
    await ctx.advance(1);
    await ctx.advance(5);
    // PROCESSING for the agent's whole conversation (240 s for the seeded agents).
    const talking = (await ctx.api.get(`/api/v1/callbacks/${callbackId}`)).body;
    expect(talking).toMatchObject({
      callbackState: 'PROCESSING',
      agentId: expect.stringMatching(/^(alice|bob|carol)$/),
    });
    expect(talking.audit[0]).toMatchObject({
      to: 'QUEUED',
      reason: 'BOOKED',
      actor: expect.stringMatching(/^ivr:/),
    });
    connected = { id: callbackId, agentId: talking.agentId };
  });

  it('routes the caller without an offer once the known EWT is under the 60-second threshold', async () => {
    const start = await ctx.api.post('/api/v1/test-calls', { dnis: '+18005550199', ani: '+14155550712' });
    const trace = start.body.trace.map(
      (t: { blockId: string; outcome: string | null }) => `${t.blockId}:${t.outcome}`,
    );
    expect(trace).toContain('offer:notOffered');
    expect(start.body.trace.map((t: { blockId: string }) => t.blockId)).toContain('route');
  });

  it('completes the callback when its agent conversation ends', async () => {
    await ctx.advance(240);
    const done = (await ctx.ges('POST', '/callbacks/retrieve', { id: connected.id })).body.data;
    expect(done).toMatchObject({ callbackState: 'COMPLETED', callbackReason: 'AGENT_CONNECTED' });
    const admin = (await ctx.api.get(`/api/v1/callbacks/${connected.id}`)).body;
    expect(admin.agentId).toBe(connected.agentId);
  });
});
