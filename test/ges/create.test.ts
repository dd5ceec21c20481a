import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbacks } from '../../runtime/db/schema.ts';
import { book, expectGesError, forceState, now, queueLike, type Sales, startSales, uuid } from './support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const create = (body: Record<string, unknown>) =>
  ctx.ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', ...body });
const retrieve = (id: string) => ctx.ges('POST', '/callbacks/retrieve', { id });

describe('GES callbacks/create', () => {
  it('books an immediate callback without desiredTime and answers { id } in the envelope', async () => {
    const reply = await create({ phoneNumber: '+14155550201', cbOfferType: 'ASAP', channel: 'WEB' });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toEqual({
      code: 200,
      message: 'Successful',
      corrId: expect.stringMatching(uuid),
    });
    expect(Object.keys(reply.body.data)).toEqual(['id']);
    const record = (await retrieve(reply.body.data.id)).body.data;
    expect(record).toMatchObject({
      id: reply.body.data.id,
      callbackState: 'QUEUED',
      phoneNumber: '+14155550201',
    });
  });

  it('books a scheduled callback at the desired time as asked', async () => {
    const desiredTime = '2026-03-04T18:30:00.000Z';
    const id = await book(ctx, { phoneNumber: '+14155550202', desiredTime });
    const record = (await retrieve(id)).body.data;
    expect(record).toMatchObject({ callbackState: 'SCHEDULED', desiredTime });
  });

  it('books a scheduled time when the office is closed unless alwaysCheckCapacity is set', async () => {
    const sunday = '2026-03-08T20:00:00.000Z';
    const id = await book(ctx, { phoneNumber: '+14155550203', desiredTime: sunday });
    expect((await retrieve(id)).body.data).toMatchObject({ callbackState: 'SCHEDULED', desiredTime: sunday });
    const checked = await create({
      phoneNumber: '+14155550204',
      desiredTime: sunday,
      alwaysCheckCapacity: true,
    });
    const body = await expectGesError(ctx, checked, 429, 'SLOT_UNAVAILABLE');
    expect(Object.keys(body.data.slots).length).toBeGreaterThan(0);
    // Monday 9 March, 8:00 in Los Angeles (PDT from 8 March): the first open slot after Sunday.
    expect(Object.keys(body.data.slots)[0]).toBe('2026-03-09T15:00:00.000Z');
    expect(body.data.proposedSlots[0].startMs).toBe(Date.parse('2026-03-09T15:00:00Z'));
  });

  it('refuses a full slot with 429 and the nearest free slots when alwaysCheckCapacity is set', async () => {
    await queueLike(ctx, 'One_Slot_VQ', { slotCapacity: 1, capacityRule: null });
    const ten = '2026-03-04T18:00:00.000Z'; // Wednesday 10:00 local
    const first = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'One_Slot_VQ',
      phoneNumber: '+14155550205',
      desiredTime: ten,
      alwaysCheckCapacity: true,
    });
    expect(first.status).toBe(200);
    const full = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'One_Slot_VQ',
      phoneNumber: '+14155550206',
      desiredTime: ten,
      alwaysCheckCapacity: true,
    });
    const body = await expectGesError(ctx, full, 429, 'SLOT_UNAVAILABLE');
    // GES clients read data.slots as a map of UTC slot start to remaining capacity.
    const slots = body.data.slots as Record<string, number>;
    expect(Object.entries(slots)[0]).toEqual(['2026-03-04T18:15:00.000Z', 1]);
    for (const [utc, capacity] of Object.entries(slots)) {
      expect(utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(typeof capacity).toBe('number');
    }
    expect(Object.keys(slots).length).toBeLessThanOrEqual(5);
    expect(body.data.proposedSlots[0]).toMatchObject({
      utcTime: '2026-03-04T18:15:00.000Z',
      localTime: '2026-03-04T10:15:00.000-08:00',
      capacity: 1,
      total: 1,
    });
    // Without the flag the same full slot takes the booking as asked.
    const asked = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'One_Slot_VQ',
      phoneNumber: '+14155550207',
      desiredTime: ten,
    });
    expect(asked.status).toBe(200);
  });

  it('books an immediate callback even where Immediate Enabled is off (the API skips offer gates)', async () => {
    await queueLike(ctx, 'Gated_VQ', { immediateEnabled: false, scheduledEnabled: false });
    const reply = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Gated_VQ',
      phoneNumber: '+14155550240',
    });
    expect(reply.status).toBe(200);
  });

  it('stores the number in E.164 form', async () => {
    const id = await book(ctx, { phoneNumber: '+1 (415) 555-0241' });
    expect((await retrieve(id)).body.data.phoneNumber).toBe('+14155550241');
  });

  it('lists every missing or invalid field in a 400', async () => {
    const reply = await ctx.ges('POST', '/callbacks/create', {
      desiredTime: 'tomorrow',
      cbOfferType: 'x'.repeat(1025),
      unknown: 1,
    });
    const body = await expectGesError(ctx, reply, 400, 'VALIDATION_FAILED');
    const errors = JSON.stringify(body.data.errors);
    for (const field of ['serviceName', 'phoneNumber', 'desiredTime', 'cbOfferType', 'unknown'])
      expect(errors).toContain(field);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const reply = await ctx.ges('POST', '/callbacks/create', '{"serviceName":');
    await expectGesError(ctx, reply, 400, 'MALFORMED_JSON');
  });

  it('answers 404 for an unknown service', async () => {
    const reply = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Nope_VQ',
      phoneNumber: '+14155550208',
    });
    await expectGesError(ctx, reply, 404, 'SERVICE_NOT_FOUND');
  });

  it('refuses a desired time in the past or beyond the scheduling horizon', async () => {
    const at = await now(ctx);
    const past = await create({
      phoneNumber: '+14155550209',
      desiredTime: new Date(at - 3600_000).toISOString(),
    });
    await expectGesError(ctx, past, 400, 'DESIRED_TIME_OUT_OF_RANGE');
    const far = await create({
      phoneNumber: '+14155550209',
      desiredTime: new Date(at + 31 * 86_400_000).toISOString(),
    });
    await expectGesError(ctx, far, 400, 'DESIRED_TIME_OUT_OF_RANGE');
  });

  it('applies the queue number-validation rule with its reason', async () => {
    await expectGesError(ctx, await create({ phoneNumber: '+442079460000' }), 400, 'COUNTRY_NOT_PERMITTED');
    await expectGesError(ctx, await create({ phoneNumber: '+19005550100' }), 400, 'NUMBER_BLOCKED');
    await expectGesError(ctx, await create({ phoneNumber: 'call me' }), 400, 'INVALID_PHONE_NUMBER');
  });

  it('refuses a new callback when the number already has Max Queued Per Number waiting', async () => {
    await queueLike(ctx, 'Per_Number_VQ', { maxQueuedPerNumber: 1 });
    const body = { serviceName: 'Per_Number_VQ', phoneNumber: '+14155550210' };
    expect((await ctx.ges('POST', '/callbacks/create', body)).status).toBe(200);
    const second = await ctx.ges('POST', '/callbacks/create', {
      ...body,
      desiredTime: '2026-03-04T19:00:00.000Z',
    });
    const refused = await expectGesError(ctx, second, 400, 'TOO_MANY_QUEUED_FOR_NUMBER');
    expect(refused.status.message).toContain('+14155550210');
    // Another number is not affected.
    expect(
      (await ctx.ges('POST', '/callbacks/create', { ...body, phoneNumber: '+14155550211' })).status,
    ).toBe(200);
  });

  it('refuses immediate callbacks past Max Immediate Per Number Per Day, even after cancelling', async () => {
    await queueLike(ctx, 'Per_Day_VQ', { maxQueuedPerNumber: 10, maxImmediatePerNumberPerDay: 2 });
    const body = { serviceName: 'Per_Day_VQ', phoneNumber: '+14155550212' };
    for (let i = 0; i < 2; i++) {
      const id = (await ctx.ges('POST', '/callbacks/create', body)).body.data.id;
      expect((await ctx.ges('POST', '/callbacks/cancel', { id })).status).toBe(200);
    }
    await expectGesError(
      ctx,
      await ctx.ges('POST', '/callbacks/create', body),
      400,
      'TOO_MANY_IMMEDIATE_FOR_NUMBER',
    );
    // A scheduled callback is not an immediate one.
    const scheduled = await ctx.ges('POST', '/callbacks/create', {
      ...body,
      desiredTime: '2026-03-04T19:00:00.000Z',
    });
    expect(scheduled.status).toBe(200);
  });

  it('refuses an immediate callback when the queue holds Max Queued Callbacks', async () => {
    await queueLike(ctx, 'Small_VQ', { maxQueuedCallbacks: 2 });
    for (const n of ['+14155550213', '+14155550214'])
      expect(
        (await ctx.ges('POST', '/callbacks/create', { serviceName: 'Small_VQ', phoneNumber: n })).status,
      ).toBe(200);
    const third = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Small_VQ',
      phoneNumber: '+14155550215',
    });
    await expectGesError(ctx, third, 400, 'QUEUE_FULL');
  });

  it('keeps only user-data keys that are JavaScript identifiers', async () => {
    const id = await book(ctx, {
      phoneNumber: '+14155550216',
      userData: { orderId: 'A-1', $tag: 2, _x9: true, 'bad-key': 1, '9lives': 1, 'two words': 1 },
    });
    const record = (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;
    expect(record.userData).toEqual({ orderId: 'A-1', $tag: 2, _x9: true });
  });

  it('overrides only the initial priority with priority', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550217', priority: 42 });
    expect((await retrieve(id)).body.data.priority).toBe(42);
  });

  it('requires pushTargets for a USERORIGINATED service', async () => {
    await queueLike(ctx, 'Call_In_VQ', { callDirection: 'USERORIGINATED' });
    const reply = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Call_In_VQ',
      phoneNumber: '+14155550218',
    });
    const body = await expectGesError(ctx, reply, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body.data.errors)).toContain('/pushTargets');
    const ok = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Call_In_VQ',
      phoneNumber: '+14155550218',
      pushTargets: [{ channel: 'FCM', target: 'registration-token' }],
    });
    expect(ok.status).toBe(200);
  });
});

