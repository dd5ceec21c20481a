/**
 * A Callback Monitor of the Sales line in the Callback console, in a real browser: two lines of
 * business (Sales_VQ read by the Sales group, Service_VQ by the Service group) each hold booked
 * callbacks; the Monitor sees only Sales callbacks and queues, no Developer tab, and no create,
 * cancel, bulk-cancel, row selection, reschedule or cancellation-export control; opening
 * Service_VQ's Monitor page by its address shows none of its figures. Tools › Click-To-Call-In
 * Config shows her the groups to read, with no control to change them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { artifacts, type BrowserSession, openSession } from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;

const sales = ['+14155550901', '+14155550902'];
const service = ['+14155550951', '+14155550952'];
const rows = () => page.getByTestId('callback-rows').locator('tbody tr[data-index]');
const shot = (name: string) => page.screenshot({ path: `${artifacts}/access-console-${name}.png` });

const book = async (serviceName: string, phoneNumber: string) => {
  const reply = await api.request(
    'POST',
    '/engagement/v3/callbacks/create',
    { serviceName, phoneNumber, desiredTime: '2026-03-04T18:00:00.000Z' },
    { 'x-api-key': runtime.apiKey },
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
};

describe('a Callback Monitor of the Sales line in the console', () => {
  beforeAll(async () => {
    // Tuesday 3 March 2026, 09:00 in Los Angeles; the callbacks are booked for the next day.
    session = await openSession({
      env: { RINGBACK_CLOCK: 'virtual', RINGBACK_CLOCK_START: '2026-03-03T17:00:00Z' },
    });
    ({ runtime, page } = session);
    api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    const salesRow = (await api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    const created = await api.put('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Service_VQ', {
      ...salesRow,
      virtualQueue: 'Service_VQ',
    });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    for (const group of ['Sales', 'Service']) {
      expect((await api.put(`/api/v1/access-groups/${group}`, { roles: [] })).status).toBeLessThan(300);
    }
    for (const [queue, group] of [
      ['Sales_VQ', 'Sales'],
      ['Service_VQ', 'Service'],
    ] as const) {
      const set = await api.put(`/api/v1/queues/${queue}/permissions`, { folder: null, read: [group] });
      expect(set.status, JSON.stringify(set.body)).toBeLessThan(300);
    }
    const group = await api.put('/api/v1/call-in-groups/Mobile', { numbers: [{ number: '+18005550301' }] });
    expect(group.status, JSON.stringify(group.body)).toBeLessThan(300);
    for (const number of sales) await book('Sales_VQ', number);
    for (const number of service) await book('Service_VQ', number);
    const user = await api.post('/api/v1/users', {
      username: 'monica',
      password: 'monica-password',
      roles: ['callbackMonitor'],
      accessGroups: ['Sales'],
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    expect((await api.get('/api/v1/users/monica')).body.effectiveRoles).toEqual(['callbackMonitor']);
  }, 180_000);

  afterAll(() => session?.close());

  it('signs in and finds the console tabs but no Developer tab', async () => {
    await page.goto(runtime.baseUrl);
    await page.getByLabel('Username').fill('monica');
    await page.getByLabel('Password').fill('monica-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Callbacks' }).waitFor();
    const tabs = await nav.getByRole('link').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Callbacks', 'Monitor']));
    expect(tabs).toEqual(['Callbacks', 'Monitor', 'Reports', 'Tools']);
    for (const hidden of ['Developer', 'Applications', 'Callback settings', 'Users & access', 'Call-In']) {
      expect(tabs).not.toContain(hidden);
    }
  });

  it('lists only the Sales callbacks, with no create, cancel, bulk-cancel or reschedule control', async () => {
    await page.goto(`${runtime.baseUrl}/#/callbacks`);
    await page.getByLabel('Date range').selectOption('next7Days');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    const listed = (await page.getByTestId('callback-rows').textContent()) ?? '';
    for (const number of sales) expect(listed).toContain(number);
    for (const number of service) expect(listed).not.toContain(number);
    expect(listed).not.toContain('Service_VQ');
    const queueFilter = await page.getByLabel('Service filter').locator('option').allTextContents();
    expect(queueFilter).not.toContain('Service_VQ');
    await shot('callbacks');
    for (const control of [
      'Create callback',
      'Cancel all in range',
      /^Cancel \d+ selected$/,
      'Cancellation summary (CSV)',
    ]) {
      await expect
        .poll(() => page.getByRole('button', { name: control }).count(), { message: String(control) })
        .toBe(0);
    }
    // Selection serves only bulk cancel: no row or header checkbox for a Monitor.
    await expect.poll(() => page.getByTestId('callback-rows').getByRole('checkbox').count()).toBe(0);
    await rows()
      .first()
      .getByRole('button', { name: /^Open callback / })
      .click();
    await page.getByLabel('Advanced callback metrics').waitFor();
    for (const control of ['Reschedule', 'Cancel callback', 'Recreate']) {
      await expect
        .poll(() => page.getByRole('button', { name: control }).count(), { message: control })
        .toBe(0);
    }
    await shot('callback-details');
  });

  it('monitors only Sales queues, and a Service queue opened by address shows nothing of it', async () => {
    await page.goto(`${runtime.baseUrl}/#/monitor`);
    const queues = page.getByTestId('queues');
    await queues.locator('tr[data-queue="Sales_VQ"]').waitFor();
    await expect
      .poll(() => queues.locator('tr[data-queue]').evaluateAll((r) => r.map((e) => e.dataset.queue)))
      .toEqual(['Sales_VQ']);
    await shot('monitor');
    await page.goto(`${runtime.baseUrl}/#/monitor/Service_VQ`);
    // The runtime answers 404 for a queue the user may not read, as for one that does not exist.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^No queue Service_VQ/);
    await expect.poll(() => page.getByRole('figure').count()).toBe(0);
    await expect.poll(() => page.locator('.queue-day').textContent()).not.toContain('America/Los_Angeles');
    await shot('monitor-other-queue');
  });

  it('reads the Click-To-Call-In groups under Tools without any control to change them', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }).click();
    await page
      .getByRole('navigation', { name: 'Tools' })
      .getByRole('link', { name: 'Click-To-Call-In Config' })
      .click();
    await page.getByRole('button', { name: /^Mobile/ }).click();
    await expect.poll(() => page.getByLabel('DNIS (E.164)').first().inputValue()).toBe('+18005550301');
    await expect.poll(() => page.getByLabel('DNIS (E.164)').first().isDisabled()).toBe(true);
    for (const control of ['Create New Group', 'Save Group', 'Delete Group']) {
      await expect
        .poll(() => page.getByRole('button', { name: control }).count(), { message: control })
        .toBe(0);
    }
    await shot('call-in-config');
  });
});
