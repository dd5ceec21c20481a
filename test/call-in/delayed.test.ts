/**
 * Click-To-Call-In (Delayed), the guide's scenario on virtual time: a callback booked with push
 * targets in a USERORIGINATED queue is never dialled; CALLBACK_UPCOMING once under the threshold,
 * CALLBACK_READY at the top with an agent Ready, the app's call-in request and the second push
 * with number and code, the call with the code, the match and the agent. Then expiry and purge.
 */

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callIdOf } from '../../runtime/callbacks/execution.ts';
import { rows } from '../../runtime/db/migrate.ts';
import type { Sales } from '../ges/support.ts';
import { fakesAndEnv, type GoogleFakes, registerPush } from '../push/support.ts';
import { eventually } from '../support/google-fakes.ts';
import {
  assign,
  call,
  callback,
  DELAYED_VQ,
  matchApplication,
  POOL,
  publish,
  putGroup,
  setAgent,
  startCallIn,
} from './support.ts';

let ctx: Sales;
let fakes: GoogleFakes;
const DNIS = POOL[2]!;

beforeAll(async () => {
  const setup = await fakesAndEnv();
  fakes = setup.fakes;
  ctx = await startCallIn(setup.env, 10);
  await registerPush(ctx, setup.account.privateKey);
  await putGroup(ctx, 'Delayed', {
    numbers: [{ number: DNIS }],
    accessCode: { enabled: true, length: 4 },
    expirySeconds: 120,
  });
  await publish(
    ctx,
    matchApplication('delayed-match', ['accessCode', 'dnis'], { routingType: 'systemVariables' }),
  );
  await assign(ctx, DNIS, 'delayed-match');
}, 180_000);
afterAll(async () => {
  await ctx?.started.stop();
  await fakes?.close();
});

