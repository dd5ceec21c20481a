/**
 * A newcomer's IVR, built in a real browser against the real runtime: from an empty Default
 * application, every block dragged from the palette, every link drawn from an outcome handle,
 * every property set in the properties panel, to a flow like examples/applications/inbound-ivr.json
 * (welcome, business hours, menu, account number with retries, segmentation, route to a queue,
 * closed message and terminate). The required field left empty is found and fixed from the issue
 * list; then it is published, given a phone number, and test-called through that number with the
 * keypad, pausing at a breakpoint and stepping on until the call is routed. The tests share one
 * page and run in order.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { connect, dropBlock } from './support/canvas-gestures.ts';
import { artifacts, type BrowserSession, openSession, publishAndAssign } from './support/session.ts';

const dnis = '+18005550177';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let applicationId = '';
const ids = {
  route: '',
  welcome: '',
  hours: '',
  menu: '',
  account: '',
  vip: '',
  priority: '',
  closed: '',
  goodbye: '',
};

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}/inbound-ivr-${name}.png` });
}

const block = (id: string) => page.locator(`[data-block-id="${id}"]`);
const outHandle = (id: string, outcome: string) =>
  block(id).locator(`.out-handle[data-handleid="${outcome}"]`);
const inHandle = (id: string) => block(id).locator('.in-handle');
const panel = () => page.getByTestId('properties-panel');
const callState = () => page.getByTestId('call-state').textContent();
const transcript = () => page.getByTestId('transcript').textContent();

/** Selects a block by clicking its title and names it in the properties panel. */
async function open(id: string, label: string): Promise<void> {
  await block(id).locator('.block-head').click();
  await page.getByRole('tab', { name: 'Properties' }).click();
  await page.locator(`[id="label-${id}"]`).fill(label);
}

/** Adds a TTS prompt to the prompt list of the field at `path` (e.g. /prompts). */
async function addPrompt(path: string, text: string): Promise<void> {
  const field = panel().locator(`[data-field="${path}"]`);
  await field.getByRole('button', { name: '+ Prompt' }).click();
  await field.getByLabel('Prompt text').last().fill(text);
}

/**
 * Zooms to fit the blocks and waits until the view has stood still for 500 ms (longer than the
 * 300 ms animation), measured in time rather than in polls: on a loaded machine polls come late,
 * and the wait is for the state (a still view), up to the suite's poll limit.
 */
