/**
 * The designer in a real browser against the real runtime (test/support/start-runtime.ts): sign
 * in, build a flow, let auto-save save, publish, test-call it, pause it at a breakpoint and step,
 * compare versions, and keep business hours. The tests share one page and run in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { connect, dropBlock } from './support/canvas-gestures.ts';
import { artifacts, type BrowserSession, openSession, publishFromPanel } from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
const ids = { hello: '', menu: '', bye: '' };
let designerUrl = '';

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}/designer-${name}.png` });
}

const callState = () => page.getByTestId('call-state').textContent();
const block = (id: string) => page.locator(`[data-block-id="${id}"]`);

describe('designer', () => {
  beforeAll(async () => {
    session = await openSession({});
    ({ runtime, page } = session);
  }, 180_000);

  afterAll(() => session?.close());

  it('builds, publishes and test-calls a flow', async () => {
    await page.goto(runtime.baseUrl);
    await page.getByLabel('Password').fill(runtime.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('New application name').fill('E2E support line');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('lane-selfService').waitFor();
    designerUrl = page.url();
    await shot('1-empty');

    ids.hello = await dropBlock(page, 'Play Message', 'selfService', { x: 60, y: 70 });
    ids.menu = await dropBlock(page, 'Menu', 'selfService', { x: 330, y: 70 });
    ids.bye = await dropBlock(page, 'Play Message', 'selfService', { x: 600, y: 70 });
    const { hello, menu, bye } = ids;
    await expect.poll(() => block(hello).locator('.start-badge').count()).toBe(1);

    // Properties of the greeting: one TTS prompt.
    await block(hello).click();
    await page.getByRole('button', { name: '+ Prompt' }).click();
    await page.getByLabel('Prompt text').fill('Welcome to Ringback');
    // The menu: option 1, which becomes a port.
    await block(menu).click();
    await page.getByRole('button', { name: '+ Prompt' }).first().click();
    await page.getByLabel('Prompt text').first().fill('Press 1 for sales');
    await page.getByRole('button', { name: '+ Option' }).click();
    await block(bye).click();
    await page.getByRole('button', { name: '+ Prompt' }).click();
    await page.getByLabel('Prompt text').fill('Goodbye');
    // A variable the breakpoint test changes while the call is paused.
    await page.getByRole('tab', { name: 'Variables' }).click();
    await page.getByRole('button', { name: '+ Variable' }).click();
    await page.getByLabel('Default value').fill('0');

    await connect(
      page,
      block(hello).locator('.out-handle[data-handleid="next"]'),
      block(menu).locator('.in-handle'),
    );
    await connect(
      page,
      block(menu).locator('.out-handle[data-handleid="option:1"]'),
      block(bye).locator('.in-handle'),
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    await shot('2-flow');

    // A reload keeps the saved flow and the undo history.
    await page.reload();
    await page.getByTestId('lane-selfService').waitFor();
    await expect.poll(() => page.locator('.block-node').count()).toBe(3);
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    // Undo after the reload takes back the last link; redo puts it back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');

    await publishFromPanel(page);
    await shot('3-published');

    await page.getByRole('tab', { name: 'Test call' }).click();
    await page.getByRole('button', { name: 'Start call' }).click();
    const transcript = page.getByTestId('transcript');
    await expect.poll(() => transcript.textContent()).toMatch(/Welcome to Ringback/);
    await expect.poll(callState).toMatch(/waitingInput/);
    await expect.poll(() => block(menu).getAttribute('class')).toMatch(/current/);
    await page.getByRole('button', { name: 'Key 1' }).click();
    await expect.poll(() => transcript.textContent()).toMatch(/Goodbye/);
    await expect.poll(callState).toMatch(/ended/);
    await expect.poll(() => page.locator('.link-edge.taken').count()).toBe(2);
    await shot('4-test-call');
  }, 240_000);

  it('pauses a test call at a breakpoint, edits a variable and steps on', async () => {
    const { menu, bye } = ids;
    await page.getByRole('button', { name: 'Clear' }).click();
    await block(menu).click();
    await page.keyboard.press('F9');
    await expect.poll(() => block(menu).locator('.breakpoint-dot').count()).toBe(1);

    await page.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(callState).toMatch(/paused/);
    await expect.poll(() => block(menu).getAttribute('class')).toMatch(/paused/);
    await expect.poll(() => page.getByTestId('debug-controls').textContent()).toMatch(/Paused before Menu/);

    await page.getByRole('button', { name: 'Edit var1' }).click();
    await page.getByLabel('Value of var1').fill('42');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect.poll(() => page.getByTestId('call-variables').textContent()).toMatch(/var142/);
    await shot('5-paused');

    // A breakpoint added from the block menu during the call reaches the runtime at once.
    await block(bye).click({ button: 'right' });
    await page.getByRole('menuitem', { name: /Add breakpoint/ }).click();
    await expect.poll(() => block(bye).locator('.breakpoint-dot').count()).toBe(1);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(callState).toMatch(/waitingInput/);
    await page.getByRole('button', { name: 'Key 1' }).click();
    await expect.poll(callState).toMatch(new RegExp(`paused · in Play Message ${bye}`));
    // Step runs the goodbye block; the flow ends after it.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => page.getByTestId('transcript').textContent()).toMatch(/Goodbye/);
    await expect.poll(callState).toMatch(/ended/);
  }, 240_000);

  it('shows what changed between a published version and the draft', async () => {
    await block(ids.hello).click();
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.getByLabel('Prompt text').fill('Welcome back to Ringback');
    // The palette by keyboard: search, arrow down to the match, Enter adds it to the selected block's phase.
    await block(ids.hello).click();
    await page.getByLabel('Search blocks').fill('Terminate');
    await page.getByLabel('Search blocks').press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.block-node').count()).toBe(4);
    await page.getByLabel('Search blocks').fill('');
    // Zooming the canvas keeps the viewport in the draft's layout, without an undo step.
    const undoable = await page.getByRole('button', { name: 'Undo' }).isEnabled();
    await page.mouse.move(700, 600);
    await page.mouse.wheel(0, -300);
    const token = await page.evaluate('sessionStorage.getItem("ringback.token")');
    const appId = decodeURIComponent(page.url().split('/applications/')[1]!);
    // Waits for the state itself (the saved draft holds a viewport): the save status may still
    // read Saved from before the zoom's save has started.
    const savedZoom = async () => {
      const draft = (await (
        await fetch(`${runtime.baseUrl}/api/v1/applications/${appId}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { application: { layout?: { viewport?: { zoom: number } } } };
      return draft.application.layout?.viewport?.zoom ?? 0;
    };
    await expect.poll(savedZoom).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(undoable);

    await page.getByRole('tab', { name: 'Publish' }).click();
    const diff = page.getByTestId('version-diff');
    await expect
      .poll(() => diff.textContent())
      .toMatch(/Prompts #1: “Welcome to Ringback” → “Welcome back to Ringback”/);
    await expect.poll(() => diff.textContent()).toMatch(/Added Terminate Call in Self Service/);
    await shot('6-version-diff');
  }, 240_000);

  it('saves business hours and previews the next opening', async () => {
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot('7-shortcuts');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Business hours' }).click();
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Support hours');
    await page.getByLabel('Search time zones').fill('berlin');
    await page.getByLabel('Search time zones').press('Enter');
    await page.getByLabel('Saturday hours').selectOption('allDay');
    await page.getByRole('button', { name: '+ Special day' }).click();
    await page.getByLabel('Special day name').fill('Company day');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Saved Support hours/);
    const preview = page.getByTestId('hours-preview');
    await expect.poll(() => preview.textContent()).toMatch(/Preview \(Europe\/Berlin\)/);
    await expect.poll(() => preview.textContent()).toMatch(/Next opening|Open now/);
    await shot('8-business-hours');

    const saved = await fetch(`${runtime.baseUrl}/api/v1/business-hours/Support%20hours`, {
      headers: { authorization: `Bearer ${await page.evaluate('sessionStorage.getItem("ringback.token")')}` },
    });
    const document = (await saved.json()) as { timeZone: string; weekly: { sat: { kind: string } } };
    expect(document.timeZone).toBe('Europe/Berlin');
    expect(document.weekly.sat.kind).toBe('allDay');
  }, 240_000);

  it('re-renders only the dragged block while a block is dragged', async () => {
    // Render counting is off unless this flag is set when the designer loads.
    await page.evaluate("localStorage.setItem('ringbackBench', '1')");
    await page.goto(designerUrl);
    await page.reload();
    await expect.poll(() => page.locator('.block-node').count()).toBe(4);
    // The first check of the flow marks the blocks with issues when it ends.
    await expect
      .poll(() => page.getByRole('tab', { name: /^Issues/ }).textContent(), { timeout: 30_000 })
      .not.toMatch(/checking/);
    // Wait until the page is quiet (validation and measuring run after load), then count.
    await expect
      .poll(
        async () => {
          await page.evaluate('window.__ringbackRenderCounts = {}');
          await page.waitForTimeout(400);
          return page.evaluate('Object.keys(window.__ringbackRenderCounts).length');
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    const head = (await block(ids.bye).locator('.block-head').boundingBox())!;
    await page.mouse.move(head.x + 20, head.y + head.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++)
      await page.mouse.move(head.x + 20 + i * 4, head.y + head.height / 2 + i * 2);
    await page.mouse.up();
    const moved = (await block(ids.bye).locator('.block-head').boundingBox())!;
    expect(moved.x - head.x).toBeGreaterThan(40);
    const counts = (await page.evaluate('window.__ringbackRenderCounts')) as Record<string, number>;
    expect(Object.keys(counts)).toEqual([ids.bye]);
    await page.evaluate("localStorage.removeItem('ringbackBench')");
  }, 240_000);
});
