/**
 * The designer's main loop in a real browser against a real runtime: sign in, create an
 * application, drop blocks into a phase lane, link them, edit properties, let auto-save save,
 * publish, and place a test call that follows the flow on the canvas.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = `${repo}test-artifacts`;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let runtime: StartedRuntime;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}/designer-${name}.png` });
}

/**
 * Drags a palette entry onto a phase lane. Headless Chromium does not run native HTML5 drag and
 * drop from synthetic mouse input, so the drag events are dispatched as the browser would.
 */
async function dropBlock(title: string, phase: string, offset: { x: number; y: number }): Promise<string> {
  const before = await page.locator('.block-node').count();
  const box = (await page.getByTestId(`lane-${phase}`).boundingBox())!;
  const point = {
    x: box.x + Math.min(offset.x, box.width - 20),
    y: box.y + Math.min(offset.y, box.height - 20),
  };
  // Runs in the page; a string keeps DOM types out of the Node-side type check.
  await page.evaluate(`(() => {
    const { title, x, y } = ${JSON.stringify({ title, ...point })};
    const source = [...document.querySelectorAll('.palette-item')].find((e) => e.textContent.startsWith(title));
    const dataTransfer = new DataTransfer();
    const fire = (target, type, clientX = 0, clientY = 0) =>
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX, clientY, dataTransfer }));
    fire(source, 'dragstart');
    const target = document.elementFromPoint(x, y);
    for (const type of ['dragenter', 'dragover', 'drop']) fire(target, type, x, y);
    fire(source, 'dragend');
  })()`);
  await expect.poll(() => page.locator('.block-node').count()).toBe(before + 1);
  return (await page.locator('.block-node').last().getAttribute('data-block-id'))!;
}

async function connect(from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('designer', () => {
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    execFileSync('npx', ['vite', 'build', '--config', 'editor/vite.config.ts', '--logLevel', 'warn'], {
      cwd: repo,
    });
    runtime = await startRuntime();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  it('builds, publishes and test-calls a flow', async () => {
    await page.goto(runtime.baseUrl);
    await page.getByLabel('Password').fill(runtime.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('New application name').fill('E2E support line');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('lane-selfService').waitFor();
    await shot('1-empty');

    const hello = await dropBlock('Play Message', 'selfService', { x: 60, y: 70 });
    const menu = await dropBlock('Menu', 'selfService', { x: 330, y: 70 });
    const bye = await dropBlock('Play Message', 'selfService', { x: 600, y: 70 });
    expect(await page.locator(`[data-block-id="${hello}"] .start-badge`).count()).toBe(1);

    // Properties of the greeting: one TTS prompt.
    await page.locator(`[data-block-id="${hello}"]`).click();
    await page.getByRole('button', { name: '+ Prompt' }).click();
    await page.getByLabel('Prompt text').fill('Welcome to Ringback');
    // The menu: option 1, which becomes a port.
    await page.locator(`[data-block-id="${menu}"]`).click();
    await page.getByRole('button', { name: '+ Prompt' }).first().click();
    await page.getByLabel('Prompt text').first().fill('Press 1 for sales');
    await page.getByRole('button', { name: '+ Option' }).click();
    await page.locator(`[data-block-id="${bye}"]`).click();
    await page.getByRole('button', { name: '+ Prompt' }).click();
    await page.getByLabel('Prompt text').fill('Goodbye');

    await connect(
      page.locator(`[data-block-id="${hello}"] .out-handle[data-handleid="next"]`),
      page.locator(`[data-block-id="${menu}"] .in-handle`),
    );
    await connect(
      page.locator(`[data-block-id="${menu}"] .out-handle[data-handleid="option:1"]`),
      page.locator(`[data-block-id="${bye}"] .in-handle`),
    );
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
    await shot('2-flow');

    // A reload keeps the saved flow and the undo history.
    await page.reload();
    await page.getByTestId('lane-selfService').waitFor();
    await expect.poll(() => page.locator('.block-node').count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('save-status').textContent()).toBe('Saved');

    await page.getByRole('tab', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(/Published version 1/);
    await shot('3-published');

    await page.getByRole('tab', { name: 'Test call' }).click();
    await page.getByRole('button', { name: 'Start call' }).click();
    const transcript = page.getByTestId('transcript');
    await expect.poll(() => transcript.textContent(), { timeout: 10_000 }).toMatch(/Welcome to Ringback/);
    await expect
      .poll(() => page.getByTestId('call-state').textContent(), { timeout: 10_000 })
      .toMatch(/waitingInput/);
    expect(await page.locator(`[data-block-id="${menu}"]`).getAttribute('class')).toMatch(/current/);
    await page.getByRole('button', { name: 'Key 1' }).click();
    await expect.poll(() => transcript.textContent(), { timeout: 10_000 }).toMatch(/Goodbye/);
    await expect
      .poll(() => page.getByTestId('call-state').textContent(), { timeout: 10_000 })
      .toMatch(/ended/);
    expect(await page.locator('.link-edge.taken').count()).toBe(2);
    await shot('4-test-call');
  }, 120_000);
});