async function zoomToFit(): Promise<void> {
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const transform = () =>
    page.evaluate(`getComputedStyle(document.querySelector('.react-flow__viewport')).transform`);
  let last = await transform();
  let stillSince = performance.now();
  await expect
    .poll(
      async () => {
        const now = await transform();
        if (now !== last) stillSince = performance.now();
        last = now;
        return performance.now() - stillSince;
      },
      { interval: 100, timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(500);
}

const field = (path: string) => panel().locator(`[data-field="${path}"]`);

describe('building the inbound IVR from an empty application', () => {
  beforeAll(async () => {
    session = await openSession({ signIn: true });
    ({ runtime, page } = session);
  }, 180_000);

  afterAll(() => session?.close());

  it('places every block by drag and drop and links them from their outcome handles', async () => {
    await page.getByLabel('New application name').fill('E2E customer care IVR');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('lane-selfService').waitFor();
    applicationId = decodeURIComponent(page.url().split('#/applications/')[1]!.split(/[/?]/)[0]!);
    await expect.poll(() => page.locator('.block-node').count()).toBe(0);

    // Assisted Service first, while its lane is in view: Self Service grows as blocks are added.
    ids.route = await dropBlock(page, 'Route Call', 'assistedService', { x: 110, y: 80 });
    // Self Service, in three rows: main path, the closed branch, the account check.
    ids.welcome = await dropBlock(page, 'Play Message', 'selfService', { x: 105, y: 70 });
    ids.hours = await dropBlock(page, 'Business Hours', 'selfService', { x: 320, y: 70 });
    ids.menu = await dropBlock(page, 'Menu', 'selfService', { x: 535, y: 70 });
    ids.account = await dropBlock(page, 'User Input', 'selfService', { x: 750, y: 70 });
    ids.closed = await dropBlock(page, 'Play Message', 'selfService', { x: 320, y: 200 });
    ids.goodbye = await dropBlock(page, 'Terminate Call', 'selfService', { x: 535, y: 200 });
    ids.vip = await dropBlock(page, 'Segmentation', 'selfService', { x: 750, y: 200 });
    ids.priority = await dropBlock(page, 'Play Message', 'selfService', { x: 750, y: 330 });
    await expect.poll(() => block(ids.welcome).locator('.start-badge').count()).toBe(1);
    await expect.poll(() => block(ids.route).locator('.start-badge').count()).toBe(1);
    await shot('1-placed');
  });

  it('configures every block in the properties panel', async () => {
    await open(ids.welcome, 'Welcome');
    await addPrompt('/prompts', 'Welcome to Ringback Customer Care.');

    await open(ids.hours, 'Open now?');
    await expect.poll(() => field('/source').locator('select').inputValue()).toBe('name');
    await field('/businessHoursName').locator('input').fill('Always_Open');

    await open(ids.menu, 'Main menu');
    await addPrompt('/prompts', 'For sales, press 1. For billing, press 2.');
    await field('/options').getByRole('button', { name: '+ Option' }).click();
    await field('/options').getByRole('button', { name: '+ Option' }).click();
    await field('/options').getByLabel('Option label').nth(0).fill('Sales');
    await field('/options').getByLabel('Option label').nth(1).fill('Billing');
    await expect
      .poll(() => block(ids.menu).locator('.port').allTextContents())
      .toEqual(['1: Sales', '2: Billing', 'No input', 'No match']);

    // The account number: six digits, two retries with their own prompts. The result variable is
    // left empty, and the variable the segmentation reads undeclared; the issue list finds both.
    await open(ids.account, 'Account number');
    await addPrompt('/prompts', 'Please enter your 6-digit account number.');
    await field('/minDigits').locator('input').fill('6');
    await field('/maxDigits').locator('input').fill('6');
    await panel().getByRole('tab', { name: 'Retries' }).click();
    await field('/timeoutSeconds').locator('input').fill('7');
    await field('/retries').locator('input').fill('2');
    await addPrompt('/noInputPrompts', 'I did not hear anything.');
    await addPrompt('/noMatchPrompts', 'An account number has 6 digits.');

    await open(ids.vip, 'VIP?');
    await field('/conditions').getByRole('button', { name: '+ Add' }).click();
    await field('/conditions/0/label').locator('input').fill('VIP account');
    await field('/conditions/0/expression').locator('input').fill("startsWith(accountNumber, '9')");
    await expect
      .poll(() => block(ids.vip).locator('.port').allTextContents())
      .toEqual(['VIP account', 'Default']);

    await open(ids.priority, 'Priority');
    await addPrompt('/prompts', 'Thank you. As a priority customer you are next in line.');

    await open(ids.closed, 'Closed');
    await addPrompt('/prompts', 'Our office is closed. Please call again during opening hours.');

    await open(ids.goodbye, 'Goodbye');
    await field('/reason').locator('input').fill('closed');

    await open(ids.route, 'Route');
    await expect.poll(() => field('/routingType').locator('select').inputValue()).toBe('skillExpression');
    await field('/virtualQueue').locator('input').fill('Sales_VQ');
    await field('/skillExpression').locator('input').fill('Sales>0');
    await panel().getByRole('tab', { name: 'Treatment' }).click();
    await addPrompt('/treatmentPrompts', 'All our agents are busy. Please hold.');
  });

  it('links the blocks by dragging from outcome handles', async () => {
    const links: [string, string, string][] = [
      [ids.welcome, 'next', ids.hours],
      [ids.hours, 'open', ids.menu],
      [ids.hours, 'closed', ids.closed],
      [ids.hours, 'error', ids.closed],
      [ids.closed, 'next', ids.goodbye],
      [ids.menu, 'option:1', ids.account],
      [ids.menu, 'option:2', ids.account],
      [ids.account, 'next', ids.vip],
      [ids.vip, 'condition:1', ids.priority],
    ];
    for (const [source, outcome, target] of links) {
      const before = await page.locator('.react-flow__edge').count();
      await connect(page, outHandle(source, outcome), inHandle(target));
      await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(before + 1);
    }
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
    await zoomToFit();
    await shot('2-built');

    // What the drags and forms wrote is the document the runtime has.
    const api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    const reply = await api.request('GET', `/api/v1/applications/${applicationId}`);
    expect(reply.status).toBe(200);
    const doc = reply.body.application;
    expect(doc.phases).toMatchObject({ selfService: ids.welcome, assistedService: ids.route });
    const shape = Object.fromEntries(
      Object.entries(doc.blocks as Record<string, { type: string; next: Record<string, string> }>).map(
        ([id, b]) => [id, { type: b.type, next: b.next }],
      ),
    );
    expect(shape).toEqual({
      [ids.route]: { type: 'route-call', next: {} },
      [ids.welcome]: { type: 'play-message', next: { next: ids.hours } },
      [ids.hours]: {
        type: 'business-hours',
        next: { open: ids.menu, closed: ids.closed, error: ids.closed },
      },
      [ids.menu]: { type: 'menu', next: { 'option:1': ids.account, 'option:2': ids.account } },
      [ids.account]: { type: 'user-input', next: { next: ids.vip } },
      [ids.closed]: { type: 'play-message', next: { next: ids.goodbye } },
      [ids.goodbye]: { type: 'terminate-call', next: {} },
      [ids.vip]: { type: 'segmentation', next: { 'condition:1': ids.priority } },
      [ids.priority]: { type: 'play-message', next: {} },
    });
    expect(doc.blocks[ids.account].properties).toMatchObject({
      minDigits: 6,
      maxDigits: 6,
      retries: 2,
      timeoutSeconds: 7,
      noInputPrompts: [{ type: 'tts', value: 'I did not hear anything.' }],
      noMatchPrompts: [{ type: 'tts', value: 'An account number has 6 digits.' }],
    });
    expect(doc.blocks[ids.hours].properties).toMatchObject({
      source: 'name',
      businessHoursName: 'Always_Open',
    });
  });

  it('shows the whole flow in the minimap and moves the view where it is clicked', async () => {
    const minimap = page.getByTestId('minimap');
    const paths = await minimap
      .locator('path.minimap-blocks')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('d') ?? ''));
    // One subpath per block. Two have errors and are drawn red: the user input lacks its result
    // variable, and the segmentation reads a variable not declared yet.
    expect(paths.map((d) => d.split('M').length - 1)).toEqual([7, 2]);

    const canvas = (await page.locator('.canvas').boundingBox())!;
    const finalizeInView = async () => {
      const lane = page.getByTestId('lane-finalize');
      if ((await lane.count()) === 0) return false;
      const box = await lane.boundingBox();
      return !!box && box.y >= canvas.y && box.y + box.height <= canvas.y + canvas.height;
    };
    await expect.poll(() => finalizeInView()).toBe(false);
    const map = (await minimap.locator('svg').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2, map.y + map.height - 4);
    await expect.poll(finalizeInView).toBe(true);
    await shot('minimap-moved');
    await zoomToFit();
  });

  it('finds the missing result variable in the issue list and fixes it there', async () => {
    const issuesTab = page.getByRole('tab', { name: /^Issues/ });
    await issuesTab.click();
    const errors = page.getByTestId('issues').locator('li.issue.error');
    await expect
      .poll(() => errors.allTextContents())
      .toEqual([
        expect.stringMatching(/^Error Account number \(User Input\): Result variable is required/),
        expect.stringMatching(/^Error VIP\? \(Segmentation\): Variable accountNumber is not declared/),
      ]);
    // Publishing is refused while errors stand.
    await page.getByRole('tab', { name: 'Publish' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Publish', exact: true }).isDisabled())
      .toBe(true);
    await issuesTab.click();
    await shot('3-issues');

    // The issue opens the block's properties; the new name is declared from the field itself.
    await errors.filter({ hasText: 'Result variable' }).getByRole('button').click();
    await expect.poll(() => block(ids.account).getAttribute('class')).toMatch(/selected/);
    await field('/resultVariable').locator('input').fill('accountNumber');
    await field('/resultVariable').getByRole('button', { name: 'Declare accountNumber' }).click();
    await expect.poll(() => field('/resultVariable').textContent()).not.toMatch(/not declared/);
    await issuesTab.click();
    await expect.poll(() => errors.count()).toBe(0);
    await page.getByRole('tab', { name: 'Variables' }).click();
    await expect.poll(() => page.getByLabel('Variable name').inputValue()).toBe('accountNumber');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');
  });

  it('publishes, takes a phone number, and answers a test call to that number with the keypad', async () => {
    await publishAndAssign(page, dnis);

    // A breakpoint on the segmentation, set from the keyboard.
    await block(ids.vip).locator('.block-head').click();
    await page.keyboard.press('F9');
    await expect.poll(() => block(ids.vip).locator('.breakpoint-dot').count()).toBe(1);

    await page.getByRole('tab', { name: 'Test call' }).click();
    const testCall = page.getByTestId('test-call-panel');
    await testCall.getByRole('combobox').first().selectOption('dnis');
    await testCall.getByRole('textbox', { name: 'DNIS' }).fill(dnis);
    await testCall.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(transcript).toMatch(/Welcome to Ringback Customer Care\./);
    await expect.poll(transcript).toMatch(/For sales, press 1\. For billing, press 2\./);
    await expect.poll(callState).toMatch(new RegExp(`waitingInput · in Main menu \\(Menu\\) ${ids.menu}`));
    const key = (k: string) => testCall.getByRole('button', { name: `Key ${k}`, exact: true });

    await key('1').click();
    await expect.poll(transcript).toMatch(/Please enter your 6-digit account number\./);
    await expect
      .poll(callState)
      .toMatch(new RegExp(`waitingInput · in Account number \\(User Input\\) ${ids.account}`));
    // Too short, ended with #: no match, its prompt, and the question again.
    for (const k of ['1', '2', '#']) await key(k).click();
    await expect.poll(transcript).toMatch(/An account number has 6 digits\./);
    await expect
      .poll(async () => (await transcript())?.match(/Please enter your 6-digit account number/g)?.length)
      .toBe(2);
    for (const k of ['9', '1', '2', '3', '4', '5']) await key(k).click();
    await expect.poll(callState).toMatch(new RegExp(`paused · in VIP\\? \\(Segmentation\\) ${ids.vip}`));
    await expect.poll(() => block(ids.vip).getAttribute('class')).toMatch(/paused/);
    await expect.poll(() => page.getByTestId('debug-controls').textContent()).toMatch(/Paused before VIP\?/);
    await expect.poll(() => page.getByTestId('call-variables').textContent()).toMatch(/accountNumber/);
    await expect.poll(() => page.getByTestId('call-variables').textContent()).toMatch(/912345/);
    await shot('4-paused');

    // Step runs the segmentation, which takes the VIP port; Continue runs to the end.
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect
      .poll(callState)
      .toMatch(new RegExp(`paused · in Priority \\(Play Message\\) ${ids.priority}`));
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect.poll(transcript).toMatch(/As a priority customer/);
    await expect.poll(callState).toMatch(/ended · routed/);
    const trace = await page.locator('.trace li').allTextContents();
    expect(trace.at(-1)).toMatch(/^Route \(Route Call\) → routed/);
    // An agent of the queue took it (the simulated contact center has Ready agents with Sales skills).
    const variables = await page.getByTestId('call-variables').textContent();
    expect(variables).toMatch(/RoutingVirtualQueue"Sales_VQ"/);
    expect(variables).toMatch(/RoutingAgentId"[\w/]+"/);
    await expect.poll(() => transcript()).not.toMatch(/closed/);
    await zoomToFit();
    await expect.poll(() => page.locator('.link-edge.taken').count()).toBe(5);
    await shot('5-routed');
  });
});
