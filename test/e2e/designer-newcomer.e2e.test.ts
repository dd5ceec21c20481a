/**
 * The Designer as a newcomer meets it (issue 13), in a real browser against a real runtime with
 * the seeded examples: the small things, nothing live changes silently (numbers, publish, roll
 * back), validation knows the tenant, and test calls run the draft and follow a callback in the
 * simulated contact center. The sections build on one another's state (versions, numbers).
 * Screenshots go to test-artifacts/newcomer-*.png. Settings and big flows: designer-big-flows.
 */
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../schemas/application.generated.ts';
import type { ApiClient } from '../support/client.ts';
import { menuApplication } from '../support/documents.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { type Newcomer, openNewcomerSession } from './support/newcomer.ts';
import { publishFromPanel } from './support/session.ts';

let session: Newcomer['session'];
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;
let shot: Newcomer['shot'];
let status: Newcomer['status'];
let openApp: Newcomer['openApp'];
let holderOf: Newcomer['holderOf'];

beforeAll(async () => {
  ({ session, runtime, page, api, shot, status, openApp, holderOf } = await openNewcomerSession());
}, 180_000);
afterAll(() => session?.close());

describe('small things that read as carelessness (§6)', () => {
  it('says so when an address matches no page, and when Create has no name', async () => {
    await page.goto(`${runtime.baseUrl}/#/no-such-page`);
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toMatch(/There is no page at “\/no-such-page”/);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect
      .poll(() => page.locator('#new-name-error').textContent())
      .toBe('Give the application a name.');
  });

  it('renames and deletes through dialogs, not the browser’s boxes', async () => {
    await api.post('/api/v1/applications', menuApplication('throwaway'));
    await page.goto('about:blank');
    await page.goto(`${runtime.baseUrl}/#/applications`);
    // Leaving with changes not yet saved may ask (beforeunload, accepted above); any other box is a defect.
    const boxes: string[] = [];
    const onDialog = (dialog: Dialog) => {
      if (dialog.type() !== 'beforeunload') {
        boxes.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      }
    };
    page.on('dialog', onDialog);
    const row = page.locator('tr', { hasText: 'Menu throwaway' });
    await row.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByTestId('rename-dialog');
    await rename.getByRole('textbox', { name: 'New name' }).fill('Kept for a moment');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect
      .poll(() => page.locator('tr', { hasText: 'Kept for a moment' }).count(), { timeout: 10_000 })
      .toBe(1);
    await page
      .locator('tr', { hasText: 'Kept for a moment' })
      .getByRole('button', { name: 'Delete' })
      .click();
    const remove = page.getByTestId('delete-dialog');
    await expect.poll(() => remove.textContent()).toMatch(/never published/);
    await remove.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(async () => (await api.get('/api/v1/applications/throwaway')).status, { timeout: 10_000 })
      .toBe(404);
    page.off('dialog', onDialog);
    expect(boxes).toEqual([]);
  });

  it('shows an error once, not title and detail twice', async () => {
    const context = await session.browser.newContext();
    const other = await context.newPage();
    await other.goto(runtime.baseUrl);
    await other.getByLabel('Password').fill('wrong-password');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => other.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toMatch(/wrong password/);
    const text = (await other.getByRole('alert').first().textContent()) ?? '';
    expect(text.match(/Unknown user or wrong password/g)).toHaveLength(1);
    await context.close();
  });
});

