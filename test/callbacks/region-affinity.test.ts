/**
 * Region affinity in dispatch: a queue with a rule is dialled only by processes of the first
 * region in the rule's order that has a live process. Here the runtime is in region `default`;
 * a process of region `eu` is represented by its heartbeat row, which the test keeps fresh or
 * lets go stale on the virtual clock.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_HEALTHY_MS } from '../../runtime/callbacks/engine.ts';
import { runtimeNodes } from '../../runtime/db/schema.ts';
import { startSales } from './support.ts';

let ctx: Awaited<ReturnType<typeof startSales>>;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const clockNow = async () => Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
const state = async (id: string) => (await ctx.api.get(`/api/v1/callbacks/${id}`)).body.callbackState;
const euHeartbeat = async () => {
  const seenAt = await clockNow();
  await ctx.started.runtime.db
    .insert(runtimeNodes)
    .values({ nodeId: 'eu-node', region: 'eu', seenAt })
    .onConflictDoUpdate({ target: runtimeNodes.nodeId, set: { seenAt } });
};

describe('region affinity in dispatch', () => {
  it('leaves the queue to a live node of the preferred region, and takes it over when that region goes silent', async () => {
    const rule = { name: 'EU_First', preferred: ['eu'], fallback: ['default'], ignored: [] };
    expect((await ctx.api.put(`/api/v1/region-affinity-rules/${rule.name}`, rule)).status).toBeLessThan(300);
    const assigned = await ctx.api.put('/api/v1/queues/Sales_VQ/rules', { regionAffinityRule: 'EU_First' });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);

    await euHeartbeat();
    const booked = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155559301',
    });
    expect(booked.status).toBe(200);
    const id = booked.body.data.id as string;
    for (let i = 0; i < 3; i++) {
      await ctx.advance(2);
      await euHeartbeat();
    }
    expect(await state(id)).toBe('QUEUED');

    // The eu node stops beating: this process (region default, the fallback) dials.
    await ctx.advance(NODE_HEALTHY_MS / 1000 + 1);
    await ctx.advance(10);
    // Dialled and with an agent (PROCESSING lasts the conversation).
    expect(await state(id)).toBe('PROCESSING');
    const [self] = await ctx.started.runtime.db
      .select()
      .from(runtimeNodes)
      .where(eq(runtimeNodes.region, 'default'));
    expect(self?.seenAt).toBeGreaterThan((await clockNow()) - NODE_HEALTHY_MS);
  });

  it('never dispatches a queue whose rule leaves this region out', async () => {
    const rule = { name: 'EU_Only', preferred: ['eu'], fallback: [], ignored: ['default'] };
    expect((await ctx.api.put(`/api/v1/region-affinity-rules/${rule.name}`, rule)).status).toBeLessThan(300);
    await ctx.api.put('/api/v1/queues/Sales_VQ/rules', { regionAffinityRule: 'EU_Only' });
    const booked = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155559302',
    });
    await ctx.advance(30);
    expect(await state(booked.body.data.id)).toBe('QUEUED');
    await ctx.api.put('/api/v1/queues/Sales_VQ/rules', { regionAffinityRule: null });
    await ctx.advance(1);
    await ctx.advance(10);
    expect(await state(booked.body.data.id)).toBe('PROCESSING');
  });
});
