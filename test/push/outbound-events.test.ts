/** CALLBACK_ATTEMPT_FAILED and CALLBACK_FINAL_ATTEMPT_FAILED: outbound (USERTERMINATED) callbacks only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now, type Sales, startSales } from '../ges/support.ts';
import { eventually } from '../support/google-fakes.ts';
import { fakesAndEnv, type GoogleFakes, outbox, registerPush } from './support.ts';

let ctx: Sales;
let fakes: GoogleFakes;
beforeAll(async () => {
  const setup = await fakesAndEnv();
  fakes = setup.fakes;
  ctx = await startSales(setup.env);
  await registerPush(ctx, setup.account.privateKey);
}, 180_000);
afterAll(async () => {
  await ctx?.started.stop();
  await fakes?.close();
});

describe('outbound attempt pushes', () => {
  it('pushes each failed attempt, then the final one, and nothing for a callback without push targets', async () => {
    const customer = '+14155550196';
    const script = await ctx.api.put(`/api/v1/sim/dialer/${encodeURIComponent(customer)}`, {
      outcomes: [1, 2, 3].map(() => ({ outcome: 'busy', afterSeconds: 3 })),
    });
    expect(script.status).toBe(200);
    const booked = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: customer,
      pushChannel: 'FCM',
      pushTarget: 'tok-out',
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    const silent = '+14155550197';
    await ctx.api.put(`/api/v1/sim/dialer/${encodeURIComponent(silent)}`, {
      outcomes: [{ outcome: 'busy', afterSeconds: 3 }],
    });
    await ctx.ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', phoneNumber: silent });
    for (let i = 0; i < 12; i++) await ctx.advance(30);
    const events = await eventually(() => {
      const sent = fakes.messages.filter((m) => m.token === 'tok-out').map((m) => m.data.event);
      return sent.length === 3 ? sent : undefined;
    });
    expect(events).toEqual([
      'CALLBACK_ATTEMPT_FAILED',
      'CALLBACK_ATTEMPT_FAILED',
      'CALLBACK_FINAL_ATTEMPT_FAILED',
    ]);
    expect(fakes.messages.find((m) => m.token === 'tok-out')?.data.callbackId).toBe(booked.body.data.id);
    expect((await outbox(ctx)).every((row) => row.target === 'tok-out')).toBe(true);
  });

  it('sends no CALLBACK_PURGED for a cancelled callback: it was not purged', async () => {
    const desiredTime = new Date((await now(ctx)) + 3600_000).toISOString();
    const booked = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550198',
      desiredTime,
      pushTargets: [{ channel: 'FCM', target: 'tok-cancelled' }],
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect((await ctx.ges('POST', '/callbacks/cancel', { id: booked.body.data.id })).status).toBe(200);
    for (let i = 0; i < 4; i++) await ctx.advance(1800);
    expect((await outbox(ctx)).filter((row) => row.target === 'tok-cancelled')).toEqual([]);
  });
});