describe('GES client defaults (issue 8)', () => {
  it('never refuses a booking for its reporting-only fields, storing them as sent and normalised', async () => {
    const sentence =
      'Callback offered to the customer because the estimated wait time exceeded the threshold';
    const sent = {
      cbOfferType: sentence,
      offerTiming: 'on hours',
      channel: 'web',
      language: 'en-US',
      surveyRP: 'Survey route point for the post-call survey, version 2',
      inboundVQ: 'Inbound queue of the web site (chat)',
      cbOriginationIxnId: 'ixn:'.padEnd(1024, '0'),
      routePoint: '7001@SIP_Switch / overflow',
    };
    const id = await book(ctx, { phoneNumber: '+14155550230', ...sent });
    const [row] = await ctx.started.runtime.db.select().from(callbacks).where(eq(callbacks.id, id));
    expect(row!.details).toMatchObject({
      ...sent,
      normalised: { offerTiming: 'ON-HOURS', channel: 'WEB', language: 'en-US' },
    });
    expect((row!.details.normalised as Record<string, string>).cbOfferType).toBeUndefined();
    const known = await book(ctx, {
      phoneNumber: '+14155550231',
      cbOfferType: 'combined_scheduled_and_asap',
    });
    const [other] = await ctx.started.runtime.db.select().from(callbacks).where(eq(callbacks.id, known));
    expect(other!.details).toMatchObject({
      cbOfferType: 'combined_scheduled_and_asap',
      normalised: { cbOfferType: 'COMBINED_SCHEDULED_AND_ASAP', channel: 'API', language: 'en-US' },
    });
  });

  it('accepts pushChannel with pushTarget as one push target, and refuses half of the pair', async () => {
    await queueLike(ctx, 'Push_Pair_VQ', { callDirection: 'USERORIGINATED' });
    const id = await book(ctx, {
      serviceName: 'Push_Pair_VQ',
      phoneNumber: '+14155550232',
      pushChannel: 'fcm',
      pushTarget: 'registration-token-1',
    });
    const [row] = await ctx.started.runtime.db.select().from(callbacks).where(eq(callbacks.id, id));
    expect(row!.details.pushTargets).toEqual([{ channel: 'FCM', target: 'registration-token-1' }]);
    const half = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Push_Pair_VQ',
      phoneNumber: '+14155550233',
      pushChannel: 'FCM',
    });
    const body = await expectGesError(ctx, half, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body.data.errors)).toContain('pushTarget');
  });
});

