/**
 * The platform administrator creates a Callback Monitor of the Sales line in the Users screen;
 * the Monitor signs in (in the French she was given), sees no Designer, provisioning or access
 * tab, and her session reads only Sales callbacks: another line's callback is 404, creating,
 * cancelling and the Developer tab are refused. What the Callback console's screens show such a
 * Monitor is tested in access-console.e2e.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TUESDAY_9AM } from '../callbacks/support.ts';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { artifacts, type BrowserSession, openSession } from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;
const ids: Record<string, string> = {};

/** A request from the page, with the page's session cookie. */
const fromPage = (method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ([m, p, b]) => {
      const response = await fetch(p as string, {
        method: m as string,
        credentials: 'same-origin',
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    [method, path, body] as const,
  );

describe('a Monitor of the Sales line', () => {
  beforeAll(async () => {
    session = await openSession({ env: { RINGBACK_CLOCK: 'virtual', RINGBACK_CLOCK_START: TUESDAY_9AM } });
    ({ runtime, page } = session);
    api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    const sales = (await api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    await api.put('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Service_VQ', {
      ...sales,
      virtualQueue: 'Service_VQ',
    });
    await api.put('/api/v1/access-groups/Sales', { roles: [] });
    await api.put('/api/v1/access-groups/Service', { roles: [] });
    await api.put('/api/v1/queues/Sales_VQ/permissions', { folder: null, read: ['Sales'] });
    for (const [queue, number] of [
      ['Sales_VQ', '+14155550701'],
      ['Service_VQ', '+14155550702'],
    ] as const) {
      const reply = await api.post('/api/v1/callbacks', {
        serviceName: queue,
        phoneNumber: number,
        desiredTime: '2026-03-04T18:00:00.000Z',
      });
      expect(reply.status).toBe(201);
      ids[queue] = reply.body.id;
    }
  }, 180_000);

  afterAll(() => session?.close());

  it('is created by the administrator in the Users screen', async () => {
    await page.goto(runtime.baseUrl);
    await page.getByLabel('Password').fill(runtime.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Users & access' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill('sally');
    await form.getByLabel('Display name').fill('Sally Sales');
    await form.getByLabel('Password').fill('sally-password');
    await form.getByLabel('Language').selectOption('fr');
    await form.getByRole('checkbox', { name: 'Callback Monitor' }).check();
    await form.getByRole('checkbox', { name: 'Sales', exact: true }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Created sally.');
    const sally = (await api.get('/api/v1/users/sally')).body;
    expect(sally).toMatchObject({
      displayName: 'Sally Sales',
      accessGroups: ['Agents', 'Sales'],
      language: 'fr',
      effectiveRoles: ['callbackMonitor'],
    });
    await page.screenshot({ path: `${artifacts}/access-0-users.png` });
    await page.getByRole('link', { name: 'Access groups' }).click();
    await page.getByRole('article', { name: 'Sales' }).waitFor();
    await page.getByRole('link', { name: 'Lines of business' }).click();
    // Service_VQ is read by every group until the administrator gives it to the Service line here.
    const row = page.getByRole('row', { name: 'Service_VQ' });
    await expect.poll(() => row.textContent()).toContain('every group');
    await row.getByRole('checkbox', { name: 'Inherit' }).uncheck();
    await row.getByRole('checkbox', { name: 'Service', exact: true }).check();
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved Service_VQ.');
    expect((await api.get('/api/v1/queues/Service_VQ/permissions')).body).toMatchObject({
      read: ['Service'],
      effectiveRead: ['Service'],
    });
    await page.screenshot({ path: `${artifacts}/access-1-lines-of-business.png` });
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('signs in to her language and sees no tab her roles do not open', async () => {
    await page.getByLabel('Username').fill('sally');
    await page.getByLabel('Password').fill('sally-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    // Only the Callback console's tabs a Monitor may open: no Designer, access or Developer tab.
    const nav = page.getByRole('navigation', { name: 'Principal' }).getByRole('link');
    await expect
      .poll(() => nav.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .toEqual(['#/callbacks', '#/monitor', '#/reports', '#/tools']);
    for (const hidden of [
      '#/applications',
      '#/applications/sales-ivr',
      '#/callback-settings',
      '#/access/users',
    ]) {
      await page.goto(`${runtime.baseUrl}/${hidden}`);
      // A screen her roles do not open shows her first tab instead, the Callbacks list.
      await page.getByRole('heading', { name: 'Rappels' }).waitFor();
      await expect.poll(() => page.getByRole('heading').allTextContents()).toEqual(['Rappels']);
      expect(
        await page.getByRole('button', { name: /Créer|Nouvel utilisateur|Publish|Add row/ }).count(),
      ).toBe(0);
    }
    await page.screenshot({ path: `${artifacts}/access-2-monitor.png` });
  });

  it('reads only Sales callbacks and may not create, cancel or open the Developer tab', async () => {
    const listed = await fromPage('GET', '/api/v1/callbacks?pageSize=250');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([ids.Sales_VQ]);
    expect((await fromPage('GET', `/api/v1/callbacks/${ids.Service_VQ}`)).status).toBe(404);
    expect((await fromPage('GET', `/api/v1/callbacks/${ids.Sales_VQ}`)).status).toBe(200);
    const rows = await fromPage('GET', '/api/v1/data-tables/CALLBACK_SETTINGS/rows');
    expect(rows.body.items.map((r: { virtualQueue: string }) => r.virtualQueue)).toEqual(['Sales_VQ']);
    const create = await fromPage('POST', '/api/v1/callbacks', {
      serviceName: 'Sales_VQ',
      phoneNumber: '+14155550703',
    });
    expect(create.status).toBe(403);
    expect((await fromPage('POST', `/api/v1/callbacks/${ids.Sales_VQ}/cancel`)).status).toBe(403);
    expect((await fromPage('POST', '/api/v1/callbacks/bulk-cancel', { ids: [ids.Sales_VQ] })).status).toBe(
      403,
    );
    expect((await fromPage('GET', '/api/v1/developer/errors')).status).toBe(403);
    expect((await fromPage('GET', '/api/v1/applications')).status).toBe(403);
    expect((await fromPage('GET', '/api/v1/users')).status).toBe(403);
  });
});
