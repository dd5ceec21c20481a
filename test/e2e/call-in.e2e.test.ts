/**
 * Click-To-Call-In screens in a real browser against the real runtime: Tools › Click-To-Call-In
 * Config, a page of the Tools tab (create a group, a bulk import refused line by line, then
 * accepted, a group deleted through the console's own dialog), the Call-In tab
 * listing a request made through GES, and the CAPTCHA test page with the registered site key
 * (Google's script cannot load here, so the test stops at the page).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { artifacts, type BrowserSession, openSession, recordNativeDialogs } from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;
let nativeDialogs: string[] = [];

describe('Click-To-Call-In screens', () => {
  beforeAll(async () => {
    session = await openSession({ signIn: true });
    ({ runtime, page } = session);
    nativeDialogs = recordNativeDialogs(page);
    api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
  }, 180_000);
  afterAll(() => session?.close());

  it('creates a group, reports a bad CSV line by line, then imports the pool', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Tools' }).click();
    // A page of the Tools tab, not a tab of its own.
    await expect.poll(() => nav.getByRole('link', { name: 'Click-To-Call-In Config' }).count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Tools' })
      .getByRole('link', { name: 'Click-To-Call-In Config' })
      .click();
    await page.getByRole('heading', { name: 'Click-To-Call-In Config' }).waitFor();
    await expect
      .poll(() => nav.getByRole('link', { name: 'Tools' }).getAttribute('aria-current'))
      .toBe('page');
    await page.getByRole('button', { name: 'Create New Group' }).click();
    await page.getByLabel('Group name').fill('Mobile App');
    await page.getByLabel('DNIS (E.164)').first().fill('+18005550301');
    await page.getByRole('button', { name: 'Save Group' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved Mobile App.');
    await expect.poll(() => page.getByLabel('Group name').getAttribute('readonly')).not.toBeNull();

    const importer = page.getByLabel('Bulk Import From File');
    await importer.setInputFiles({
      name: 'pool.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('+18005550302,front desk\nnot-a-number,\n'),
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('/lines/2/number');
    await importer.setInputFiles({
      name: 'pool.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('+18005550302,front desk\n+18005550303,\n'),
    });
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Imported the DNIS pool of Mobile App.');
    await expect.poll(() => page.getByLabel('DNIS (E.164)').count()).toBe(2);
    expect((await api.get('/api/v1/call-in-groups/Mobile%20App')).body.numbers).toEqual([
      { number: '+18005550302', description: 'front desk' },
      { number: '+18005550303', description: '' },
    ]);
    await page.screenshot({ path: `${artifacts}/call-in-config.png` });
  });

  it('opens the page at its former address and deletes a group through the console dialog', async () => {
    const spare = await api.put('/api/v1/call-in-groups/Spare', { numbers: [{ number: '+18005550399' }] });
    expect(spare.status, JSON.stringify(spare.body)).toBeLessThan(300);
    // A fresh load at the address the page had as a tab of its own.
    await page.goto(`${runtime.baseUrl}/#/tools/call-in-config`);
    await page.reload();
    await page.getByRole('heading', { name: 'Tools' }).waitFor();
    await page.getByRole('button', { name: /^Spare/ }).click();
    await expect.poll(() => page.getByLabel('Group name').inputValue()).toBe('Spare');
    await page.getByRole('button', { name: 'Delete Group' }).click();
    const dialog = page.getByTestId('delete-group-dialog');
    await dialog.waitFor();
    await expect
      .poll(() => dialog.textContent())
      .toContain('The group Spare and its DNIS pool of 1 number will be deleted');
    await page.screenshot({ path: `${artifacts}/call-in-config-delete.png` });
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await api.get('/api/v1/call-in-groups/Spare')).status).toBe(200);
    await page.getByRole('button', { name: 'Delete Group' }).click();
    await dialog.getByRole('button', { name: 'Delete Group' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Deleted Spare.');
    expect((await api.get('/api/v1/call-in-groups/Spare')).status).toBe(404);
    expect(nativeDialogs).toEqual([]);
  });

  it('lists a Call-In request made through GES', async () => {
    const made = await api.request(
      'POST',
      '/engagement/v3/call-in/requests/create',
      { groupName: 'Mobile App', fromPhoneNumber: '+14155550123' },
      { 'x-api-key': runtime.apiKey },
    );
    expect(made.status).toBe(200);
    await page.getByRole('link', { name: 'Call-In', exact: true }).click();
    await page.getByRole('heading', { name: 'Call-In', exact: true }).waitFor();
    await page.getByLabel('Time range').selectOption('all');
    const row = page.locator('tr', { hasText: made.body.data.id });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('+14155550123');
    await expect.poll(() => row.textContent()).toMatch(/Pending|Expired/);
  });

  it('renders the CAPTCHA test page for the registered key set', async () => {
    const registered = await api.put('/api/v1/developer/credentials/captcha', {
      enabled: false,
      type: 'v2-checkbox',
      keySetName: 'Website v2',
      siteKey: '6Lc-site-key-e2e',
      secretKey: 'secret',
    });
    expect(registered.status).toBe(200);
    await page.goto(`${runtime.baseUrl}/api/v1/developer/credentials/captcha/test-page`);
    await expect.poll(() => page.locator('#key-set').textContent()).toBe('Website v2');
    await expect
      .poll(() => page.locator('.g-recaptcha').getAttribute('data-sitekey'))
      .toBe('6Lc-site-key-e2e');
    expect(await page.locator('script[src*="recaptcha/api.js"]').count()).toBe(1);
  });
});
