/**
 * User data booked with a callback reaches its Callback application: booked through GES with
 * `userData`, dispatched on the virtual clock, the application's declared variables of those
 * names start with the booked values, its blocks compute with them, secure ones stay masked, and
 * nothing of it is logged.
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callIdOf } from '../../runtime/callbacks/execution.ts';
import { callSessions } from '../../runtime/db/schema.ts';
import type { CallState } from '../../runtime/interpreter/call-state.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;

const vipCallback = {
  schemaVersion: 1,
  id: 'vip-callback',
  name: 'VIP callback',
  type: 'Callback',
  variables: [
    { name: 'orderId' },
    { name: 'tier', default: 'standard' },
    { name: 'pin', secure: true },
    { name: 'untouched', default: 'kept' },
    { name: 'summary' },
  ],
  phases: { initialize: 'summarise', selfService: null, assistedService: null, finalize: null },
  blocks: {
    summarise: {
      type: 'assign-variables',
      typeVersion: 1,
      phase: 'initialize',
      label: 'Summarise the booking',
      properties: { assignments: [{ variable: 'summary', expression: "tier + ':' + orderId" }] },
      next: { next: 'connect' },
    },
    connect: {
      type: 'callback-v2',
      typeVersion: 1,
      phase: 'initialize',
      label: 'Connect customer',
      properties: {
        virtualQueueSource: 'literal',
        virtualQueue: 'VIP_VQ',
        connectCustomer: 'businessToCustomer',
      },
      next: {},
    },
  },
};

beforeAll(async () => {
  ctx = await startSales();
  // Publishing checks the queue the application names, so the queue exists first (with the
  // Sales Callback application), then points at this one once it is live.
  await queueLike(ctx, 'VIP_VQ');
  const created = await ctx.api.post('/api/v1/applications', vipCallback);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await ctx.api.post('/api/v1/applications/vip-callback/publish');
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  await queueLike(ctx, 'VIP_VQ', { callbackApplication: 'vip-callback' });
});
afterAll(() => ctx?.started.stop());
afterEach(() => vi.restoreAllMocks());

/** Books through GES, lets the engine dial and connect, and returns the Callback application's call. */
async function bookAndRun(body: Record<string, unknown>): Promise<CallState> {
  const booked = await ctx.ges('POST', '/callbacks/create', { serviceName: 'VIP_VQ', ...body });
  expect(booked.status, JSON.stringify(booked.body)).toBe(200);
  const id = booked.body.data.id as string;
  await ctx.advance(1);
  await ctx.advance(5);
  const record = (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;
  // With an agent: PROCESSING for the whole conversation (issue 8).
  expect(record).toMatchObject({ callbackState: 'PROCESSING', agentId: expect.any(String) });
  const [stored] = await ctx.started.runtime.db
    .select({ snapshot: callSessions.snapshot })
    .from(callSessions)
    .where(eq(callSessions.id, callIdOf(id, 1)));
  expect(stored).toBeDefined();
  return stored!.snapshot as CallState;
}

describe('user data in the Callback application', () => {
  it('starts the declared variables of the same names with the booked values', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    const call = await bookAndRun({
      phoneNumber: '+14155550931',
      userData: { orderId: 'A-17', tier: 'gold', pin: '4321', campaign: 'spring', 'not-an-id': 'x' },
    });
    expect(call).toMatchObject({ applicationId: 'vip-callback', status: 'ended' });
    expect(call.variables).toMatchObject({
      orderId: 'A-17',
      tier: 'gold',
      pin: '4321',
      untouched: 'kept',
      summary: 'gold:A-17',
    });
    // The system variable CallbackId names the callback being executed.
    expect(callIdOf(call.variables.CallbackId as string, 1)).toBe(call.id);
    // Keys the application does not declare are not variables of the call.
    expect(call.variables).not.toHaveProperty('campaign');
    expect(call.variables).not.toHaveProperty('not-an-id');
    expect(call.trace.map((step) => step.blockId)).toEqual(['summarise', 'connect']);
    expect(call.trace[0]?.variableChanges).toEqual({ summary: { from: undefined, to: 'gold:A-17' } });
    // The secure variable never appears in the call's events.
    expect(JSON.stringify(call.events)).not.toContain('4321');
    expect(logged.join('\n')).not.toMatch(/A-17|4321|spring/);
  });

  it('leaves the declared defaults when the callback carries no user data', async () => {
    const call = await bookAndRun({ phoneNumber: '+14155550932' });
    expect(call.variables).toMatchObject({
      tier: 'standard',
      untouched: 'kept',
      summary: 'standard:undefined',
    });
    expect(call.variables).not.toHaveProperty('orderId');
  });
});
