/** Helpers for the GES tests: a Sales runtime, queues cloned from Sales_VQ, forced states. */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { callbacks } from '../../runtime/db/schema.ts';
import { startSales } from '../callbacks/support.ts';

export type Sales = Awaited<ReturnType<typeof startSales>>;
export { startSales };

export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new CALLBACK_SETTINGS row: Sales_VQ's with `changes`; `null` drops a column (e.g. a rule). */
export async function queueLike(ctx: Sales, name: string, changes: Record<string, unknown> = {}) {
  const base = (await ctx.api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
  const row: Record<string, unknown> = { ...base, virtualQueue: name };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete row[key];
    else row[key] = value;
  }
  const reply = await ctx.api.put(`/api/v1/data-tables/CALLBACK_SETTINGS/rows/${name}`, row);
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  return reply.body;
}

/** Books through GES and returns the id; fails the test on any other answer. */
export async function book(ctx: Sales, body: Record<string, unknown>): Promise<string> {
  const reply = await ctx.ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.id as string;
}

/** Puts a callback in a state the engine would reach (PROCESSING is too brief to catch on the simulator). */
export async function forceState(ctx: Sales, id: string, state: 'PROCESSING' | 'ROUTING') {
  await ctx.started.runtime.db.update(callbacks).set({ state }).where(eq(callbacks.id, id));
}

export async function now(ctx: Sales): Promise<number> {
  return Date.parse((await ctx.api.get('/api/v1/sim/clock')).body.now);
}

/** The recorded Developer-tab errors for one corrId. */
export async function recorded(ctx: Sales, corrId: string) {
  return (await ctx.api.get(`/api/v1/developer/errors?corrId=${corrId}`)).body.items as {
    corrId: string;
    status: number;
    message: string;
    path: string;
    method: string;
  }[];
}

/**
 * A GES error: the envelope carries the status and a cause, and the Developer tab finds the error
 * by its corrId with the same status and code.
 */
export async function expectGesError(
  ctx: Sales,
  reply: { status: number; body: any },
  status: number,
  code: string,
) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const { status: envelope, data } = reply.body;
  expect(envelope.code).toBe(status);
  expect(envelope.message).toEqual(expect.any(String));
  expect(envelope.message).not.toBe('Successful');
  expect(envelope.corrId).toMatch(uuid);
  expect(data.code).toBe(code);
  const items = await recorded(ctx, envelope.corrId);
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ corrId: envelope.corrId, status });
  expect(items[0]!.message).toContain(code);
  return reply.body;
}
