/**
 * Issue 8, section 4: callbacks never wait beside an idle agent able to take them. Two causes were
 * found: an agent's new skills never reached the simulator of a running process, and a virtual
 * clock jump dispatched only at its end, so callbacks booked before the jump were dialled twelve
 * minutes late and the ones behind them were still QUEUED (which ones depended on random ids).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSales } from './support.ts';

let ctx: Awaited<ReturnType<typeof startSales>>;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const record = async (id: string) => (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;

async function bookFive(first: number): Promise<string[]> {
  return Promise.all(
    [0, 1, 2, 3, 4].map(async (n) => {
      const reply = await ctx.ges('POST', '/callbacks/create', {
        serviceName: 'Sales_VQ',
        phoneNumber: `+141555502${first + n}`,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body.data.id as string;
    }),
  );
}

describe('dispatch beside idle agents', () => {
  it('connects five callbacks booked at one instant within one twelve-minute jump of the clock', async () => {
    // The seed's three Sales agents (240 s each): three calls at once, two as soon as agents are free.
    const ids = await bookFive(10);
    const start = Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
    await ctx.advance(12 * 60);
    const done = await Promise.all(ids.map(record));
    expect(done.map((r) => r.callbackState)).toEqual(ids.map(() => 'COMPLETED'));
    const dialledAt = done
      .map((r) => Date.parse(r.audit.find((a: { to: string }) => a.to === 'ROUTING').at) - start)
      .sort((a, b) => a - b);
    // Dialled at the booking instant, then the moment the first agents were free (5 s dial + 240 s).
    expect(dialledAt).toEqual([0, 0, 0, 245_000, 245_000]);
  });

  it('dials five callbacks booked at one instant at once when six agents with edited skills are Ready', async () => {
    await ctx.advance(10 * 60);
    for (const id of ['dan', 'erin', 'frank']) {
      const agent = (await ctx.api.get(`/api/v1/agents/${id}`)).body;
      const reply = await ctx.api.put(`/api/v1/agents/${id}`, {
        id,
        name: agent.name,
        skills: { ...agent.skills, Sales: 2 },
        handleTimeSeconds: 240,
        state: 'Ready',
      });
      expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
    }
    await ctx.advance(1);
    const ids = await bookFive(20);
    await ctx.advance(1);
    const states = await Promise.all(ids.map(async (id) => (await record(id)).callbackState));
    expect(states).toEqual(ids.map(() => 'ROUTING'));
    await ctx.advance(12 * 60);
    const later = await Promise.all(ids.map(async (id) => (await record(id)).callbackState));
    expect(later).toEqual(ids.map(() => 'COMPLETED'));
  });
});
