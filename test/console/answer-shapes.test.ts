/**
 * The Monitor's and Reports' answers match schemas/console-api.schema.json, the types the editor
 * reads them with: after bookings, a dial, an agent's conversation and a failed attempt, so every
 * member (waits, connection rate, EWT samples) carries a value and not only its empty form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../schemas/validation/index.ts';
import { book, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
  await book(ctx, { phoneNumber: '+14155550701' });
  await book(ctx, { phoneNumber: '+14155550702', desiredTime: '2026-03-03T22:00:00.000Z' });
  // Dialled, answered and talked through (the seeded agents talk 240 s).
  for (let i = 0; i < 12; i++) await ctx.advance(30);
});
afterAll(() => ctx?.started.stop());

const validator = createSchemaValidator();
const shape = (def: string, value: unknown) =>
  validator.validate(`console-api.schema.json#/$defs/${def}`, value);

describe('console answers', () => {
  it('lists queue figures as the QueueFigures schema says', async () => {
    const reply = await ctx.api.get('/api/v1/queues');
    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeGreaterThan(0);
    for (const queue of reply.body.items) expect(shape('queueFigures', queue)).toEqual([]);
  });

  it("answers a queue's day as the QueueDay schema says", async () => {
    const reply = await ctx.api.get('/api/v1/queues/Sales_VQ/day');
    expect(reply.status).toBe(200);
    expect(shape('queueDay', reply.body)).toEqual([]);
  });

  it('answers a report as the CallbackReport schema says, with waits and a connection rate', async () => {
    const reply = await ctx.api.get(
      '/api/v1/reports/callbacks?from=2026-03-03T00:00:00Z&to=2026-03-04T12:00:00Z&intervalMinutes=60',
    );
    expect(reply.status).toBe(200);
    expect(shape('callbackReport', reply.body)).toEqual([]);
    expect(reply.body.total.summary.connected).toBeGreaterThan(0);
    expect(reply.body.total.summary.wait).not.toBeNull();
  });
});
