import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSales } from './support.ts';

let ctx: Awaited<ReturnType<typeof startSales>>;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const book = async (body: Record<string, unknown>) => {
  const reply = await ctx.ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', ...body });
  expect(reply.status).toBe(200);
  return reply.body.data.id as string;
};
const record = async (id: string) => (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;

describe('the callback engine on a virtual clock', () => {
  it('dials an immediate callback when an agent is Ready and keeps it PROCESSING for the whole agent conversation', async () => {
    const id = await book({ phoneNumber: '+14155550101' });
    await ctx.advance(1);
    expect((await record(id)).callbackState).toBe('ROUTING');
    await ctx.advance(5);
    const talking = await record(id);
    expect(talking).toMatchObject({ callbackState: 'PROCESSING', agentId: expect.any(String) });
    // The seeded agents handle a call for 240 s: PROCESSING until the conversation ends.
    await ctx.advance(238);
    expect(await record(id)).toMatchObject({ callbackState: 'PROCESSING', agentId: talking.agentId });
    const cancel = await ctx.ges('POST', '/callbacks/cancel', { id });
    expect(cancel.status).toBe(400);
    await ctx.advance(2);
    const done = await record(id);
    expect(done).toMatchObject({
      callbackState: 'COMPLETED',
      callbackReason: 'AGENT_CONNECTED',
      attempts: 1,
      agentId: talking.agentId,
    });
    expect(done.audit.map((a: { to: string; reason: string }) => `${a.to}:${a.reason}`)).toEqual([
      'QUEUED:BOOKED',
      'ROUTING:DIAL_ATTEMPT_1',
      'PROCESSING:CUSTOMER_ANSWERED',
      'PROCESSING:AGENT_ASSIGNED',
      'COMPLETED:AGENT_CONNECTED',
    ]);
    const answeredAt = Date.parse(done.audit[2].at);
    expect(Date.parse(done.completedAt) - answeredAt).toBe(240_000);
  });

  it('retries a failed dial after the retry delay and fails after Max Dial Attempts', async () => {
    ctx.started.runtime.callbacks.host.script('+14155550102', [{ outcome: 'busy', afterMs: 1000 }]);
    const id = await book({ phoneNumber: '+14155550102' });
    await ctx.advance(2);
    await ctx.advance(1);
    expect(await record(id)).toMatchObject({ callbackState: 'QUEUED', attempts: 1 });
    for (let i = 0; i < 8; i++) await ctx.advance(61);
    const done = await record(id);
    expect(done).toMatchObject({
      callbackState: 'COMPLETED',
      callbackReason: 'FAIL_CALL_TO_CUSTOMER',
      attempts: 3,
    });
  });

  it('queues a scheduled callback at its desired time', async () => {
    const now = Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
    const desired = new Date(now + 30 * 60_000).toISOString();
    const id = await book({ phoneNumber: '+14155550103', desiredTime: desired });
    expect((await record(id)).callbackState).toBe('SCHEDULED');
    await ctx.advance(29 * 60);
    expect((await record(id)).callbackState).toBe('SCHEDULED');
    await ctx.advance(61);
    expect(['QUEUED', 'ROUTING', 'PROCESSING', 'COMPLETED']).toContain((await record(id)).callbackState);
  });

  it('cancels through GES, and refuses to cancel a completed callback', async () => {
    const now = Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
    const id = await book({
      phoneNumber: '+14155550104',
      desiredTime: new Date(now + 3600_000).toISOString(),
    });
    const cancelled = await ctx.ges('POST', '/callbacks/cancel', { id });
    expect(cancelled.body).toMatchObject({ status: { code: 200 }, data: { id } });
    const retrieved = await ctx.ges('POST', '/callbacks/retrieve', { id });
    expect(retrieved.body.data).toMatchObject({ callbackState: 'COMPLETED', callbackReason: 'CANCELLED' });
    const again = await ctx.ges('POST', '/callbacks/cancel', { id });
    expect(again.status).toBe(400);
    const errors = await ctx.api.get(`/api/v1/developer/errors?corrId=${again.body.status.corrId}`);
    expect(errors.body.items).toHaveLength(1);
    expect(errors.body.items[0].message).toContain('CALLBACK_NOT_CANCELLABLE');
  });

  it('purges waiting callbacks at the end of the business day', async () => {
    await ctx.api.put('/api/v1/agents/alice/state', { state: 'NotReady' });
    await ctx.api.put('/api/v1/agents/bob/state', { state: 'NotReady' });
    await ctx.api.put('/api/v1/agents/carol/state', { state: 'NotReady' });
    const id = await book({ phoneNumber: '+14155550105' });
    await ctx.advance(12 * 3600);
    expect(await record(id)).toMatchObject({
      callbackState: 'COMPLETED',
      callbackReason: 'PURGED_END_OF_DAY',
    });
  });
});
