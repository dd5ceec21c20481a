/**
 * The Sales IVR's scheduled callback end to end, at instants off the slot boundary: the offer,
 * the proposed slot as words in the queue's zone, and the booking it leads to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  // Tuesday 3 March 2026, 09:07 in Los Angeles: seven minutes into the 09:00 slot.
  ctx = await startSales({ RINGBACK_CLOCK_START: '2026-03-03T17:07:00Z' });
});
afterAll(() => ctx?.started.stop());

const texts = (call: { prompts: { text: string }[] }) => call.prompts.map((p) => p.text);
let numbers = 0;
const nextAni = () => `+1415558${String(numbers++).padStart(4, '0')}`;

async function call(ani: string) {
  const start = await ctx.api.post('/api/v1/test-calls', { dnis: '+18005550199', ani });
  expect(start.status, JSON.stringify(start.body)).toBe(201);
  const id = start.body.id as string;
  const press = async (digits: string) => {
    const reply = await ctx.api.post(`/api/v1/test-calls/${id}/dtmf`, { digits });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body;
  };
  return { start: start.body, press };
}

async function desiredTimeOf(callbackId: string): Promise<string> {
  const record = (await ctx.ges('POST', '/callbacks/retrieve', { id: callbackId })).body.data;
  expect(record.callbackState).toBe('SCHEDULED');
  return new Date(record.desiredTime).toISOString();
}

describe('the IVR proposes the next bookable slot', () => {
  it('proposes and books the 09:15 slot when the caller asks to schedule at 09:07', async () => {
    const ivr = await call(nextAni());
    await ivr.press('2');
    const proposed = await ivr.press('1');
    expect(proposed.state).toBe('waitingInput');
    expect(proposed.trace.map((t: { outcome: string | null }) => t.outcome)).not.toContain('declined');
    const booked = await ivr.press('1');
    expect(booked.state).toBe('ended');
    expect(await desiredTimeOf(booked.variables.callbackId)).toBe('2026-03-03T17:15:00.000Z');
  });

  it('still makes the offer off the boundary when only scheduled callbacks are enabled', async () => {
    await queueLike(ctx, 'Sales_VQ', { immediateEnabled: false });
    try {
      const ivr = await call(nextAni());
      expect(ivr.start.currentBlockId).toBe('offer');
      expect(texts(ivr.start).join(' ')).toContain('2 to schedule one');
      await ivr.press('2');
      const booked = await ivr.press('1').then(() => ivr.press('1'));
      expect(await desiredTimeOf(booked.variables.callbackId)).toBe('2026-03-03T17:15:00.000Z');
    } finally {
      await queueLike(ctx, 'Sales_VQ', { immediateEnabled: true });
    }
  });
});
