/**
 * The content security policy leaves the product working: the editor signs in, lists the
 * applications and draws a seeded flow on the React Flow canvas, and the /docs page lists the
 * routes, all without one CSP violation reported by the browser.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserSession, openSession, signIn } from './support/session.ts';

let session: BrowserSession;
const violations: string[] = [];

beforeAll(async () => {
  session = await openSession({});
  const { page } = session;
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // Runs in the page; a string keeps DOM types out of the Node-side type check.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI))`);
}, 180_000);
afterAll(() => session?.close());

it('runs the editor and draws a flow under the policy', async () => {
  const { page, runtime } = session;
  const response = await page.goto(runtime.baseUrl);
  expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  await signIn(page, runtime);
  await page.goto(`${runtime.baseUrl}/#/applications/inbound-ivr`);
  await expect.poll(() => page.locator('.block-node').count(), { timeout: 60_000 }).toBeGreaterThan(2);
  expect(violations).toEqual([]);
});

it('runs the /docs page under the policy', async () => {
  const { page, runtime } = session;
  await page.goto(`${runtime.baseUrl}/docs`);
  await expect.poll(() => page.locator('details').count(), { timeout: 30_000 }).toBeGreaterThan(50);
  expect(violations).toEqual([]);
});