describe('nothing live changes silently (§1)', () => {
  it('refuses a number that is not E.164 beside the field', async () => {
    await openApp('newcomer');
    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByRole('textbox', { name: 'DNIS' }).fill('12345');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect
      .poll(() => page.locator('#dnis-error').textContent())
      .toMatch(/starts with \+ and the country code/);
  });

  it('shows who holds a number and asks before moving it; keeping it changes nothing', async () => {
    const list = page.locator('.phone-number-list');
    await expect
      .poll(() => list.textContent(), { timeout: 10_000 })
      .toMatch(/\+18005550100Inbound customer care IVR/);
    await page.getByRole('textbox', { name: 'DNIS' }).fill('+18005550100');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const dialog = page.getByTestId('number-move-dialog');
    await dialog.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/\+18005550100 is assigned to “Inbound customer care IVR”/);
    await shot('number-move');
    await dialog.getByRole('button', { name: /Keep it on/ }).click();
    await expect.poll(() => holderOf('+18005550100')).toBe('inbound-ivr');

    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page
      .getByTestId('number-move-dialog')
      .getByRole('button', { name: /Move it to/ })
      .click();
    await expect.poll(() => holderOf('+18005550100'), { timeout: 10_000 }).toBe('newcomer');
    await expect.poll(() => page.getByTestId('own-number').count()).toBe(1);
  });

  it('asks before releasing a number', async () => {
    await page.getByTestId('own-number').getByRole('button', { name: 'Release' }).click();
    const dialog = page.getByTestId('number-release-dialog');
    await expect.poll(() => dialog.textContent()).toMatch(/will no longer reach/);
    await dialog.getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => holderOf('+18005550100'), { timeout: 10_000 }).toBeUndefined();
  });

  it('publishes through a dialog that says what goes live and keeps the note', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/Publish version 1.*The first version.*5 blocks/s);
    await dialog.getByRole('textbox', { name: /Note for the version history/ }).fill('First greeting');
    await shot('publish-dialog');
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await expect.poll(status, { timeout: 10_000 }).toMatch(/Published version 1/);
    await expect.poll(() => page.getByTestId('version-1').textContent()).toMatch(/First greeting/);
    await expect
      .poll(() => page.getByTestId('draft-versus-live').textContent())
      .toMatch(/matches live version 1/);
  });

  it('lists the changes against live, and a roll back brings the draft back with it', async () => {
    const { revision, application } = (await api.get('/api/v1/applications/newcomer')).body;
    const changed = structuredClone(application) as Application;
    changed.blocks.greet!.properties = { prompts: [{ type: 'tts', value: 'Hello again' }] };
    await api.put('/api/v1/applications/newcomer', { revision, application: changed });
    await openApp('newcomer');
    await page.getByRole('tab', { name: 'Publish' }).click();
    await expect
      .poll(() => page.getByTestId('draft-versus-live').textContent(), { timeout: 10_000 })
      .toMatch(/differs from live version 1 by 1 change/);
    await publishFromPanel(page, 2);

    await page.getByTestId('version-1').getByRole('button', { name: 'Roll back to this' }).click();
    const dialog = page.getByTestId('publish-dialog');
    await expect
      .poll(() => dialog.textContent(), { timeout: 10_000 })
      .toMatch(/“Hello again” → “Hello newcomer”/);
    await expect.poll(() => dialog.getByRole('checkbox').isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: /Note/ }).fill('Back to the first greeting');
    await dialog.getByRole('button', { name: 'Roll back to version 1' }).click();
    await expect.poll(status, { timeout: 10_000 }).toMatch(/Published version 3; the draft now matches it/);
    await expect
      .poll(() => page.getByTestId('draft-versus-live').textContent(), { timeout: 10_000 })
      .toMatch(/matches live version 3/);
    await expect
      .poll(() => page.getByTestId('version-3').textContent())
      .toMatch(/roll back to v1.*Back to the first greeting/s);
  });
});

