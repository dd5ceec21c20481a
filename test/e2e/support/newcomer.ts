/**
 * The session the Designer-as-a-newcomer browser tests share (issue 13): a runtime with the seeded
 * examples on a virtual clock (Tuesday 10:00 in Los Angeles, the Sales office open; the clock moves
 * only when told), signed in, with the "newcomer" menu application created.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ApiClient } from '../../support/client.ts';
import { menuApplication } from '../../support/documents.ts';
import type { StartedRuntime } from '../../support/start-runtime.ts';
import { artifacts, type BrowserSession, openSession, signIn } from './session.ts';

export interface Newcomer {
  session: BrowserSession;
  runtime: StartedRuntime;
  page: Page;
  api: ApiClient;
  /** Saves test-artifacts/newcomer-<name>.png. */
  shot: (name: string) => Promise<Buffer>;
  status: () => Promise<string | null>;
  /** Opens an application afresh (leaving the page first, so a changed draft is loaded again). */
  openApp: (id: string) => Promise<void>;
  /** The application a number serves, from the API. */
  holderOf: (dnis: string) => Promise<string | undefined>;
}

export async function openNewcomerSession(): Promise<Newcomer> {
  const session = await openSession({
    env: {
      RINGBACK_CLOCK: 'virtual',
      RINGBACK_CLOCK_START: '2026-11-24T18:00:00Z',
      RINGBACK_SIM_DIAL_MS: '2000',
    },
  });
  const { runtime, page } = session;
  // Opening another application while an edit is still being saved asks first; the tests leave.
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') void dialog.accept();
  });
  const api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
  await signIn(page, runtime);
  await page.getByLabel('New application name').waitFor({ timeout: 30_000 });
  expect((await api.post('/api/v1/applications', menuApplication('newcomer', 'Hello newcomer'))).status).toBe(
    201,
  );
  return {
    session,
    runtime,
    page,
    api,
    shot: (name) => page.screenshot({ path: `${artifacts}/newcomer-${name}.png` }),
    status: () => page.getByRole('status').first().textContent(),
    openApp: async (id) => {
      await page.goto('about:blank');
      await page.goto(`${runtime.baseUrl}/#/applications/${id}`);
      await page.getByTestId('lane-selfService').waitFor({ timeout: 30_000 });
    },
    holderOf: async (dnis) =>
      ((await api.get('/api/v1/phone-numbers')).body.items as { dnis: string; applicationId: string }[]).find(
        (n) => n.dnis === dnis,
      )?.applicationId,
  };
}