describe('GES callbacks/retrieve', () => {
  it('shows position and EWT only while QUEUED, ROUTING or PROCESSING', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550220' });
    const queued = (await retrieve(id)).body.data;
    expect(queued).toMatchObject({ id, callbackState: 'QUEUED', phoneNumber: '+14155550220' });
    expect(queued.positionInQueue).toBeGreaterThanOrEqual(1);
    expect(typeof queued.estimatedWaitTime).toBe('number');
    expect(queued).not.toHaveProperty('callbackReason');
    expect(queued.desiredTime).toEqual(expect.any(String));
    await forceState(ctx, id, 'PROCESSING');
    const processing = (await retrieve(id)).body.data;
    expect(processing).toHaveProperty('positionInQueue');
    expect(processing).toHaveProperty('estimatedWaitTime');
    expect(processing).not.toHaveProperty('callbackReason');
  });

  it('shows no position, EWT or reason while SCHEDULED, and the reason once COMPLETED', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550221', desiredTime: '2026-03-05T18:00:00.000Z' });
    const scheduled = (await retrieve(id)).body.data;
    expect(scheduled.callbackState).toBe('SCHEDULED');
    for (const field of ['positionInQueue', 'estimatedWaitTime', 'callbackReason'])
      expect(scheduled).not.toHaveProperty(field);
    await ctx.ges('POST', '/callbacks/cancel', { id });
    const completed = (await retrieve(id)).body.data;
    expect(completed).toMatchObject({ callbackState: 'COMPLETED', callbackReason: 'CANCELLED' });
    expect(completed).not.toHaveProperty('positionInQueue');
  });

  it('answers 404 for an unknown id and 400 without one', async () => {
    await expectGesError(ctx, await retrieve('00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    await expectGesError(ctx, await retrieve('not-a-uuid'), 404, 'NOT_FOUND');
    await expectGesError(ctx, await ctx.ges('POST', '/callbacks/retrieve', {}), 400, 'VALIDATION_FAILED');
  });
});

