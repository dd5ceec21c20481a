import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSales } from '../../test/callbacks/support.ts';
import { callSessions } from '../db/schema.ts';
import type { CallState } from '../interpreter/call-state.ts';
import { callIdOf } from './execution.ts';

let ctx: Awaited<ReturnType<typeof startSales>>;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

describe('the Callback application of an answered callback', () => {
  it('runs the queue application as one call per answered attempt, before the agent', async () => {
    const booked = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550171',
    });
    expect(booked.status).toBe(200);
    await ctx.advance(1);
    await ctx.advance(5);
    // PROCESSING lasts the agent's conversation (the seeded agents' handle time, 240 s).
    await ctx.advance(300);
    const record = (await ctx.api.get(`/api/v1/callbacks/${booked.body.data.id}`)).body;
    expect(record).toMatchObject({ callbackState: 'COMPLETED', callbackReason: 'AGENT_CONNECTED' });
    const [stored] = await ctx.started.runtime.db
      .select({ snapshot: callSessions.snapshot, testCall: callSessions.testCall })
      .from(callSessions)
      .where(eq(callSessions.id, callIdOf(booked.body.data.id, 1)));
    expect(stored?.testCall).toBe(false);
    const call = stored?.snapshot as CallState | undefined;
    expect(call).toMatchObject({ applicationId: 'sales-callback', ani: '+14155550171' });
    expect(call?.status).toBe('ended');
    expect(call?.trace.map((t) => t.blockId)).toContain('connect');
  });
});
