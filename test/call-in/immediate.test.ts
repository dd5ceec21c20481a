/** Click-To-Call-In (Immediate), the guide's scenario: request, call the number, match, route, agent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now, type Sales } from '../ges/support.ts';
import { assign, call, matchApplication, POOL, publish, putGroup, startCallIn } from './support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startCallIn();
  await putGroup(ctx, 'App', {
    numbers: POOL.slice(0, 2).map((number) => ({ number })),
    accessCode: { enabled: true, length: 6 },
    expirySeconds: 60,
  });
  await publish(
    ctx,
    matchApplication('immediate-match', ['accessCode', 'dnis'], {
      virtualQueue: 'Sales_VQ',
      skillExpression: 'Sales>0',
    }),
  );
  for (const number of POOL) await assign(ctx, number, 'immediate-match');
}, 180_000);
afterAll(() => ctx?.started.stop());

const request = async (body: Record<string, unknown>) => {
  const reply = await ctx.ges('POST', '/call-in/requests/create', { groupName: 'App', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data as { id: string; toPhoneNumber: string; accessCode: string; expirationTime: number };
};
const said = (view: { prompts: { text: string }[] }) => view.prompts.map((p) => p.text).join(' | ');
const outcomes = (view: { trace: { blockId: string; outcome?: string }[] }) =>
  view.trace.map((t) => `${t.blockId}:${t.outcome ?? ''}`);

describe('Click-To-Call-In (Immediate)', () => {
  it('answers the number and code, matches the call on them, and routes it to an agent', async () => {
    const at = await now(ctx);
    const reply = await ctx.ges('POST', '/call-in/requests/create', {
      groupName: 'App',
      fromPhoneNumber: '+14155550100',
      userData: { orderId: 'A-1' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.status.message).toBe('Successful');
    const data = reply.body.data;
    expect(data).toEqual({
      id: expect.any(String),
      toPhoneNumber: expect.stringMatching(/^\+1800555030[12]$/),
      accessCode: expect.stringMatching(/^\d{6}$/),
      expirationTime: at + 60_000,
      fromPhoneNumber: '+14155550100',
      groupName: 'App',
    });
    const view = await call(ctx, data.toPhoneNumber, '+14155550100', [`${data.accessCode}#`]);
    expect(outcomes(view)).toContain('match:match:accessCode+dnis');
    expect(outcomes(view)).toContain('route:routed');
    expect(view.variables.requestData).toEqual({ orderId: 'A-1' });
    expect(view.variables.RoutingAgentId).toEqual(expect.any(String));
    const records = await ctx.api.get('/api/v1/call-in-requests');
    const record = records.body.items.find((r: { id: string }) => r.id === data.id);
    expect(record).toMatchObject({ state: 'COMPLETED', matchedOn: 'accessCode+dnis', accessCode: true });
    expect(JSON.stringify(records.body)).not.toContain(data.accessCode);
    // Used once: the same code again finds nothing.
    const again = await call(ctx, data.toPhoneNumber, '+14155550100', [`${data.accessCode}#`]);
    expect(said(again)).toContain('We could not find your request.');
  });

  it('does not match a wrong code, nor the right code on another pool number, and the caller may try again', async () => {
    const data = await request({});
    const wrongCode = data.accessCode === '000000' ? '111111' : '000000';
    // The number matches, the code does not: only the DNIS port, and the request stays pending.
    const first = await call(ctx, data.toPhoneNumber, '+14155550101', [`${wrongCode}#`]);
    expect(outcomes(first)).toContain('match:match:dnis');
    expect(said(first)).toContain('We could not find your request.');
    const otherNumber = POOL.find((n) => n !== data.toPhoneNumber)!;
    const second = await call(ctx, otherNumber, '+14155550101', [`${data.accessCode}#`]);
    expect(outcomes(second)).toContain('match:match:accessCode');
    expect(said(second)).toContain('We could not find your request.');
    const third = await call(ctx, data.toPhoneNumber, '+14155550101', [`${data.accessCode}#`]);
    expect(outcomes(third)).toContain('match:match:accessCode+dnis');
  });

  it('matches nothing once the request expired, and lists it as EXPIRED', async () => {
    const data = await request({});
    await ctx.advance(61);
    const view = await call(ctx, data.toPhoneNumber, '+14155550102', [`${data.accessCode}#`]);
    expect(outcomes(view)).toContain('match:nothingMatched');
    const records = await ctx.api.get(`/api/v1/call-in-requests?search=${data.id}&field=id`);
    expect(records.body).toMatchObject({ total: 1, items: [{ id: data.id, state: 'EXPIRED' }] });
    const expired = await ctx.api.get('/api/v1/call-in-requests?search=expired&field=state');
    expect(expired.body.items.map((r: { id: string }) => r.id)).toContain(data.id);
  });

  it('hands the pool out fairly: the least recently used number first', async () => {
    await putGroup(ctx, 'Fair', { numbers: POOL.map((number) => ({ number })) });
    const given: string[] = [];
    for (let i = 0; i < 6; i++) {
      given.push(
        (await ctx.ges('POST', '/call-in/requests/create', { groupName: 'Fair' })).body.data.toPhoneNumber,
      );
      await ctx.advance(1);
    }
    expect(given).toEqual([...POOL, ...POOL]);
  });

  it('reports the real total with an empty page when asked for a page past the end', async () => {
    const page = (n: number) =>
      ctx.api.get(`/api/v1/call-in-requests?search=Fair&field=groupName&pageSize=4&page=${n}`);
    const last = await page(2);
    expect(last.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(last.body.items).toHaveLength(2);
    const past = await page(3);
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ items: [], total: 6, page: 3, pageSize: 4 });
    const none = await ctx.api.get('/api/v1/call-in-requests?search=no-such-group&field=groupName');
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('never hands out a unique number in use, answers 429 when all are, and frees them at expiry', async () => {
    const unique = ['+18005550311', '+18005550312'];
    await putGroup(ctx, 'Unique', {
      numbers: unique.map((number) => ({ number })),
      uniqueDnis: true,
      expirySeconds: 30,
    });
    // Eight at once for two numbers: each number goes to one request, the six others wait.
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => ctx.ges('POST', '/call-in/requests/create', { groupName: 'Unique' })),
    );
    const ok = replies.filter((r) => r.status === 200).map((r) => r.body.data.toPhoneNumber);
    expect(ok.sort()).toEqual(unique);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(6);
    const refused = replies.find((r) => r.status !== 200)!;
    expect(refused.body.data.code).toBe('DNIS_POOL_EXHAUSTED');
    expect(refused.headers.get('retry-after')).toBe('30');
    await ctx.advance(31);
    const later = await ctx.ges('POST', '/call-in/requests/create', { groupName: 'Unique' });
    expect(later.status).toBe(200);
  });

  it('answers 404 for an unknown group and 400 for a bad body, in the GES envelope', async () => {
    const unknown = await ctx.ges('POST', '/call-in/requests/create', { groupName: 'Nope' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.data.code).toBe('CALL_IN_GROUP_NOT_FOUND');
    const bad = await ctx.ges('POST', '/call-in/requests/create', { group: 'App' });
    expect(bad.status).toBe(400);
    expect(bad.body.status.corrId).toEqual(expect.any(String));
  });
});
