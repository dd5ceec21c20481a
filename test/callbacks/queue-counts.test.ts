/**
 * queue_counts (what Max Queued Callbacks caps) is kept by triggers on callbacks. After every kind
 * of change — booking, dispatch, retry, cancel, bulk updates and deletes — it must equal a count
 * of the callbacks themselves.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbacks, queueCounts } from '../../runtime/db/schema.ts';
import { startSales } from './support.ts';

let ctx: Awaited<ReturnType<typeof startSales>>;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

async function expectCountsExact(): Promise<number> {
  const { db } = ctx.started.runtime;
  const [actual] = await db
    .select({ n: count() })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.virtualQueue, 'Sales_VQ'),
        eq(callbacks.origin, 'immediate'),
        inArray(callbacks.state, ['QUEUED', 'ROUTING']),
      ),
    );
  const [kept] = await db
    .select({ n: queueCounts.immediateWaiting })
    .from(queueCounts)
    .where(eq(queueCounts.virtualQueue, 'Sales_VQ'));
  expect(kept?.n ?? 0).toBe(actual?.n);
  return actual?.n ?? 0;
}

const book = async (phoneNumber: string, desiredTime?: string) => {
  const reply = await ctx.ges('POST', '/callbacks/create', {
    serviceName: 'Sales_VQ',
    phoneNumber,
    ...(desiredTime ? { desiredTime } : {}),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.id as string;
};

describe('the waiting-callback count kept by triggers', () => {
  it('follows bookings, dispatch, retries, cancels, bulk changes and deletes', async () => {
    expect(await expectCountsExact()).toBe(0);
    const host = ctx.started.runtime.callbacks.host;
    host.script('+14155559002', [{ outcome: 'busy', afterMs: 1000 }]);
    const ids = [];
    for (const n of ['+14155559001', '+14155559002', '+14155559003', '+14155559004']) ids.push(await book(n));
    await book('+14155559005', '2026-03-04T18:00:00.000Z'); // scheduled: not counted
    expect(await expectCountsExact()).toBe(4);

    expect((await ctx.ges('POST', '/callbacks/cancel', { id: ids[3] })).status).toBe(200);
    expect(await expectCountsExact()).toBe(3);

    // Dialled (ROUTING still counts), answered and connected (no longer counts), one retried.
    await ctx.advance(1);
    await expectCountsExact();
    await ctx.advance(10);
    expect(await expectCountsExact()).toBe(1); // the busy number waits for its retry

    // A statement changing many rows, and deletes, keep it too.
    const { db } = ctx.started.runtime;
    await db
      .update(callbacks)
      .set({ state: 'QUEUED' })
      .where(inArray(callbacks.state, ['COMPLETED', 'PROCESSING']));
    expect(await expectCountsExact()).toBe(4);
    await db.delete(callbacks).where(sql`${callbacks.phoneNumber} in ('+14155559001', '+14155559002')`);
    expect(await expectCountsExact()).toBe(2);
    await db.delete(callbacks);
    expect(await expectCountsExact()).toBe(0);
  });
});
