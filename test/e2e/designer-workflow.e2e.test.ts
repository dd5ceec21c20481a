/**
 * Designer workflows in a real browser against the real runtime (test/support/start-runtime.ts):
 * fix a validation error from the issue list, assign a phone number from the Publish tab, and
 * export and import applications from the applications list. The tests share one page and run in
 * order: the second publishes the application the first fixed, the third exports it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { dropBlock } from './support/canvas-gestures.ts';
import { artifacts, type BrowserSession, openSession, publishAndAssign } from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let applicationId = '';
const appName = 'E2E workflow line';

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}/designer-workflow-${name}.png` });
}

const block = (id: string) => page.locator(`[data-block-id="${id}"]`);
const issuesTab = () => page.getByRole('tab', { name: /^Issues/ });

describe('designer workflows', () => {
  beforeAll(async () => {
    session = await openSession({ page: { acceptDownloads: true }, signIn: true });
    ({ runtime, page } = session);
  }, 180_000);

  afterAll(() => session?.close());

  it('fixes a validation error from the issue list', async () => {
    await page.getByLabel('New application name').fill(appName);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('lane-selfService').waitFor();
    applicationId = decodeURIComponent(page.url().split('#/applications/')[1]!.split(/[/?]/)[0]!);

    const input = await dropBlock(page, 'User Input', 'selfService', { x: 80, y: 70 });
    // A variable for the result to go into.
    await page.getByRole('tab', { name: 'Variables' }).click();
    await page.getByRole('button', { name: '+ Variable' }).click();
    const variable = (await page.getByLabel('Variable name').inputValue()) || 'var1';

    // Select something else so the issue click is what selects the block.
    await page.locator('.react-flow__pane').click({ position: { x: 900, y: 500 } });
    await expect.poll(() => block(input).getAttribute('class')).not.toMatch(/selected/);
    await issuesTab().click();
    // Issues name the block by its title and the property by its label, never by ids.
    const issue = page
      .getByTestId('issues')
      .locator('li.issue.error', { hasText: 'User Input: Result variable' });
    await expect.poll(() => issue.count()).toBeGreaterThan(0);
    await expect.poll(() => issuesTab().textContent()).toMatch(/Issues \([1-9]/);
    await shot('1-issue');
    await issue.first().getByRole('button').click();
    await expect.poll(() => block(input).getAttribute('class')).toMatch(/selected/);

    // Clicking the issue opened the block's properties.
    await expect
      .poll(() => page.getByRole('tab', { name: 'Properties' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByLabel('Result variable').fill(variable);
    // A User Input without a prompt would wait in silence: that is an error too.
    const prompts = page.getByTestId('properties-panel').locator('[data-field="/prompts"]');
    await prompts.getByRole('button', { name: '+ Prompt' }).click();
    await prompts.getByLabel('Prompt text').last().fill('Please key in your number.');
    await shot('2-properties');

    await issuesTab().click();
    // The error is gone; only warnings about the unconnected outcomes remain.
    await expect.poll(() => issue.count()).toBe(0);
    await expect.poll(() => page.locator('.issue.error').count()).toBe(0);
    await expect.poll(() => issuesTab().textContent()).toMatch(/^Issues( \(0\/\d+\))?$/);
    await expect
      .poll(() => page.getByTestId('issues').textContent())
      .not.toMatch(/resultVariable|Result variable/i);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    await shot('3-fixed');
  });

  it('publishes and assigns a phone number from the Publish tab', async () => {
    const dnis = '+18005550142';
    await publishAndAssign(page, dnis);
    await shot('4-phone-number');

    const api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    const reply = await api.request('GET', '/api/v1/phone-numbers');
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ dnis, applicationId })]),
    );
  });

  it('exports an application and imports it back; a broken file lists its problems', async () => {
    await page.goto(`${runtime.baseUrl}/#/applications`);
    const row = page.locator('tr', { hasText: applicationId });
    await row.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${applicationId}.json`);
    const exported = `${artifacts}/designer-workflow-export.json`;
    await download.saveAs(exported);
    const document = JSON.parse(readFileSync(exported, 'utf8'));
    expect(document).toMatchObject({ schemaVersion: 1, id: applicationId, name: appName });

    // The id is taken, so the import lands as a copy under a new id with the same name.
    const rows = page.locator('tbody tr', { hasText: appName });
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator('input[type="file"]').setInputFiles(exported);
    await expect.poll(() => rows.count()).toBe(2);
    const ids = await rows.locator('.muted').allTextContents();
    expect(ids).toContain(applicationId);
    expect(ids.filter((id) => id !== applicationId)).toHaveLength(1);
    await expect.poll(() => page.locator('.import-problems').count()).toBe(0);
    await shot('5-imported');

    // A document the server refuses: every problem is listed.
    const broken = `${artifacts}/designer-workflow-broken.json`;
    writeFileSync(
      broken,
      JSON.stringify({ ...document, id: 'broken-import', name: '', type: 'Nope', blocks: 'none' }),
    );
    await page.locator('input[type="file"]').setInputFiles(broken);
    const problems = page.locator('.import-problems');
    await problems.waitFor({ timeout: 30_000 });
    await expect.poll(() => problems.textContent()).toMatch(/Import failed/);
    await expect
      .poll(() => problems.locator('li').allTextContents())
      .toEqual([
        expect.stringMatching(/^\/name: /),
        expect.stringMatching(/^\/type: /),
        expect.stringMatching(/^\/blocks: /),
      ]);
    await shot('6-import-problems');

    // A file that is not JSON at all.
    const garbage = `${artifacts}/designer-workflow-garbage.json`;
    writeFileSync(garbage, '{ "schemaVersion": 1, ');
    await page.locator('input[type="file"]').setInputFiles(garbage);
    await expect.poll(() => problems.textContent()).toMatch(/not JSON/);
    await expect.poll(() => page.locator('tbody tr', { hasText: 'broken-import' }).count()).toBe(0);
  });
});
