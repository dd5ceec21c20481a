/** GES statistics: registered credentials, queue figures from the simulator, cache-control max-age. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sales, startSales } from './support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
}, 180_000);
afterAll(() => ctx?.started.stop());

const body = {
  statistics: [
    { objectId: 'Sales_VQ', metric: 'CurrNumberQueuedCallbacks' },
    { name: 'ready', objectId: 'Sales_VQ', objectType: 'Queue', metric: 'CurrNumberReadyAgents' },
    { objectId: 'Sales_VQ', metric: 'ExpectedWaitTime' },
    { objectId: 'Nope_VQ', metric: 'CurrNumberWaitingCalls' },
  ],
};
const ask = (headers: Record<string, string> = {}) =>
  ctx.ges('POST', '/statistics/operations/get-statistic-ex', body, headers);
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('statistics/operations/get-statistic-ex', () => {
  it('answers 401 in the GES envelope until statistics credentials are registered', async () => {
    const reply = await ask();
    expect(reply.status).toBe(401);
    expect(reply.body.status).toMatchObject({ code: 401, corrId: expect.any(String) });
    expect(reply.body.data.code).toBe('STATISTICS_UNAUTHORIZED');
    const registered = await ctx.api.put('/api/v1/developer/credentials/statistics', {
      username: 'gws',
      password: 's3cret-pass',
    });
    expect(registered.body).toEqual({ username: 'gws', password: '••••••••', updatedAt: expect.any(String) });
    expect((await ctx.api.post('/api/v1/developer/credentials/statistics/test')).body.ok).toBe(true);
  });

  it('answers queue figures from the simulated contact center', async () => {
    await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550195',
      desiredTime: '2026-03-03T23:00:00.000Z',
    });
    const reply = await ask();
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const [queued, ready, ewt, unknown] = reply.body.data.statistics;
    expect(queued).toMatchObject({
      name: 'CurrNumberQueuedCallbacks',
      objectId: 'Sales_VQ',
      objectType: 'Queue',
      value: 0,
    });
    expect(ready).toMatchObject({ name: 'ready', value: expect.any(Number) });
    expect(ready.value).toBeGreaterThan(0);
    expect(ewt.value).toBe(-1);
    expect(unknown).toMatchObject({ value: null, error: 'SERVICE_NOT_FOUND' });
    expect((await ask({ authorization: basic('gws', 's3cret-pass') })).status).toBe(200);
    const wrong = await ask({ authorization: basic('gws', 'guess') });
    expect(wrong.status).toBe(401);
  });

  it('reuses an answer under cache-control max-age (at least 15 s), and computes afresh after it', async () => {
    const first = await ask({ 'cache-control': 'max-age=0' });
    const readyBefore = first.body.data.statistics[1].value as number;
    const agent = await ctx.api.put('/api/v1/agents/stat', {
      id: 'stat',
      name: 'Stat',
      skills: { Sales: 1 },
      state: 'Ready',
    });
    expect(agent.status).toBe(201);
    await ctx.advance(10);
    const cached = await ask({ 'cache-control': 'max-age=5' });
    expect(cached.body.data).toEqual(first.body.data);
    expect(cached.headers.get('age')).toBe('10');
    const fresh = await ask();
    expect(fresh.body.data.statistics[1].value).toBe(readyBefore + 1);
    await ctx.advance(20);
    const stale = await ask({ 'cache-control': 'max-age=15' });
    expect(stale.headers.get('age')).toBe('0');
    expect(stale.body.data.statistics[1].value).toBe(readyBefore + 1);
  });
});
