/** reCAPTCHA on every GES callback operation, against a local siteverify that checks the form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putGroup } from '../call-in/support.ts';
import { CAPTCHA_SECRET, fakesAndEnv, type GoogleFakes } from '../push/support.ts';
import { type Sales, startSales } from './support.ts';

let ctx: Sales;
let fakes: GoogleFakes;
let existing = '';

beforeAll(async () => {
  const setup = await fakesAndEnv();
  fakes = setup.fakes;
  ctx = await startSales(setup.env);
  await putGroup(ctx, 'Web', { numbers: [{ number: '+18005550350' }] });
  existing = (
    await ctx.ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', phoneNumber: '+14155550190' })
  ).body.data.id;
}, 180_000);
afterAll(async () => {
  await ctx?.started.stop();
  await fakes?.close();
});

const captcha = (changes: Record<string, unknown> = {}) =>
  ctx.api.put('/api/v1/developer/credentials/captcha', {
    enabled: true,
    type: 'v3',
    keySetName: 'Web v3',
    siteKey: '6Lc-site-key',
    secretKey: CAPTCHA_SECRET,
    scoreThreshold: 0.5,
    ...changes,
  });

/** Every GES callback operation, with the token placed where that operation takes it. */
function operations(): [string, (token?: string) => Promise<{ status: number; body: any }>][] {
  const post = (path: string, body: Record<string, unknown>) => (token?: string) =>
    ctx.ges('POST', path, { ...body, ...(token ? { captchaToken: token } : {}) });
  const get = (path: string) => (token?: string) =>
    ctx.ges('GET', `${path}${token ? `${path.includes('?') ? '&' : '?'}captchaToken=${token}` : ''}`);
  return [
    ['callbacks/create', post('/callbacks/create', { serviceName: 'Sales_VQ', phoneNumber: '+14155550191' })],
    ['callbacks/retrieve', post('/callbacks/retrieve', { id: existing })],
    ['callbacks/availability', get('/callbacks/availability/Sales_VQ')],
    ['callbacks/open-for', get('/callbacks/open-for/Sales_VQ')],
    ['callbacks/queue-status', get('/callbacks/queue-status/Sales_VQ')],
    ['estimated-wait-time', get('/estimated-wait-time?virtual-queues=Sales_VQ')],
    ['call-in/requests/create', post('/call-in/requests/create', { groupName: 'Web' })],
    ['callbacks/cancel', post('/callbacks/cancel', { id: existing })],
  ];
}

describe('CAPTCHA on the GES callback operations', () => {
  it('registers a key set with its secret masked, and renders its widget on the test page', async () => {
    const reply = await captcha();
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      enabled: true,
      type: 'v3',
      keySetName: 'Web v3',
      siteKey: '6Lc-site-key',
    });
    expect(JSON.stringify(reply.body)).not.toContain(CAPTCHA_SECRET);
    const page = await ctx.api.get('/api/v1/developer/credentials/captcha/test-page');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('https://www.google.com/recaptcha/api.js?render=6Lc-site-key');
    const tested = await ctx.api.post('/api/v1/developer/credentials/captcha/test', {
      token: fakes.captchaToken(),
    });
    expect(tested.body).toMatchObject({ ok: true, message: 'Success!', score: 0.9 });
  });

  it('requires a token (400), refuses a bad one (401), accepts a good one once, on every operation', async () => {
    await captcha();
    for (const [name, operation] of operations()) {
      const missing = await operation();
      expect(missing.status, name).toBe(400);
      expect(missing.body.data.code, name).toBe('CAPTCHA_REQUIRED');
      expect(missing.body.status.corrId, name).toEqual(expect.any(String));
      const bad = await operation('03A-not-issued');
      expect(bad.status, name).toBe(401);
      expect(bad.body.data.code, name).toBe('CAPTCHA_FAILED');
      const token = fakes.captchaToken();
      const good = await operation(token);
      expect(good.status, `${name}: ${JSON.stringify(good.body)}`).toBe(200);
      const replay = await operation(token);
      expect(replay.status, name).toBe(401);
      expect(replay.body.status.message, name).toContain('already used');
    }
    const last = fakes.verifications.at(-1)!;
    expect(last).toMatchObject({
      secret: CAPTCHA_SECRET,
      response: expect.stringMatching(/^03A/),
      remoteip: '127.0.0.1',
    });
  });

  it('refuses a v3 score under the threshold and a token solved on another hostname', async () => {
    await captcha({ scoreThreshold: 0.7 });
    const low = await ctx.ges(
      'GET',
      `/callbacks/queue-status/Sales_VQ?captchaToken=${fakes.captchaToken({ score: 0.3 })}`,
    );
    expect(low.status).toBe(401);
    expect(low.body.status.message).toContain('score 0.3');
    await captcha({ hostnames: ['shop.example.com'] });
    const elsewhere = await ctx.ges(
      'GET',
      `/callbacks/queue-status/Sales_VQ?captchaToken=${fakes.captchaToken({ hostname: 'evil.example.net' })}`,
    );
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.status.message).toContain('evil.example.net');
    const right = await ctx.ges(
      'GET',
      `/callbacks/queue-status/Sales_VQ?captchaToken=${fakes.captchaToken({ hostname: 'shop.example.com' })}`,
    );
    expect(right.status).toBe(200);
    // v2 has no score: only success and hostname count.
    await captcha({ type: 'v2-checkbox', hostnames: [] });
    const v2 = await ctx.ges(
      'GET',
      `/callbacks/queue-status/Sales_VQ?captchaToken=${fakes.captchaToken({ score: 0.1 })}`,
    );
    expect(v2.status).toBe(200);
  });

  it('is not asked for when CAPTCHA is disabled', async () => {
    await captcha({ enabled: false });
    existing = (
      await ctx.ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', phoneNumber: '+14155550192' })
    ).body.data.id;
    const before = fakes.verifications.length;
    for (const [name, operation] of operations()) expect((await operation()).status, name).toBe(200);
    expect(fakes.verifications.length).toBe(before);
  });
});