async function book(phoneNumber: string, target: string): Promise<string> {
  const reply = await ctx.ges('POST', '/callbacks/create', {
    serviceName: DELAYED_VQ,
    phoneNumber,
    pushTargets: [{ channel: 'FCM', target }],
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.id;
}
const pushed = (target: string, event?: string) =>
  fakes.messages.filter((m) => m.token === target && (!event || m.data.event === event));
const reasons = async (id: string) =>
  (await callback(ctx, id)).audit.map((a: { to: string; reason: string }) => `${a.to}:${a.reason}`);
/** The Callback application's call for the callback's latest attempt, once the engine ran it. */
const applicationOutcome = (id: string, attempt: number) =>
  eventually(async () => {
    const view = (await ctx.api.get(`/api/v1/test-calls/${callIdOf(id, attempt)}`)).body;
    return view.trace?.find((t: { blockId: string }) => t.blockId === 'connect')?.outcome as
      | string
      | undefined;
  });
const upcoming = async () =>
  Object.fromEntries(
    rows<{ callback_id: string; outcome: string }>(
      await ctx.started.runtime.db.execute(sql`select callback_id, outcome from callback_upcoming`),
    ).map((r) => [r.callback_id, r.outcome]),
  );

let firstAgentAt = 0;
const ids: Record<string, string> = {};

describe('Click-To-Call-In (Delayed)', () => {
  it('requires push targets in a USERORIGINATED queue', async () => {
    const reply = await ctx.ges('POST', '/callbacks/create', {
      serviceName: DELAYED_VQ,
      phoneNumber: '+14155550169',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.data.errors).toEqual([{ pointer: '/pushTargets', message: expect.any(String) }]);
  });

  it('never dials: READY at the top with an agent Ready, call-in with the pushed code, match, agent', async () => {
    const id = await book('+14155550170', 'tok-W');
    await ctx.advance(5);
    expect(await reasons(id)).toEqual(['QUEUED:BOOKED']);
    await setAgent(ctx, 'dora', 'Ready');
    await ctx.advance(1);
    expect(await reasons(id)).toEqual(['QUEUED:BOOKED', 'QUEUED:CALLBACK_READY']);
    const ready = await eventually(() => pushed('tok-W', 'CALLBACK_READY')[0]);
    expect(ready).toMatchObject({
      project: 'ringback-test',
      data: { callbackId: id, serviceName: DELAYED_VQ },
    });
    expect((await callback(ctx, id)).callbackState).toBe('QUEUED');

    const reply = await ctx.ges('POST', '/call-in/requests/create', {
      groupName: 'Delayed',
      callbackServiceId: id,
      fromPhoneNumber: '+14155550170',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const request = reply.body.data;
    expect(request).toMatchObject({
      toPhoneNumber: DNIS,
      accessCode: expect.stringMatching(/^\d{4}$/),
      callbackServiceId: id,
    });
    // The guide's second push: CALLBACK_READY again, now with the number to call and the code.
    const details = await eventually(() => pushed('tok-W', 'CALLBACK_READY')[1]!);
    expect(details.data).toEqual({
      event: 'CALLBACK_READY',
      callbackId: id,
      serviceName: DELAYED_VQ,
      toPhoneNumber: DNIS,
      accessCode: request.accessCode,
    });
    expect(ready!.data.toPhoneNumber).toBeUndefined();

    const view = await call(ctx, DNIS, '+14155550170', [`${request.accessCode}#`]);
    const trace = view.trace.map((t: { blockId: string; outcome: string }) => `${t.blockId}:${t.outcome}`);
    expect(trace).toContain('match:match:accessCode+dnis');
    expect(trace).toContain('route:routed');
    expect(view.variables).toMatchObject({
      RoutingVirtualQueue: DELAYED_VQ,
      RoutingSkillExpression: 'CallIn>0',
    });
    expect(view.variables.RoutingAgentId).toContain('dora');
    firstAgentAt = Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
    expect(await callback(ctx, id)).toMatchObject({
      callbackState: 'COMPLETED',
      callbackReason: 'CUSTOMER_CALLED_IN',
    });
    expect(await applicationOutcome(id, 1)).toBe('connected');
    const again = await ctx.ges('POST', '/call-in/requests/create', {
      groupName: 'Delayed',
      callbackServiceId: id,
    });
    expect(again.status).toBe(400);
    expect(again.body.data.code).toBe('CALLBACK_NOT_CALLABLE_IN');
    // No dial was ever made for it, and no outbound-only push.
    expect(pushed('tok-W').map((m) => m.data.event)).toEqual(['CALLBACK_READY', 'CALLBACK_READY']);
  });

  it('sends CALLBACK_UPCOMING once when the EWT falls under the threshold, never when it was under at booking', async () => {
    // Dora took the first call (one departure): the EWT of position P is now P × seconds since then.
    await setAgent(ctx, 'dora', 'NotReady');
    await ctx.advance(40);
    ids.a1 = await book('+14155550171', 'tok-1'); // 1 × 40 s: under 120 s at booking
    await ctx.advance(1);
    ids.a2 = await book('+14155550172', 'tok-2'); // 2 × 41 s
    await ctx.advance(4);
    ids.a3 = await book('+14155550173', 'tok-3'); // 3 × 45 s: over
    expect(await upcoming()).toMatchObject({ [ids.a1]: 'BELOW_AT_BOOKING', [ids.a2]: 'BELOW_AT_BOOKING' });
    expect((await upcoming())[ids.a3]).toBeUndefined();
    await ctx.advance(1);
    await setAgent(ctx, 'dora', 'Ready');
    await ctx.advance(1); // a1 reaches the top: READY; a3 is second now: 2 × ~47 s, under 120 s
    for (let i = 0; i < 3; i++) await ctx.advance(5);
    const sent = await eventually(() => pushed('tok-3', 'CALLBACK_UPCOMING')[0]!);
    expect(sent.data).toMatchObject({ callbackId: ids.a3, serviceName: DELAYED_VQ });
    await eventually(() => pushed('tok-1', 'CALLBACK_READY')[0]);
    for (let i = 0; i < 4; i++) await ctx.advance(5);
    expect(pushed('tok-3', 'CALLBACK_UPCOMING')).toHaveLength(1);
    expect(pushed('tok-1', 'CALLBACK_UPCOMING')).toHaveLength(0);
    expect(pushed('tok-2', 'CALLBACK_UPCOMING')).toHaveLength(0);
    expect(firstAgentAt).toBeGreaterThan(0);
  });

  it('takes a ready callback out of the queue when its customer does not call in, then purges it', async () => {
    // a1 became ready above; its Pushed Callback Expiry Time is 2 minutes.
    await ctx.advance(121);
    const record = await callback(ctx, ids.a1!);
    expect(record.callbackState).toBe('QUEUED');
    expect(await reasons(ids.a1!)).toContain('QUEUED:PUSHED_CALLBACK_EXPIRED');
    expect(await applicationOutcome(ids.a1!, 1)).toBe('expired');
    const refused = await ctx.ges('POST', '/call-in/requests/create', {
      groupName: 'Delayed',
      callbackServiceId: ids.a1,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.data.code).toBe('CALLBACK_NOT_CALLABLE_IN');
    // Still purged only by Callback Purge Time (60 minutes here).
    await ctx.advance(3600);
    expect(await callback(ctx, ids.a1!)).toMatchObject({
      callbackState: 'COMPLETED',
      callbackReason: 'PURGED_TIMEOUT',
    });
    const purged = await eventually(() => pushed('tok-1', 'CALLBACK_PURGED')[0]!);
    expect(purged.data).toMatchObject({ callbackId: ids.a1, reason: 'PURGED_TIMEOUT' });
    const afterPurge = await ctx.ges('POST', '/call-in/requests/create', {
      groupName: 'Delayed',
      callbackServiceId: ids.a1,
    });
    expect(afterPurge.body.data.code).toBe('CALLBACK_NOT_CALLABLE_IN');
  });

  it('ends the session with failed when CALLBACK_READY cannot be delivered, and runs the Callback application', async () => {
    fakes.script('tok-gone', ['unregistered']);
    fakes.script('tok-bad', ['invalid']);
    await setAgent(ctx, 'dora', 'Ready');
    const gone = await book('+14155550181', 'tok-gone');
    const bad = await book('+14155550182', 'tok-bad');
    const remembered = await book('+14155550183', 'tok-gone');
    // One Ready agent: one session at a time, each ended by its undelivered push, not by its expiry.
    for (const [id, target] of [
      [gone, 'tok-gone'],
      [bad, 'tok-bad'],
      [remembered, 'tok-gone'],
    ] as const) {
      const outcome = await eventually(async () => {
        await ctx.advance(1);
        return (await reasons(id)).includes('QUEUED:CALLBACK_READY_UNDELIVERABLE') ? true : undefined;
      }, 60_000);
      expect(outcome).toBe(true);
      expect(await reasons(id)).toEqual([
        'QUEUED:BOOKED',
        'QUEUED:CALLBACK_READY',
        'QUEUED:CALLBACK_READY_UNDELIVERABLE',
      ]);
      expect(await applicationOutcome(id, 1)).toBe('failed');
      expect(pushed(target, 'CALLBACK_READY')).toHaveLength(0);
      const refused = await ctx.ges('POST', '/call-in/requests/create', {
        groupName: 'Delayed',
        callbackServiceId: id,
      });
      expect(refused.body.data.code).toBe('CALLBACK_NOT_CALLABLE_IN');
      expect((await callback(ctx, id)).callbackState).toBe('QUEUED');
    }
    // The remembered token was never tried again: FCM saw one attempt for it.
    expect(fakes.attempts.get('tok-gone')).toBe(1);
    expect(fakes.attempts.get('tok-bad')).toBe(1);
  });

  it('refuses a call-in for a callback of a queue that is not USERORIGINATED', async () => {
    const outbound = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550180',
    });
    const reply = await ctx.ges('POST', '/call-in/requests/create', {
      groupName: 'Delayed',
      callbackServiceId: outbound.body.data.id,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.data.code).toBe('CALLBACK_NOT_CALLABLE_IN');
  });
});