describe('GES callbacks/cancel', () => {
  it('cancels a SCHEDULED or QUEUED callback and answers { id }', async () => {
    for (const body of [
      { phoneNumber: '+14155550230' },
      { phoneNumber: '+14155550231', desiredTime: '2026-03-05T19:00:00.000Z' },
    ]) {
      const id = await book(ctx, body);
      const reply = await ctx.ges('POST', '/callbacks/cancel', { id });
      expect(reply.body).toEqual({
        status: { code: 200, message: 'Successful', corrId: expect.stringMatching(uuid) },
        data: { id },
      });
      expect((await retrieve(id)).body.data.callbackState).toBe('COMPLETED');
    }
  });

  it('cancels a ROUTING callback', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550234' });
    await forceState(ctx, id, 'ROUTING');
    expect((await ctx.ges('POST', '/callbacks/cancel', { id })).status).toBe(200);
    expect((await retrieve(id)).body.data).toMatchObject({
      callbackState: 'COMPLETED',
      callbackReason: 'CANCELLED',
    });
  });

  it('refuses to cancel a PROCESSING callback with 400 and leaves it processing', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550232' });
    await forceState(ctx, id, 'PROCESSING');
    await expectGesError(
      ctx,
      await ctx.ges('POST', '/callbacks/cancel', { id }),
      400,
      'CALLBACK_NOT_CANCELLABLE',
    );
    expect((await retrieve(id)).body.data.callbackState).toBe('PROCESSING');
  });

  it('refuses to cancel a COMPLETED callback with 400', async () => {
    const id = await book(ctx, { phoneNumber: '+14155550233' });
    await ctx.ges('POST', '/callbacks/cancel', { id });
    await expectGesError(
      ctx,
      await ctx.ges('POST', '/callbacks/cancel', { id }),
      400,
      'CALLBACK_NOT_CANCELLABLE',
    );
  });

  it('answers 404 for an unknown id', async () => {
    const reply = await ctx.ges('POST', '/callbacks/cancel', { id: '00000000-0000-4000-8000-000000000001' });
    await expectGesError(ctx, reply, 404, 'NOT_FOUND');
  });
});
