/**
 * One bad CALLBACK_SETTINGS row never stops the other queues: the schema bounds every numeric
 * setting at save, and a row made bad straight in the database (bypassing the API) only skips its
 * own queue, reported by name once per interval.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSales } from './support.ts';

let ctx: Awaited<ReturnType<typeof startSales>>;
const rowPath = (name: string) => `/api/v1/data-tables/CALLBACK_SETTINGS/rows/${name}`;

beforeAll(async () => {
  ctx = await startSales();
  const sales = (await ctx.api.get(rowPath('Sales_VQ'))).body;
  for (const name of ['Bad_VQ', 'Good_VQ'])
    expect((await ctx.api.put(rowPath(name), { ...sales, virtualQueue: name })).status).toBe(201);
});
afterAll(() => ctx?.started.stop());

const book = async (serviceName: string, phoneNumber: string) => {
  const reply = await ctx.ges('POST', '/callbacks/create', { serviceName, phoneNumber });
  expect(reply.status).toBe(200);
  return reply.body.data.id as string;
};
const stateOf = async (id: string) => (await ctx.api.get(`/api/v1/callbacks/${id}`)).body.callbackState;

describe('a bad queue among good ones', () => {
  it.each([
    ['priorityLimit', 1e308],
    ['slotCapacity', 1e308],
    ['priorityIncrement', 2 ** 40],
    ['retryDelaySeconds', 10 ** 9],
    ['maxQueuedCallbacks', 10 ** 12],
  ])('refuses %s = %d when the row is saved, naming the field', async (field, value) => {
    const sales = (await ctx.api.get(rowPath('Sales_VQ'))).body;
    const reply = await ctx.api.put(rowPath('Sales_VQ'), { ...sales, [field]: value });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(`/${field}`);
  });

  it('skips a queue whose row was made bad in the database, reports it once per interval, and dispatches the others', async () => {
    const reported: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      reported.push(args.map(String).join(' '));
    });
    try {
      // Booked while the row is sound, then the row is broken behind the API's back.
      await ctx.api.put('/api/v1/agents/alice/state', { state: 'NotReady' });
      await ctx.api.put('/api/v1/agents/bob/state', { state: 'NotReady' });
      await ctx.api.put('/api/v1/agents/carol/state', { state: 'NotReady' });
      const stuck = await book('Bad_VQ', '+14155550191');
      await ctx.started.runtime.db.execute(
        sql`update callback_settings set document = document || '{"priorityLimit": 1e308}'::jsonb
          where virtual_queue = 'Bad_VQ'`,
      );
      const served = await book('Good_VQ', '+14155550192');
      await ctx.api.put('/api/v1/agents/alice/state', { state: 'Ready' });
      for (let i = 0; i < 10; i++) await ctx.advance(1);
      // Dispatched to an agent: PROCESSING lasts the conversation (240 s), so not yet COMPLETED.
      expect(['PROCESSING', 'COMPLETED']).toContain(await stateOf(served));
      expect(await stateOf(stuck)).toBe('QUEUED');
      const aboutBad = () => reported.filter((line) => line.includes('queue Bad_VQ'));
      expect(aboutBad()).toHaveLength(1);
      expect(aboutBad()[0]).toMatch(/skipped: dispatching failed: \w+ .*1e\+308/);
      expect(reported.filter((line) => /Good_VQ|Sales_VQ/.test(line))).toEqual([]);
      // The next interval reports it again, with how many failures it did not report (Bad_VQ is
      // tried only while a matching agent is Ready: alice may still be busy with Good_VQ's).
      await ctx.api.put('/api/v1/agents/bob/state', { state: 'Ready' });
      await ctx.advance(61);
      expect(aboutBad()).toHaveLength(2);
      expect(aboutBad()[1]).toMatch(/more failures since the last report/);
      // Mended, the queue dispatches again.
      await ctx.started.runtime.db.execute(
        sql`update callback_settings set document = document || '{"priorityLimit": 100}'::jsonb
          where virtual_queue = 'Bad_VQ'`,
      );
      for (let i = 0; i < 10; i++) await ctx.advance(1);
      expect(['PROCESSING', 'COMPLETED']).toContain(await stateOf(stuck));
    } finally {
      spy.mockRestore();
    }
  });
});
