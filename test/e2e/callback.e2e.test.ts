/**
 * A designer test-calls the seeded Sales IVR, books a callback with the keypad, and follows it in
 * the test-call panel until the simulated contact center connects the customer to an agent.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { artifacts, type BrowserSession, openSession, signIn } from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;

describe('following a booked callback', () => {
  beforeAll(async () => {
    // Tuesday 10:00 in Los Angeles: the Sales office is open.
    session = await openSession({
      env: { RINGBACK_CLOCK: 'virtual', RINGBACK_CLOCK_START: '2026-11-24T18:00:00Z' },
    });
    ({ runtime, page } = session);
  }, 180_000);

  afterAll(() => session?.close());

  it('books with the keypad and shows the callback reach an agent', async () => {
    await signIn(page, runtime);
    await page.goto(`${runtime.baseUrl}/#/applications/sales-ivr`);
    await page.getByRole('tab', { name: 'Test call' }).click();
    await page.getByLabel('Caller number').fill('+14155550188');
    await page.getByRole('button', { name: 'Start call' }).click();
    await expect.poll(() => page.getByTestId('transcript').textContent()).toContain('Press 1 for a callback');
    const keypad = page.getByTestId('test-call-panel');
    await keypad.getByRole('button', { name: 'Key 1', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('transcript').textContent())
      .toContain('number you are calling from');
    await keypad.getByRole('button', { name: 'Key 1', exact: true }).click();
    await page.getByTestId('booked-callback').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('booked-callback').textContent()).toContain('QUEUED');
    await page.getByTestId('booked-callback').getByRole('button', { name: 'Answer', exact: true }).click();

    // The customer reaches an agent; the callback stays PROCESSING for the agent's conversation
    // (the simulated agents talk for 240 s) and is COMPLETED when it ends.
    for (let i = 0; i < 2; i++) await runtime.runtime.virtualClock!.advance(30_000);
    await expect.poll(() => page.getByTestId('booked-callback').textContent()).toContain('AGENT_ASSIGNED');
    for (let i = 0; i < 8; i++) await runtime.runtime.virtualClock!.advance(30_000);
    await expect.poll(() => page.getByTestId('booked-callback').textContent()).toContain('AGENT_CONNECTED');
    await expect.poll(() => page.getByTestId('booked-callback').textContent()).toContain('COMPLETED');
    await page.screenshot({ path: `${artifacts}/callback-followed.png` });
  });
});
