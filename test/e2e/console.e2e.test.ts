/**
 * The Callback console in a real browser against a real runtime on a virtual clock: callbacks
 * booked through the GES API are found, opened, rescheduled, cancelled and bulk-cancelled (one
 * PROCESSING among them is skipped), exported; a capacity rule is built with Set Day and a pasted
 * statement, converted and assigned; a number is tested; an error is found by corrId; the Monitor
 * follows the clock; the language switches. Every tab is saved as a screenshot.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbacks } from '../../runtime/db/schema.ts';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import {
  artifacts,
  type BrowserSession,
  openSession,
  recordNativeDialogs,
  signIn,
} from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;
let nativeDialogs: string[] = [];
const booked: Record<string, string> = {};

const ges = async (body: Record<string, unknown>) => {
  const reply = await api.request(
    'POST',
    '/engagement/v3/callbacks/create',
    { serviceName: 'Sales_VQ', ...body },
    {
      'x-api-key': runtime.apiKey,
    },
  );
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data.id as string;
};
const record = async (id: string) => (await api.get(`/api/v1/callbacks/${id}`)).body;
const shot = (name: string) => page.screenshot({ path: `${artifacts}/console-${name}.png` });
const rows = () => page.getByTestId('callback-rows').locator('tbody tr[data-index]');

describe('the Callback console', () => {
  beforeAll(async () => {
    // Tuesday 3 March 2026, 09:00 in Los Angeles: Sales is open and the March capacity rule applies.
    session = await openSession({
      env: { RINGBACK_CLOCK: 'virtual', RINGBACK_CLOCK_START: '2026-03-03T17:00:00Z' },
      page: { viewport: { width: 1280, height: 720 }, acceptDownloads: true },
    });
    ({ runtime, page } = session);
    api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    nativeDialogs = recordNativeDialogs(page);
    booked.scheduledSoon = await ges({
      phoneNumber: '+14155550801',
      desiredTime: '2026-03-03T19:00:00.000Z',
    });
    booked.tomorrow = await ges({ phoneNumber: '+14155550802', desiredTime: '2026-03-04T18:00:00.000Z' });
    booked.processing = await ges({ phoneNumber: '+14155550803', desiredTime: '2026-03-04T19:00:00.000Z' });
    booked.immediate = await ges({ phoneNumber: '+14155550804' });
    await signIn(page, runtime);
  }, 180_000);

  afterAll(() => session?.close());

  it('lists the callbacks of "Next 7 Days", finds one by search and opens its advanced metrics', async () => {
    await page.goto(`${runtime.baseUrl}/#/callbacks`);
    await page.getByLabel('Date range').selectOption('next7Days');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(4);
    // Born scheduled: the calendar mark; the immediate one has none.
    await expect
      .poll(() => page.getByRole('img', { name: 'Booked as a scheduled callback' }).count())
      .toBe(3);
    await shot('callbacks');
    await page.getByLabel('Search', { exact: true }).fill('550802');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: `Open callback ${booked.tomorrow}` }).click();
    await page.getByLabel('Advanced callback metrics').check();
    const audit = page.getByRole('table', { name: 'Audit trail' });
    await expect.poll(() => audit.textContent(), { timeout: 10_000 }).toContain('SCHEDULED');
    await shot('callback-metrics');
  });

  it('reschedules into a free slot of the queue, shown in its time zone', async () => {
    await page.getByRole('button', { name: 'Reschedule' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('America/Los_Angeles');
    const slot = dialog.locator('select');
    await expect.poll(() => slot.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const chosen = await slot.locator('option').nth(3).getAttribute('value');
    await slot.selectOption(chosen!);
    await shot('reschedule');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await expect.poll(async () => (await record(booked.tomorrow!)).desiredTime).toBe(chosen);
    const last = (await record(booked.tomorrow!)).audit.at(-1);
    expect(last).toMatchObject({ reason: 'RESCHEDULED', actor: 'ui:admin' });
  });

  it('cancels one callback from its row', async () => {
    await page.getByLabel('Search', { exact: true }).fill('550801');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: `Open callback ${booked.scheduledSoon}` }).click();
    await page.getByRole('button', { name: 'Cancel callback' }).click();
    await expect
      .poll(async () => (await record(booked.scheduledSoon!)).callbackReason, { timeout: 10_000 })
      .toBe('CANCELLED_BY_ADMIN');
    await expect.poll(() => rows().first().textContent()).toContain('CANCELLED_BY_ADMIN');
  });

  it('bulk-cancels the whole range, skipping the PROCESSING callback and saying so', async () => {
    await runtime.runtime.db
      .update(callbacks)
      .set({ state: 'PROCESSING' })
      .where(eq(callbacks.id, booked.processing!));
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.getByTestId('callback-rows').textContent()).toContain('PROCESSING');
    await page.getByRole('button', { name: 'Cancel all in range' }).click();
    // The console's own dialog says what will happen before anything is cancelled.
    const dialog = page.getByTestId('bulk-cancel-dialog');
    await dialog.waitFor();
    const states = await Promise.all(
      Object.values(booked).map(async (id) => (await record(id)).callbackState),
    );
    const count = states.filter((state) => state !== 'PROCESSING' && state !== 'COMPLETED').length;
    expect(count).toBeGreaterThan(0);
    await expect
      .poll(() => dialog.textContent())
      .toMatch(new RegExp(`${count} callbacks? of the current range .*will be cancelled`));
    await expect
      .poll(() => dialog.textContent())
      .toContain('1 PROCESSING callback (its customer is in conversation) will be skipped.');
    await expect.poll(() => dialog.textContent()).toContain('1 callback already completed stays as it is.');
    await shot('bulk-cancel-dialog');
    await dialog.getByRole('button', { name: 'Keep them' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await record(booked.tomorrow!)).callbackState).not.toBe('COMPLETED');
    await page.getByRole('button', { name: 'Cancel all in range' }).click();
    await dialog.getByRole('button', { name: /^Cancel \d+ callbacks?$/ }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'cancelled' }).textContent(), {
        timeout: 10_000,
      })
      .toMatch(/cancelled, 1 skipped/);
    expect((await record(booked.processing!)).callbackState).toBe('PROCESSING');
    expect((await record(booked.tomorrow!)).callbackReason).toBe('CANCELLED_BY_ADMIN');
    await shot('bulk-cancel');
    expect(nativeDialogs).toEqual([]);
  });

  it('exports the current list and the cancellation summary as CSV', async () => {
    const [list] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export list (CSV)' }).click(),
    ]);
    const text = readFileSync((await list.path())!, 'utf8');
    expect(text.split('\n')[0]).toContain('state');
    expect(text).toContain('+14155550802');
    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Cancellation summary (CSV)' }).click(),
    ]);
    const cancelled = readFileSync((await summary.path())!, 'utf8');
    expect(cancelled).toContain(booked.scheduledSoon);
    expect(cancelled).toContain('CANCELLED_BY_ADMIN');
  });

  it('builds a capacity rule with Set Day and a pasted statement, converts it 30→60 and assigns it', async () => {
    await page.goto(`${runtime.baseUrl}/#/tools/capacity`);
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Launch');
    await page.getByLabel('Set Day Mon').fill('4');
    await page.getByLabel('Set Day Mon').press('Tab');
    await expect.poll(() => page.getByLabel('Mon 13:00').inputValue()).toBe('4');
    // Pasting a statement replaces the rule: Monday's values are gone.
    await page.evaluate(`(() => {
      const editor = document.querySelector('[data-testid="capacity-editor"]');
      const data = new DataTransfer();
      data.setData('text/plain', '{"days":{"tue":{"09:00":8,"09:30":10,"10:00":8,"10:30":10}},"duration":30}');
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => page.getByLabel('Tue 09:30').inputValue()).toBe('10');
    await expect.poll(() => page.getByLabel('Mon 13:00').inputValue()).toBe('');
    await page.getByLabel('Timeslot length').selectOption('60');
    await expect.poll(() => page.getByLabel('Tue 10:00').inputValue()).toBe('8');
    await expect.poll(() => page.getByLabel('Tue 10:30').count()).toBe(0);
    await shot('tools-capacity');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect
      .poll(async () => (await api.get('/api/v1/capacity-rules/Launch')).body.rule)
      .toMatchObject({ duration: 60, days: { tue: { '09:00': 8, '10:00': 8 } } });
    await page.goto(`${runtime.baseUrl}/#/tools/queues`);
    await page.getByLabel('Capacity rule of Sales_VQ').selectOption('Launch');
    await expect
      .poll(async () => (await api.get('/api/v1/queues/Sales_VQ/rules')).body.capacityRule)
      .toBe('Launch');
    await shot('tools-queues');
  });

  it('tests numbers against a validation rule and gives the reason for a refusal', async () => {
    await page.goto(`${runtime.baseUrl}/#/tools/number-validation`);
    await page.getByRole('button', { name: /North_America/ }).click();
    await page.getByLabel('Number to test').fill('+33123456789');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => page.getByTestId('number-result').textContent()).toMatch(/^Refused: [A-Z_]+/);
    await shot('tools-number');
    await page.getByLabel('Number to test').fill('+14155550123');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => page.getByTestId('number-result').textContent()).toBe('Accepted as +14155550123');
  });

  it('finds a GES error by its correlation id', async () => {
    const bad = await api.request(
      'POST',
      '/engagement/v3/callbacks/create',
      { serviceName: 'Nope_VQ', phoneNumber: '+14155550999' },
      {
        'x-api-key': runtime.apiKey,
      },
    );
    const corrId = bad.body.status.corrId as string;
    await page.goto(`${runtime.baseUrl}/#/developer`);
    await page.getByLabel('Correlation id').fill(corrId);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.getByTestId('errors').locator('tbody tr').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('errors').textContent())
      .toContain('/engagement/v3/callbacks/create');
    await shot('developer');
  });

  it('revokes an API key through a dialog that names the key', async () => {
    const created = await api.post('/api/v1/developer/api-keys', { name: 'Partner app' });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const key = created.body as { id: string; key: string; keyPrefix: string };
    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Revoke Partner app' }).click();
    const dialog = page.getByTestId('revoke-key-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Revoke the key "Partner app"?');
    await expect
      .poll(() => dialog.textContent())
      .toContain(`"Partner app" (${key.keyPrefix}…) will stop working`);
    await shot('revoke-key-dialog');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await api.post('/api/v1/developer/api-keys/validate', { key: key.key })).body.valid).toBe(true);
    await page.getByRole('button', { name: 'Revoke Partner app' }).click();
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('api-keys').textContent(), { timeout: 10_000 })
      .not.toContain('Partner app');
    expect((await api.post('/api/v1/developer/api-keys/validate', { key: key.key })).body.valid).toBe(false);
    expect(nativeDialogs).toEqual([]);
  });

  it('follows the clock on the Monitor tab: waiting callbacks appear, then are dialled', async () => {
    await page.goto(`${runtime.baseUrl}/#/monitor`);
    const waiting = page.locator('tr[data-queue="Sales_VQ"] [data-testid="waiting"]');
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toBe('0');
    await ges({ phoneNumber: '+14155550811' });
    await ges({ phoneNumber: '+14155550812' });
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toBe('2');
    await shot('monitor');
    for (const ms of [1000, 6000, 6000]) await runtime.runtime.virtualClock!.advance(ms);
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toBe('0');
    await page.getByRole('button', { name: 'Sales_VQ' }).click();
    await page.getByRole('figure', { name: 'Callbacks waiting' }).locator('canvas').first().waitFor();
    // The EWT over the day, beside the waiting callbacks, on an axis in minutes and seconds.
    const ewt = page.getByRole('figure', { name: 'Estimated wait time (EWT) over the day' });
    await ewt.locator('canvas').first().waitFor();
    await expect.poll(() => ewt.textContent()).toContain('EWT for a new callback');
    await shot('monitor-queue-day');
  });

  it('draws the reports', async () => {
    await page.goto(`${runtime.baseUrl}/#/reports`);
    await expect
      .poll(() => page.getByTestId('report-summary').textContent(), { timeout: 15_000 })
      .toMatch(/callbacks/);
    await shot('reports');
  });

  it('switches to French and keeps the choice for the user', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.getByRole('link', { name: 'Rappels' }).count()).toBe(1);
    await page.goto(`${runtime.baseUrl}/#/callbacks`);
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Rappels' }).count(), { timeout: 15_000 })
      .toBe(1);
    await shot('callbacks-fr');
  });
});
