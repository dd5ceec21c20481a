import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSales } from './support.ts';

let ctx: Awaited<ReturnType<typeof startSales>>;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const at = (iso: string) => new Date(iso).toISOString();

describe('booking callbacks', () => {
  it('seeds the Sales_VQ row with its rules assigned', async () => {
    const row = await ctx.api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ');
    expect(row.status).toBe(200);
    expect(row.body).toMatchObject({
      virtualQueue: 'Sales_VQ',
      slotDurationMinutes: 15,
      capacityRule: 'March',
      numberValidationRule: 'North_America',
      maxDialAttempts: 3,
    });
  });

  it('refuses a settings row whose references do not exist, listing every field', async () => {
    const reply = await ctx.api.put('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Bad_VQ', {
      virtualQueue: 'Bad_VQ',
      callbackApplication: 'sales-ivr',
      businessHours: 'Nowhere',
      skillExpression: 'Sales>>',
      routingPoint: 'RP',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('VALIDATION_FAILED');
    expect(reply.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/businessHours',
      '/callbackApplication',
      '/skillExpression',
    ]);
  });

  it('requires a routing point for USERTERMINATED', async () => {
    const reply = await ctx.api.put('/api/v1/data-tables/CALLBACK_SETTINGS/rows/X_VQ', {
      virtualQueue: 'X_VQ',
      callbackApplication: 'sales-callback',
      businessHours: 'Sales_Hours',
      skillExpression: 'Sales>0',
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body.errors)).toContain('routingPoint');
  });

  it('refuses to delete a rule assigned to a queue', async () => {
    const reply = await ctx.api.delete('/api/v1/capacity-rules/March');
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: 'IN_USE', queues: ['Sales_VQ'] });
  });

  it('tests a number against a rule, reporting a country failure before patterns', async () => {
    const uk = await ctx.api.post('/api/v1/number-validation-rules/North_America/test', {
      number: '+442079460000',
    });
    expect(uk.body).toMatchObject({ valid: false, reason: 'COUNTRY_NOT_PERMITTED' });
    const blocked = await ctx.api.post('/api/v1/number-validation-rules/North_America/test', {
      number: '+19005550100',
    });
    expect(blocked.body.valid).toBe(false);
    const ok = await ctx.api.post('/api/v1/number-validation-rules/North_America/test', {
      number: '+14155552671',
    });
    expect(ok.body).toMatchObject({ valid: true, e164: '+14155552671' });
  });

  it('books a scheduled callback into its slot and shows it in availability', async () => {
    const desired = at('2026-03-03T21:00:00Z'); // 13:00 local: March gives 15 per 15-minute slot
    const created = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155552671',
      desiredTime: desired,
    });
    expect(created.status).toBe(200);
    expect(created.body.status).toMatchObject({ code: 200, message: 'Successful' });
    const availability = await ctx.ges(
      'GET',
      '/callbacks/availability/Sales_VQ?start=2026-03-03T21:00:00Z&end=2026-03-03T21:30:00Z&timezone=America/Los_Angeles&reportBusy=true',
    );
    expect(availability.body.data.durationMin).toBe(15);
    expect(availability.body.data.slots[0]).toMatchObject({
      utcTime: '2026-03-03T21:00:00.000Z',
      localTime: '2026-03-03T13:00:00.000-08:00',
      capacity: 14,
      total: 15,
    });
  });

  it('refuses a full slot with 429 and proposed slots when alwaysCheckCapacity is set', async () => {
    // 07:00 local: closed, so capacity 0.
    const reply = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155552672',
      desiredTime: '2026-03-04T15:00:00.000Z',
      alwaysCheckCapacity: true,
    });
    expect(reply.status).toBe(429);
    expect(reply.body.data.code).toBe('SLOT_UNAVAILABLE');
    expect(Object.keys(reply.body.data.slots)[0]).toBe('2026-03-04T16:00:00.000Z');
    expect(reply.body.data.proposedSlots[0].startMs).toBe(Date.parse('2026-03-04T16:00:00Z'));
  });

  it('throttles waiting callbacks per number', async () => {
    const body = { serviceName: 'Sales_VQ', phoneNumber: '+14155552673' };
    expect((await ctx.ges('POST', '/callbacks/create', body)).status).toBe(200);
    expect((await ctx.ges('POST', '/callbacks/create', body)).status).toBe(200);
    const third = await ctx.ges('POST', '/callbacks/create', body);
    expect(third.status).toBe(400);
    expect(third.body.data.code).toBe('TOO_MANY_QUEUED_FOR_NUMBER');
  });

  it('lets exactly the capacity of concurrent bookings into one slot', async () => {
    const assign = await ctx.api.put('/api/v1/queues/Sales_VQ/rules', { capacityRule: null });
    expect(assign.body.capacityRule).toBeNull();
    const desired = '2026-03-05T18:00:00.000Z'; // Thursday 10:00 local, Slot Capacity 5
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        ctx.ges('POST', '/callbacks/create', {
          serviceName: 'Sales_VQ',
          phoneNumber: `+1415555${String(3000 + i).padStart(4, '0')}`,
          desiredTime: desired,
          alwaysCheckCapacity: true,
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(195);
    await ctx.api.put('/api/v1/queues/Sales_VQ/rules', { capacityRule: 'March' });
  });
});