describe('validation catches what fails at run time (§2)', () => {
  it('reports missing prompts and queues and an unknown queue by titles, and highlights the field', async () => {
    const doc = menuApplication('broken');
    doc.blocks.greet!.properties = { prompts: [] };
    doc.blocks.route = {
      type: 'route-call',
      typeVersion: 1,
      phase: 'assistedService',
      label: 'To sales',
      properties: { virtualQueue: 'Sales_Q' },
      next: {},
    };
    doc.blocks.noQueue = {
      type: 'route-call',
      typeVersion: 1,
      phase: 'assistedService',
      properties: {},
      next: {},
    };
    doc.phases.assistedService = 'route';
    await api.post('/api/v1/applications', doc);
    await openApp('broken');
    await page.getByRole('tab', { name: /^Issues/ }).click();
    const issues = page.getByTestId('issues');
    await expect
      .poll(() => issues.textContent(), { timeout: 15_000 })
      .toMatch(/Play Message: Prompts is required/);
    const text = (await issues.textContent()) ?? '';
    expect(text).toMatch(/Route Call: Virtual queue is required/);
    expect(text).toMatch(
      /To sales \(Route Call\): Virtual queue “Sales_Q” is not a virtual queue of this tenant/,
    );
    expect(text).not.toMatch(/noQueue|greet\b|REQUIRED_FIELD_MISSING/);
    await issues.getByRole('button', { name: /Play Message: Prompts is required/ }).click();
    const field = page.locator('[data-field="/prompts"]');
    await expect.poll(() => field.getAttribute('class'), { timeout: 10_000 }).toMatch(/field-focused/);
    await expect.poll(() => field.locator('.field-issue').textContent()).toMatch(/Prompts is required/);
    await shot('issue-field');
    await page.getByRole('tab', { name: 'Publish' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Publish', exact: true }).isDisabled())
      .toBe(true);
  });

  it('offers Callback V2 only the outcomes its application type can have', async () => {
    await openApp('sales-ivr');
    const ports = await page.locator('[data-block-id="offer"] .port').allTextContents();
    expect(ports).toEqual(['Immediate booked', 'Scheduled booked', 'Declined', 'Not offered', 'Error']);
    await page.getByRole('tab', { name: /^Issues/ }).click();
    await expect
      .poll(() => page.locator('.issues, .panel-pad').first().textContent(), { timeout: 15_000 })
      .not.toMatch(/Connected|Failed|Expired/);
  });

  it('shows a block’s properties when it is selected from the Issues tab', async () => {
    await page.locator('[data-block-id="welcome"] .block-head').click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Properties' }).getAttribute('aria-selected'))
      .toBe('true');
  });
});

describe('test what you are editing (§3)', () => {
  it('runs the draft by default, and any published version picked from a list', async () => {
    await openApp('newcomer');
    await page.getByRole('tab', { name: 'Test call' }).click();
    const panel = page.getByTestId('test-call-panel');
    const picker = panel.getByRole('combobox', { name: 'Run' });
    await expect.poll(() => picker.inputValue()).toBe('draft');
    await expect
      .poll(() => picker.locator('option').allTextContents())
      .toEqual(
        expect.arrayContaining([
          'the draft (unpublished changes included)',
          'the live version (v3)',
          expect.stringMatching(/^version 2 /),
        ]),
      );
    await expect.poll(() => panel.getByLabel('Caller number').inputValue()).toBe('+14155550123');
    await panel.getByRole('button', { name: 'Start call' }).click();
    await expect
      .poll(() => page.getByTestId('transcript').textContent(), { timeout: 10_000 })
      .toMatch(/Hello newcomer/);
    await expect.poll(() => panel.textContent()).toMatch(/runs a copy of the draft/);
    await panel.getByRole('button', { name: 'Hang up' }).click();
    await expect
      .poll(() => page.getByTestId('call-state').textContent(), { timeout: 10_000 })
      .toMatch(/ended/);
    await panel.getByRole('button', { name: 'Clear' }).click();

    await picker.selectOption({
      label: (await picker.locator('option', { hasText: /^version 2 / }).textContent())!,
    });
    await panel.getByRole('button', { name: 'Start call' }).click();
    await expect
      .poll(() => page.getByTestId('transcript').textContent(), { timeout: 10_000 })
      .toMatch(/Hello again/);
    await panel.getByRole('button', { name: 'Hang up' }).click();
    await expect
      .poll(() => page.getByTestId('call-state').textContent(), { timeout: 10_000 })
      .toMatch(/ended/);
  });

  it('says which rule refused a number, books on the number keyed in, and follows it to an agent from the panel', async () => {
    await openApp('sales-ivr');
    await page.getByRole('tab', { name: 'Test call' }).click();
    const panel = page.getByTestId('test-call-panel');
    const key = (k: string) => panel.getByRole('button', { name: `Key ${k}`, exact: true });
    const transcript = () => page.getByTestId('transcript').textContent();
    await panel.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(transcript, { timeout: 15_000 }).toContain('Press 1 for a callback');
    await key('1').click();
    await expect.poll(transcript, { timeout: 10_000 }).toContain('number you are calling from');
    await key('2').click();
    await expect.poll(transcript, { timeout: 10_000 }).toContain('Enter the number with its country code');
    const digits = panel.getByRole('textbox', { name: 'Digits' });
    await digits.fill('19002345678#');
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => panel.getByTestId('trace-note').first().textContent(), { timeout: 10_000 })
      .toBe('Rule North_America refused +19002345678: it matches the blocked pattern ^\\+1900[0-9]+$');
    await digits.fill('14155550177#');
    await panel.getByRole('button', { name: 'Send' }).click();
    const card = page.getByTestId('booked-callback');
    await card.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => card.getByTestId('callback-number').textContent())
      .toMatch(/Ringback will call \+14155550177/);
    await expect.poll(() => card.textContent()).toMatch(/When Ringback calls \+14155550177/);
    await card.getByRole('button', { name: 'Answer', exact: true }).click();

    const simulation = panel.getByTestId('simulation-controls');
    await expect.poll(() => simulation.textContent()).toMatch(/virtual/);
    for (let i = 0; i < 6 && !/AGENT_CONNECTED/.test((await card.textContent()) ?? ''); i++) {
      await simulation.getByRole('button', { name: '+1 min' }).click();
      await page.waitForFunction(() => true);
      await expect
        .poll(() => card.textContent(), { timeout: 5_000 })
        .toMatch(/QUEUED|ROUTING|PROCESSING|COMPLETED/);
    }
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toMatch(/AGENT_CONNECTED/);
    await shot('callback-followed');
  });
});
