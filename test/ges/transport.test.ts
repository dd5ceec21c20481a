import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGesError, type Sales, startSales, uuid } from './support.ts';

let ctx: Sales;
beforeAll(async () => {
  // A small body limit, so a too-large body is sent whole before the 413 answers.
  ctx = await startSales({ RINGBACK_MAX_BODY_BYTES: '65536' });
  const reply = await ctx.api.put('/api/v1/developer/cors-origins', { origins: ['https://shop.example'] });
  expect(reply.body).toEqual({ origins: ['https://shop.example'] });
});
afterAll(() => ctx?.started.stop());

const endpoints: [string, string, unknown?][] = [
  ['POST', '/callbacks/create', { serviceName: 'Sales_VQ', phoneNumber: '+14155550401' }],
  ['POST', '/callbacks/retrieve', { id: '00000000-0000-4000-8000-000000000000' }],
  ['POST', '/callbacks/cancel', { id: '00000000-0000-4000-8000-000000000000' }],
  ['GET', '/callbacks/availability/Sales_VQ'],
  ['GET', '/callbacks/open-for/Sales_VQ'],
  ['GET', '/callbacks/queue-status/Sales_VQ'],
  ['GET', '/estimated-wait-time?virtual-queues=Sales_VQ'],
];

describe('GES transport', () => {
  it('answers 401 in the envelope on every endpoint when x-api-key is missing or unknown', async () => {
    for (const [method, path, body] of endpoints) {
      const missing = await ctx.api.request(method, `/engagement/v3${path}`, body, { 'x-api-key': '' });
      await expectGesError(ctx, missing, 401, 'INVALID_API_KEY');
      const wrong = await ctx.ges(method, path, body, { 'x-api-key': 'rbk_not_a_key' });
      await expectGesError(ctx, wrong, 401, 'INVALID_API_KEY');
      expect(wrong.body.status.message).not.toBe(missing.body.status.message);
    }
  });

  it('answers 200 with message Successful and a fresh corrId per request', async () => {
    const a = await ctx.ges('GET', '/callbacks/open-for/Sales_VQ');
    const b = await ctx.ges('GET', '/callbacks/open-for/Sales_VQ');
    for (const reply of [a, b]) {
      expect(reply.status).toBe(200);
      expect(reply.body.status).toEqual({
        code: 200,
        message: 'Successful',
        corrId: expect.stringMatching(uuid),
      });
      expect(reply.headers.get('content-type')).toContain('application/json');
    }
    expect(a.body.status.corrId).not.toBe(b.body.status.corrId);
  });

  it('records no error for a successful request', async () => {
    const ok = await ctx.ges('GET', '/callbacks/queue-status/Sales_VQ');
    const found = await ctx.api.get(`/api/v1/developer/errors?corrId=${ok.body.status.corrId}`);
    expect(found.body.items).toEqual([]);
  });

  it('lists recorded errors newest first with method, path and status', async () => {
    const bad = await ctx.ges('POST', '/callbacks/retrieve', { id: 'nope' });
    const list = await ctx.api.get('/api/v1/developer/errors');
    expect(list.body.items[0]).toMatchObject({
      corrId: bad.body.status.corrId,
      method: 'POST',
      path: '/engagement/v3/callbacks/retrieve',
      status: 404,
      at: expect.any(String),
    });
  });

  it('gives CORS headers to an allowed origin only', async () => {
    const allowed = await ctx.ges('GET', '/callbacks/open-for/Sales_VQ', undefined, {
      origin: 'https://shop.example',
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const other = await ctx.ges('GET', '/callbacks/open-for/Sales_VQ', undefined, {
      origin: 'https://evil.example',
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // An error answer to an allowed origin carries the headers too, so the browser can read it.
    const error = await ctx.ges('GET', '/callbacks/open-for/Nope_VQ', undefined, {
      origin: 'https://shop.example',
    });
    expect(error.status).toBe(404);
    expect(error.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('answers a preflight for an allowed origin with the methods and headers, and nothing for others', async () => {
    const preflight = (origin: string) =>
      fetch(`${ctx.started.baseUrl}/engagement/v3/callbacks/create`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-api-key',
        },
      });
    const allowed = await preflight('https://shop.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-api-key');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('stops CORS for an origin once it is removed from the allow-list', async () => {
    await ctx.api.put('/api/v1/developer/cors-origins', { origins: ['https://other.example'] });
    const reply = await ctx.ges('GET', '/callbacks/open-for/Sales_VQ', undefined, {
      origin: 'https://shop.example',
    });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    await ctx.api.put('/api/v1/developer/cors-origins', { origins: ['https://shop.example'] });
  });

  it('answers an unknown route, a wrong method, a too large body and a non-JSON body in the envelope', async () => {
    const unknown = await ctx.ges('GET', '/callbacks/nothing-here');
    await expectGesError(ctx, unknown, 404, 'ROUTE_NOT_FOUND');
    await expectGesError(ctx, await ctx.ges('POST', ''), 404, 'ROUTE_NOT_FOUND');
    const wrongMethod = await ctx.ges('GET', '/callbacks/create');
    await expectGesError(ctx, wrongMethod, 405, 'METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const wrongOnParam = await ctx.ges('DELETE', '/callbacks/availability/Sales_VQ');
    await expectGesError(ctx, wrongOnParam, 405, 'METHOD_NOT_ALLOWED');
    expect(wrongOnParam.headers.get('allow')).toBe('GET');
    const large = await ctx.ges('POST', '/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550499',
      userData: { blob: 'x'.repeat(ctx.started.runtime.config.maxBodyBytes) },
    });
    await expectGesError(ctx, large, 413, 'PAYLOAD_TOO_LARGE');
    const text = await ctx.ges(
      'POST',
      '/callbacks/create',
      JSON.stringify({ serviceName: 'Sales_VQ', phoneNumber: '+14155550498' }),
      { 'content-type': 'text/plain' },
    );
    await expectGesError(ctx, text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    for (const reply of [unknown, wrongMethod, large, text])
      expect(reply.headers.get('content-type')).toContain('application/json');
  });
});
