/**
 * Guessing is slow: wrong passwords per account and wrong passwords or API keys per client
 * address are counted in the database, so two runtimes sharing it count the same guesses. Past
 * the limit: 429, Retry-After, code RATE_LIMITED, and one recorded lockout. Also the session
 * cookie's Secure flag behind a trusted proxy, and the security headers.
 * On PostgreSQL the two runtimes are separate (pools, caches) over one database; PGlite belongs
 * to one process, so there both names are the same runtime.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../support/client.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

const perAccount = 5;
const perAddress = 35;
const settings = {
  RINGBACK_GUESSES_PER_ACCOUNT: String(perAccount),
  RINGBACK_GUESSES_PER_ADDRESS: String(perAddress),
  RINGBACK_GUESS_WINDOW_MINUTES: '15',
  RINGBACK_ENGINE: 'off',
};

// Sign-ins check scrypt hashes one after another: slow on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

let database: Awaited<ReturnType<typeof freshDatabaseUrl>> | undefined;
let a: StartedRuntime;
let b: StartedRuntime;
let admin: ApiClient;

beforeAll(async () => {
  if (testDatabaseKind === 'postgres') {
    database = await freshDatabaseUrl('postgres');
    // `a` sits behind a trusted proxy (this test); `b` believes no forwarded header.
    a = await startRuntime({
      ...settings,
      DATABASE_URL: database.url,
      RINGBACK_TRUSTED_PROXIES: '127.0.0.1',
    });
    b = await startRuntime({ ...settings, DATABASE_URL: database.url });
  } else {
    a = b = await startRuntime({ ...settings, RINGBACK_TRUSTED_PROXIES: '127.0.0.1' });
  }
  admin = await new ApiClient(a.baseUrl).login('admin', a.adminPassword);
  for (const username of ['guessed', 'raced', 'neighbour']) {
    const created = await admin.post('/api/v1/users', {
      username,
      password: `${username}-right-password`,
      roles: ['developer'],
    });
    expect(created.status).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await a?.stop();
  if (b !== a) await b?.stop();
  await database?.drop();
});

const login = (
  runtime: StartedRuntime,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) => new ApiClient(runtime.baseUrl).request('POST', '/api/v1/auth/login', { username, password }, headers);

describe('password guesses', () => {
  it('takes a few wrong passwords per account across both runtimes, then refuses even the right one', async () => {
    const replies = [];
    for (let i = 0; i < perAccount + 3; i++)
      replies.push(await login(i % 2 ? b : a, 'guessed', `wrong-${i}`));
    expect(replies.map((r) => r.status)).toEqual([...Array(perAccount).fill(401), 429, 429, 429]);
    const refused = replies.at(-1)!;
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await login(b, 'guessed', 'guessed-right-password')).status).toBe(429);
    // Another account from the same address is not locked.
    expect((await login(a, 'neighbour', 'neighbour-right-password')).status).toBe(200);
  });

  it('counts concurrent guesses exactly: no more than the limit are checked', async () => {
    const began = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(i % 2 ? b : a, 'raced', `wrong-${i}`)),
    );
    const seconds = (performance.now() - began) / 1000;
    const checked = replies.filter((r) => r.status === 401).length;
    expect(replies.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(checked).toBe(perAccount);
    console.log(
      `login guesses: ${replies.length} sent in ${seconds.toFixed(1)} s over two runtimes, ${checked} checked; ` +
        `then locked for 15 min: at most ${perAccount} accepted per minute per account (${perAccount} per 15 minutes)`,
    );
  });

  it('records one lockout per locked account, visible in the Developer tab', async () => {
    const lockouts = (await admin.get('/api/v1/developer/lockouts')).body.items;
    const accounts = lockouts.filter((l: any) => l.scope === 'account').map((l: any) => l.account);
    expect(accounts.sort()).toEqual(['guessed', 'raced']);
    expect(lockouts[0]).toMatchObject({ kind: 'login', clientAddress: '127.0.0.1' });
  });

  it('throttles a client address across accounts, and believes X-Forwarded-For only from a trusted proxy', async () => {
    // Through `a` (behind the trusted proxy) the forwarded address is the client's.
    const forwarded = { 'x-forwarded-for': '198.51.100.9, 203.0.113.7' };
    const statuses = [];
    for (let i = 0; i < perAddress + 1; i++)
      statuses.push((await login(a, `nobody-${i}`, 'wrong-password', forwarded)).status);
    expect(statuses.slice(0, perAddress).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const lockouts = (await admin.get('/api/v1/developer/lockouts')).body.items;
    expect(lockouts[0]).toMatchObject({ scope: 'address', clientAddress: '203.0.113.7', account: null });
    // The address 127.0.0.1 itself is not locked: the admin still signs in.
    expect((await login(a, 'admin', a.adminPassword)).status).toBe(200);
    if (b !== a) {
      // `b` trusts no proxy: the same header is the client's own say, and ignored.
      expect((await login(b, 'neighbour', 'neighbour-right-password', forwarded)).status).toBe(200);
    }
  });
});

describe('API key guesses', () => {
  it('locks a client address out after a few wrong keys across both runtimes, even for the right key', async () => {
    const ges = (runtime: StartedRuntime, key: string, headers: Record<string, string> = {}) =>
      new ApiClient(runtime.baseUrl).request(
        'POST',
        '/engagement/v3/callbacks/retrieve',
        { id: 'x' },
        {
          'x-api-key': key,
          ...headers,
        },
      );
    const statuses = [];
    for (let i = 0; i < perAddress + 2; i++)
      statuses.push((await ges(i % 2 ? b : a, `rbk_guess_${i}_0000000000`)).status);
    expect(statuses).toEqual([...Array(perAddress).fill(401), 429, 429]);
    const refused = await ges(b, b.apiKey);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: { code: 429 }, data: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    // Another client (forwarded by the trusted proxy) goes on with the right key.
    expect((await ges(a, a.apiKey, { 'x-forwarded-for': '192.0.2.44' })).status).toBe(404);
  });
});

describe('the session cookie and security headers', () => {
  it('marks the cookie Secure when a trusted proxy says the request came over TLS', async () => {
    const tls = { 'x-forwarded-proto': 'https' };
    const secure = await login(a, 'admin', a.adminPassword, tls);
    expect(secure.headers.get('set-cookie')).toMatch(/rb_session=.*; Secure/);
    const plain = await login(a, 'admin', a.adminPassword);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
    if (b !== a) {
      const untrusted = await login(b, 'admin', b.adminPassword, tls);
      expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
    }
  });

  it('sends a content security policy, frame-ancestors, nosniff and a referrer policy on the UI and the APIs', async () => {
    for (const path of [
      '/',
      '/docs',
      '/api/v1/blocks',
      '/engagement/v3/estimated-wait-time',
      '/api/v1/nope',
    ]) {
      const response = await fetch(a.baseUrl + path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it("allows the /docs page's inline script by its hash, and no other inline script", async () => {
    const response = await fetch(`${a.baseUrl}/docs`);
    const page = await response.text();
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(page)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`script-src 'self' 'unsafe-eval' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("'unsafe-inline' 'sha256");
    expect((await fetch(`${a.baseUrl}/`)).headers.get('content-security-policy')).not.toContain('sha256');
  });
});
