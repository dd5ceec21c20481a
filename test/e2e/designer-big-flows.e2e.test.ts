/**
 * The Designer as a newcomer meets it (issue 13), continued: time zones are found and selected,
 * a 1,000-block flow at full view, an import laid out, Find and paste.
 * Screenshots go to test-artifacts/newcomer-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedApplication } from '../../bench/editor-flow.ts';
import type { Application } from '../../schemas/application.generated.ts';
import type { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { type Newcomer, openNewcomerSession } from './support/newcomer.ts';

let session: Newcomer['session'];
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;
let shot: Newcomer['shot'];
let openApp: Newcomer['openApp'];

beforeAll(async () => {
  ({ session, runtime, page, api, shot, openApp } = await openNewcomerSession());
}, 180_000);
afterAll(() => session?.close());

describe('settings people can read (§4)', () => {
  it('selects the time zone the search finds', async () => {
    await page.goto('about:blank');
    await page.goto(`${runtime.baseUrl}/#/business-hours`);
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByLabel('Name', { exact: true }).fill('New York office');
    await page.getByLabel('Search time zones').fill('new york');
    await expect
      .poll(() => page.getByLabel('Time zone', { exact: true }).inputValue())
      .toBe('America/New_York');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await api.get('/api/v1/business-hours/New%20York%20office')).body?.timeZone, {
        timeout: 10_000,
      })
      .toBe('America/New_York');
  });
});

describe('big flows at full view (§5)', () => {
  it('fits 1,000 blocks with the light drawing, pan and zoom leaving the draft saved', async () => {
    expect((await api.post('/api/v1/applications', generatedApplication(1000, 'thousand'))).status).toBe(201);
    await openApp('thousand');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 30_000 }).toBe('Saved');
    const zoom = () =>
      page.evaluate(
        `new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a`,
      ) as Promise<number>;
    // Fit takes its bounds from the document, not from what React Flow has measured.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(zoom, { timeout: 10_000 }).toBeLessThan(0.45);
    // The light drawing: every block on one canvas, none of them a React Flow element.
    const drawing = page.getByTestId('light-drawing');
    await expect.poll(() => drawing.getAttribute('data-blocks'), { timeout: 30_000 }).toBe('1000');
    await expect.poll(() => page.locator('.react-flow__node-block').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(0);
    // A click on a drawn block selects it: b0 sits at (40, 50) in the Self Service lane.
    const lane = (await page.getByTestId('lane-selfService').boundingBox())!;
    const scale = await zoom();
    await page.mouse.click(lane.x + (40 + 110) * scale, lane.y + (50 + 40) * scale);
    await expect.poll(() => page.locator('.block-meta').textContent()).toContain('b0 ·');
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    // A click beside every block (the pane's corner, outside the lanes) clears the selection.
    await page.mouse.click(pane.x + 10, pane.y + 10);
    await expect.poll(() => page.getByText('Select a block to edit its properties.').count()).toBe(1);
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.waitForTimeout(800);
    await shot('thousand-full-view');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    // Zoomed in past the light drawing, blocks and links are elements again, the canvas gone.
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 3);
    for (let i = 0; i < 12 && (await zoom()) < 0.5; i++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(150);
    }
    await expect
      .poll(() => page.locator('.react-flow__node-block').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.react-flow__edge').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => drawing.count()).toBe(0);
  });

  it('lays out a flow imported without positions instead of piling it up', async () => {
    const imported = generatedApplication(200, 'imported');
    delete imported.layout;
    await api.post('/api/v1/applications', imported);
    await openApp('imported');
    await page.locator('.react-flow__node-block').first().waitFor({ timeout: 15_000 });
    const places = (await page.evaluate(
      `new Set([...document.querySelectorAll('.react-flow__node-block')].map((n) => n.style.transform)).size`,
    )) as number;
    expect(places).toBeGreaterThan(10);
    await expect
      .poll(
        async () =>
          Object.keys(
            (await api.get('/api/v1/applications/imported')).body.application.layout?.positions ?? {},
          ).length,
        {
          timeout: 15_000,
        },
      )
      .toBe(200);
  });

  it('keeps undo across a reload in IndexedDB, leaving sessionStorage small', async () => {
    // sessionStorage is read whole as a page starts: a big flow's undo history there held up
    // every page of the tab (store/saved-history.ts).
    await openApp('imported');
    const first = page.locator('.react-flow__node-block').first();
    await first.locator('.block-head').click();
    await page.getByLabel('Label', { exact: true }).fill('Renamed before the reload');
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('Saved');
    // The history is written once edits have been quiet for a second, when the browser is idle.
    await page.waitForTimeout(2000);
    await page.reload();
    await page.getByTestId('lane-selfService').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);
    const sessionChars = (await page.evaluate(
      'Object.keys(sessionStorage).reduce((n, k) => n + k.length + sessionStorage.getItem(k).length, 0)',
    )) as number;
    expect(sessionChars).toBeLessThan(1000);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe('Saved');
    await expect
      .poll(async () => JSON.stringify((await api.get('/api/v1/applications/imported')).body.application))
      .not.toContain('Renamed before the reload');
    // Signing out forgets saved histories (they hold flow documents).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect
      .poll(() => page.evaluate(`indexedDB.databases().then((all) => all.map((d) => d.name).join(','))`))
      .not.toContain('ringback-designer');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(runtime.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('finds blocks with a highlight and a count, and pastes beside the original', async () => {
    await openApp('newcomer');
    const find = page.getByRole('searchbox', { name: 'Find in flow' });
    await find.fill('goodbye');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1 match');
    await expect.poll(() => page.locator('.block-node.search-match').count()).toBe(1);
    await find.press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1 of 1');
    await expect.poll(() => page.locator('.block-node.search-current').count()).toBe(1);
    await find.fill('');

    // The Find above moved the view; bring every block back before picking the greeting.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.locator('[data-block-id="greet"] .block-head').click({ timeout: 15_000 });
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    type Saved = { application: Application };
    const saved = async () => (await api.get<Saved>('/api/v1/applications/newcomer')).body.application;
    await expect.poll(async () => Object.keys((await saved()).blocks).length, { timeout: 15_000 }).toBe(6);
    const doc = await saved();
    const pastedId = Object.keys(doc.blocks).find(
      (id) => !['greet', 'menu', 'one', 'two', 'bye'].includes(id),
    )!;
    const a = doc.layout!.positions!.greet!;
    const b = doc.layout!.positions![pastedId]!;
    // Blocks are 220 wide and about 60 high: the copy must not cover its original.
    expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 60).toBe(true);
  });
});
