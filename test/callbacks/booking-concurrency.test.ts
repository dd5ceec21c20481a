/**
 * Bookings are group-committed (booking.ts): concurrent bookings for one queue share a
 * transaction. These tests fire many at once and check that every throttle still counts exactly
 * as if they had come one by one, within one runtime and across two runtimes on one PostgreSQL.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackAudit, callbackSettings, callbacks, queueRules } from '../../runtime/db/schema.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';

const numberOf = (i: number) => `+1415556${String(i).padStart(4, '0')}`;

async function fire(ctx: Sales | Sales[], bodies: Record<string, unknown>[]) {
  const runtimes = Array.isArray(ctx) ? ctx : [ctx];
  const replies = await Promise.all(
    bodies.map((body, i) => (runtimes[i % runtimes.length] as Sales).ges('POST', '/callbacks/create', body)),
  );
  const tally: Record<string, number> = {};
  for (const reply of replies) {
    const key = reply.status === 200 ? 'ok' : String(reply.body.data?.code ?? reply.status);
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

async function stored(ctx: Sales, virtualQueue: string) {
  const { db } = ctx.started.runtime;
  const where = eq(callbacks.virtualQueue, virtualQueue);
  const [rows] = await db.select({ n: count() }).from(callbacks).where(where);
  const [audit] = await db
    .select({ n: count() })
    .from(callbackAudit)
    .innerJoin(callbacks, eq(callbacks.id, callbackAudit.callbackId))
    .where(and(where, eq(callbackAudit.reason, 'BOOKED')));
  return { callbacks: rows?.n, audit: audit?.n };
}

describe('concurrent bookings in one runtime', () => {
  let ctx: Sales;
  beforeAll(async () => {
    ctx = await startSales();
  });
  afterAll(() => ctx?.started.stop());

  it('admits exactly Max Queued Per Number of one number’s concurrent bookings', async () => {
    await queueLike(ctx, 'Batch_Number_VQ', { maxQueuedPerNumber: 3, capacityRule: null });
    const bodies = Array.from({ length: 30 }, (_, i) => ({
      serviceName: 'Batch_Number_VQ',
      phoneNumber: '+14155557001',
      // Immediate and scheduled mixed: both count as waiting.
      ...(i % 2 ? { desiredTime: '2026-03-04T18:00:00.000Z' } : {}),
    }));
    expect(await fire(ctx, bodies)).toEqual({ ok: 3, TOO_MANY_QUEUED_FOR_NUMBER: 27 });
    expect(await stored(ctx, 'Batch_Number_VQ')).toEqual({ callbacks: 3, audit: 3 });
  });

  it('admits exactly Max Immediate Per Number Per Day of one number’s concurrent bookings', async () => {
    await queueLike(ctx, 'Batch_Day_VQ', { maxQueuedPerNumber: 100, maxImmediatePerNumberPerDay: 4 });
    const bodies = Array.from({ length: 30 }, () => ({
      serviceName: 'Batch_Day_VQ',
      phoneNumber: '+14155557002',
    }));
    expect(await fire(ctx, bodies)).toEqual({ ok: 4, TOO_MANY_IMMEDIATE_FOR_NUMBER: 26 });
    expect(await stored(ctx, 'Batch_Day_VQ')).toEqual({ callbacks: 4, audit: 4 });
  });

  it('admits exactly Max Queued Callbacks of concurrent immediate bookings, refused ones leaving nothing', async () => {
    await queueLike(ctx, 'Batch_Full_VQ', { maxQueuedCallbacks: 7 });
    const bodies = Array.from({ length: 100 }, (_, i) => ({
      serviceName: 'Batch_Full_VQ',
      phoneNumber: numberOf(i),
    }));
    expect(await fire(ctx, bodies)).toEqual({ ok: 7, QUEUE_FULL: 93 });
    expect(await stored(ctx, 'Batch_Full_VQ')).toEqual({ callbacks: 7, audit: 7 });
  });

  it('books the good ones of a concurrent burst that mixes bad numbers, full slots and duplicates', async () => {
    await queueLike(ctx, 'Batch_Mixed_VQ', { slotCapacity: 2, capacityRule: null, maxQueuedPerNumber: 1 });
    const desiredTime = '2026-03-05T18:00:00.000Z';
    const bodies = [
      ...Array.from({ length: 10 }, (_, i) => ({ phoneNumber: numberOf(100 + i) })),
      ...Array.from({ length: 10 }, (_, i) => ({
        phoneNumber: numberOf(200 + i),
        desiredTime,
        alwaysCheckCapacity: true,
      })),
      ...Array.from({ length: 5 }, () => ({ phoneNumber: numberOf(300) })),
      ...Array.from({ length: 5 }, () => ({ phoneNumber: '+19005550100' })),
    ].map((body) => ({ serviceName: 'Batch_Mixed_VQ', ...body }));
    expect(await fire(ctx, bodies)).toEqual({
      ok: 10 + 2 + 1,
      SLOT_UNAVAILABLE: 8,
      TOO_MANY_QUEUED_FOR_NUMBER: 4,
      NUMBER_BLOCKED: 5,
    });
    expect(await stored(ctx, 'Batch_Mixed_VQ')).toEqual({ callbacks: 13, audit: 13 });
  });
});

describe('bookings after an edit made behind the runtime’s back', () => {
  let ctx: Sales;
  beforeAll(async () => {
    ctx = await startSales();
  });
  afterAll(() => ctx?.started.stop());

  it('applies a settings row changed straight in the database to the very next booking', async () => {
    await queueLike(ctx, 'Edited_VQ', { maxQueuedPerNumber: 5 });
    const body = { serviceName: 'Edited_VQ', phoneNumber: '+14155557101' };
    expect((await ctx.ges('POST', '/callbacks/create', body)).status).toBe(200);
    // Not through the API: only the configuration check can notice.
    await ctx.started.runtime.db
      .update(callbackSettings)
      .set({ document: sql`${callbackSettings.document} || '{"maxQueuedPerNumber": 1}'::jsonb` })
      .where(eq(callbackSettings.virtualQueue, 'Edited_VQ'));
    const second = await ctx.ges('POST', '/callbacks/create', body);
    expect(second.body.data?.code).toBe('TOO_MANY_QUEUED_FOR_NUMBER');
  });

  it('books a number the queue’s rule no longer blocks once the rule is unassigned in the database', async () => {
    await queueLike(ctx, 'Unblocked_VQ');
    const blocked = { serviceName: 'Unblocked_VQ', phoneNumber: '+19005550100' };
    expect((await ctx.ges('POST', '/callbacks/create', blocked)).body.data?.code).toBe('NUMBER_BLOCKED');
    await ctx.started.runtime.db.delete(queueRules).where(eq(queueRules.virtualQueue, 'Unblocked_VQ'));
    expect((await ctx.ges('POST', '/callbacks/create', blocked)).status).toBe(200);
  });
});

describe.skipIf(testDatabaseKind !== 'postgres')(
  'concurrent bookings through two runtimes on one PostgreSQL',
  () => {
    const runtimes: Sales[] = [];
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const database = await freshDatabaseUrl('postgres');
      drop = database.drop;
      runtimes.push(await startSales({ DATABASE_URL: database.url }));
      runtimes.push(await startSales({ DATABASE_URL: database.url }));
    });
    afterAll(async () => {
      for (const ctx of runtimes) await ctx.started.stop();
      await drop?.();
    });

    it('lets exactly the capacity into one slot and exactly Max Queued Callbacks into the queue', async () => {
      const [a] = runtimes as [Sales];
      await queueLike(a, 'Shared_VQ', { slotCapacity: 5, capacityRule: null, maxQueuedCallbacks: 10 });
      const scheduled = Array.from({ length: 200 }, (_, i) => ({
        serviceName: 'Shared_VQ',
        phoneNumber: numberOf(1000 + i),
        desiredTime: '2026-03-05T18:00:00.000Z',
        alwaysCheckCapacity: true,
      }));
      const immediate = Array.from({ length: 200 }, (_, i) => ({
        serviceName: 'Shared_VQ',
        phoneNumber: numberOf(2000 + i),
      }));
      const [slotTally, queueTally] = await Promise.all([
        fire(runtimes, scheduled),
        fire(runtimes, immediate),
      ]);
      expect(slotTally).toEqual({ ok: 5, SLOT_UNAVAILABLE: 195 });
      expect(queueTally).toEqual({ ok: 10, QUEUE_FULL: 190 });
      expect(await stored(a, 'Shared_VQ')).toEqual({ callbacks: 15, audit: 15 });
    });
  },
);
