/**
 * What every browser test starts with: a real runtime serving the built editor (built once by
 * build-editor.ts), Debian's Chromium and one page; screenshots go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Dialog, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type StartedRuntime, startRuntime } from '../../support/start-runtime.ts';
import { launchChromium } from './chromium.ts';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const artifacts = `${repo}test-artifacts`;

export interface BrowserSession {
  runtime: StartedRuntime;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(
  options: { env?: Record<string, string>; page?: BrowserContextOptions; signIn?: boolean } = {},
): Promise<BrowserSession> {
  mkdirSync(artifacts, { recursive: true });
  const runtime = await startRuntime(options.env);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 }, ...options.page });
  // Actions and waits wait for their element up to a minute: sized for a loaded machine.
  page.setDefaultTimeout(60_000);
  if (options.signIn) await signIn(page, runtime);
  return {
    runtime,
    browser,
    page,
    async close() {
      await browser.close();
      await runtime.stop();
    },
  };
}

/**
 * Records every native browser box (alert, confirm, prompt) the page opens, dismissing it: the
 * console asks in its own dialogs, so a test asserts the list stays empty. Leaving the page with
 * an edit in flight (beforeunload) is accepted and not recorded.
 */
export function recordNativeDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog: Dialog) => {
    if (dialog.type() === 'beforeunload') {
      void dialog.accept();
      return;
    }
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

export async function signIn(page: Page, runtime: StartedRuntime): Promise<void> {
  await page.goto(runtime.baseUrl);
  await page.getByLabel('Password').fill(runtime.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The button is renamed while the request is out; the form goes once the session is open.
  await page.getByRole('form', { name: 'Sign in' }).waitFor({ state: 'detached' });
}

/** Publishes the open application from the Publish tab, through its confirmation dialog. */
export async function publishFromPanel(page: Page, version = 1, note?: string): Promise<void> {
  await page.getByRole('tab', { name: 'Publish' }).click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByTestId('publish-dialog');
  await dialog.waitFor();
  if (note) await dialog.getByRole('textbox', { name: /Note for the version history/ }).fill(note);
  await dialog.getByRole('button', { name: `Publish version ${version}` }).click();
  await expect
    .poll(() => page.getByRole('status').first().textContent())
    .toMatch(new RegExp(`Published version ${version}`));
}

/** Publishes the open application from the Publish tab and assigns it a number there. */
export async function publishAndAssign(page: Page, dnis: string): Promise<void> {
  await publishFromPanel(page);
  await page.getByRole('textbox', { name: 'DNIS' }).fill(dnis);
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect
    .poll(() => page.getByTestId('own-number').locator('td').first().allTextContents())
    .toEqual([dnis]);
}
