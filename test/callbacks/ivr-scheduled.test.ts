/**
 * The Sales IVR's scheduled callback end to end, at instants off the slot boundary: the offer,
 * the slot proposed (the next from now, or the nearest to the day and time the caller keys in),
 * read as words in the queue's zone and the call's language, and the booking it leads to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../schemas/application.generated.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
const salesIvr = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../examples/callback/applications/sales-ivr.json'), 'utf8'),
) as Application;

/** The seeded Sales IVR with other Callback V2 properties, published under another id. */
async function variant(id: string, properties: Record<string, unknown>) {
  const application = structuredClone(salesIvr);
  application.id = id;
  const offer = application.blocks.offer!;
  offer.properties = { ...(offer.properties as object), ...properties };
  expect((await ctx.api.post('/api/v1/applications', application)).status).toBe(201);
  expect((await ctx.api.post(`/api/v1/applications/${id}/publish`)).status).toBeLessThan(300);
}

beforeAll(async () => {
  // Tuesday 3 March 2026, 09:07 in Los Angeles: seven minutes into the 09:00 slot.
  ctx = await startSales({ RINGBACK_CLOCK_START: '2026-03-03T17:07:00Z' });
  await variant('sales-ivr-next', { askRequestedTime: false });
  await variant('sales-ivr-fr', { askRequestedTime: false, language: 'fr-FR' });
});
afterAll(() => ctx?.started.stop());

const texts = (call: { prompts: { text: string }[] }) => call.prompts.map((p) => p.text);
let numbers = 0;
const nextNumber = () => `+1415558${String(numbers++).padStart(4, '0')}`;

async function call(target: { applicationId: string } | { dnis: string }) {
  const start = await ctx.api.post('/api/v1/test-calls', { ...target, ani: nextNumber() });
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
    const ivr = await call({ applicationId: 'sales-ivr-next' });
    await ivr.press('2');
    const proposed = await ivr.press('1');
    expect(proposed.variables.SlotTime).toBe('Tuesday, March 3 at 9:15 AM');
    const booked = await ivr.press('1');
    expect(booked.state).toBe('ended');
    expect(await desiredTimeOf(booked.variables.callbackId)).toBe('2026-03-03T17:15:00.000Z');
  });

  it('still makes the offer off the boundary when only scheduled callbacks are enabled', async () => {
    await queueLike(ctx, 'Sales_VQ', { immediateEnabled: false });
    try {
      const ivr = await call({ applicationId: 'sales-ivr-next' });
      expect(ivr.start.currentBlockId).toBe('offer');
      expect(texts(ivr.start).join(' ')).toContain('2 to schedule one');
      await ivr.press('2');
      await ivr.press('1');
      const booked = await ivr.press('1');
      expect(await desiredTimeOf(booked.variables.callbackId)).toBe('2026-03-03T17:15:00.000Z');
    } finally {
      await queueLike(ctx, 'Sales_VQ', { immediateEnabled: true });
    }
  });
});

describe('times are spoken in the call language', () => {
  it('reads the proposed slot in French for a block in fr-FR', async () => {
    const ivr = await call({ applicationId: 'sales-ivr-fr' });
    await ivr.press('2');
    const proposed = await ivr.press('1');
    expect(proposed.variables.SlotTime).toBe('mardi 3 mars à 9:15');
    expect(texts(proposed).at(-1)).toContain('mardi 3 mars à 9:15');
  });
});

describe('the caller says when', () => {
  /** The seeded IVR: schedule, own number, then the day and time keyed in; the slot proposed. */
  async function request(day: string, time: string) {
    const ivr = await call({ dnis: '+18005550199' });
    await ivr.press('2');
    await ivr.press('1');
    await ivr.press(`${day}#`);
    return { ivr, proposed: await ivr.press(`${time}#`) };
  }

  it('proposes the next slot when the caller asks for now, off the boundary', async () => {
    const { proposed } = await request('0', '0907');
    expect(proposed.variables.SlotTime).toBe('Tuesday, March 3 at 9:15 AM');
  });

  it('proposes the nearest free slot to a time in a full slot, before or after it', async () => {
    // Fill Wednesday 10:00 (the March rule: 10 per 15-minute slot before noon).
    for (let i = 0; i < 10; i++) {
      const reply = await ctx.ges('POST', '/callbacks/create', {
        serviceName: 'Sales_VQ',
        phoneNumber: nextNumber(),
        desiredTime: '2026-03-04T18:00:00.000Z',
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    expect((await request('1', '1005')).proposed.variables.SlotTime).toBe('Wednesday, March 4 at 10:15 AM');
    expect((await request('1', '0955')).proposed.variables.SlotTime).toBe('Wednesday, March 4 at 9:45 AM');
    const { ivr } = await request('1', '1000');
    const next = await ivr.press('2');
    expect(next.variables.SlotTime).toBe('Wednesday, March 4 at 10:30 AM');
    expect(await desiredTimeOf((await ivr.press('1')).variables.callbackId)).toBe('2026-03-04T18:30:00.000Z');
  });

  it('asks for the day again when the time keyed in has passed', async () => {
    const { proposed } = await request('0', '0800');
    expect(proposed.state).toBe('waitingInput');
    expect(texts(proposed).slice(-2)).toEqual([
      'Sorry, we cannot call you back at that time.',
      'Which day should we call you? Press 0 for today, 1 for tomorrow, or the number of days from today, then press hash.',
    ]);
  });
});
