/**
 * How the editor reaches the browser: index.html is checked on every load, the content-named
 * assets are kept for a year and sent compressed to browsers that accept it, and a page opened on
 * a Designer address starts the Designer's code and first requests from its first script, which
 * the app then uses rather than asking again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserSession, openSession, signIn } from './support/session.ts';

let session: BrowserSession;

beforeAll(async () => {
  session = await openSession({});
}, 180_000);
afterAll(() => session?.close());

it('serves index.html for checking on every load and assets for a year, compressed when accepted', async () => {
  const { runtime } = session;
  const index = await fetch(runtime.baseUrl);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  const html = await index.text();
  const entry = /<script type="module" crossorigin src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  const first = /<script async src="(\/assets\/designer-preload-[^"]+\.js)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  expect(first).toBeDefined();

  const plain = await fetch(`${runtime.baseUrl}${entry}`, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(plain.headers.get('content-encoding')).toBeNull();
  const source = Buffer.from(await plain.arrayBuffer());

  for (const encoding of ['br', 'gzip']) {
    const reply = await fetch(`${runtime.baseUrl}${entry}`, { headers: { 'accept-encoding': encoding } });
    expect(reply.headers.get('content-encoding')).toBe(encoding);
    expect(reply.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decodes what it was sent: the same script.
    expect(Buffer.from(await reply.arrayBuffer()).equals(source)).toBe(true);
  }
});

it('opens a Designer address with one request each for the session, the draft and the blocks', async () => {
  const { page, runtime } = session;
  await page.goto(runtime.baseUrl);
  await signIn(page, runtime);
  const asked: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/') || path.startsWith('/assets/designer-screen')) asked.push(path);
  });
  await page.goto('about:blank');
  await page.goto(`${runtime.baseUrl}/#/applications/inbound-ivr`);
  await expect.poll(() => page.locator('.block-node').count(), { timeout: 60_000 }).toBeGreaterThan(2);
  const count = (path: string) => asked.filter((p) => p === path).length;
  expect(count('/api/v1/auth/me')).toBe(1);
  expect(count('/api/v1/applications/inbound-ivr')).toBe(1);
  expect(count('/api/v1/blocks')).toBe(1);
  // The Designer's code is asked for by the first script, before the entry checks the session.
  const designerCode = asked.findIndex((p) => p.startsWith('/assets/designer-screen'));
  expect(designerCode).toBeGreaterThanOrEqual(0);
  expect(designerCode).toBeLessThan(asked.indexOf('/api/v1/auth/me'));
});
