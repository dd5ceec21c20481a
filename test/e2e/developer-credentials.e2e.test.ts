/**
 * The Developer tab's credential screens in a real browser against the real routes: CAPTCHA and
 * statistics credentials saved through the forms come back masked after a reload, a second save
 * without retyping the secret keeps it, and a refused body shows the runtime's field errors.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { type BrowserSession, openSession, signIn } from './support/session.ts';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;

const SECRET_KEY = '6LeSecretKeyOfTheCaptchaKeySet-xyz';
const PASSWORD = 'statistics-password-7731';

const form = (name: string): Locator => page.getByRole('form', { name });

async function openCredentials(): Promise<void> {
  await page.goto(`${runtime.baseUrl}/#/developer`);
  await page.reload();
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await form('Statistics').waitFor();
}
describe('the Developer tab credential screens', () => {
  beforeAll(async () => {
    session = await openSession({ env: { RINGBACK_CLOCK: 'virtual' } });
    ({ runtime, page } = session);
    api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    await signIn(page, runtime);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'detached' });
  }, 180_000);

  afterAll(() => session?.close());

  it('saves CAPTCHA credentials and shows the secret key masked after a reload', async () => {
    await openCredentials();
    const captcha = form('CAPTCHA (reCAPTCHA)');
    await expect.poll(() => captcha.textContent(), { timeout: 15_000 }).toContain('Not configured yet.');
    await captcha.getByLabel('Enabled').check();
    await captcha.getByLabel('Type').selectOption('v2-checkbox');
    await captcha.getByLabel('Key set name').fill('Web site');
    await captcha.getByLabel('Site key').fill('6LeSiteKeyOfTheKeySet');
    await captcha.getByLabel('Secret key').fill(SECRET_KEY);
    await captcha.getByLabel('Score threshold').fill('0.7');
    await captcha.getByLabel('Allowed hostnames (comma separated)').fill('example.com, www.example.com');
    await captcha.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => captcha.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Saved.');

    await openCredentials();
    const again = form('CAPTCHA (reCAPTCHA)');
    await expect
      .poll(() => again.getByLabel('Key set name').inputValue(), { timeout: 15_000 })
      .toBe('Web site');
    await expect.poll(() => again.getByLabel('Type').inputValue()).toBe('v2-checkbox');
    await expect.poll(() => again.getByLabel('Enabled').isChecked()).toBe(true);
    await expect
      .poll(() => again.getByLabel('Allowed hostnames (comma separated)').inputValue())
      .toBe('example.com, www.example.com');
    const secret = again.getByLabel('Secret key');
    await expect.poll(() => secret.inputValue()).toBe('');
    const placeholder = (await secret.getAttribute('placeholder')) ?? '';
    expect(placeholder).toContain('•');
    expect(placeholder).not.toContain(SECRET_KEY);
    await expect.poll(() => page.content()).not.toContain(SECRET_KEY);

    const stored = await api.get('/api/v1/developer/credentials/captcha');
    expect(stored.body).toMatchObject({
      enabled: true,
      type: 'v2-checkbox',
      keySetName: 'Web site',
      siteKey: '6LeSiteKeyOfTheKeySet',
      scoreThreshold: 0.7,
      hostnames: ['example.com', 'www.example.com'],
      secretKey: placeholder,
    });
  });

  it('saves statistics credentials, keeps the password on a save without it, masks it after a reload', async () => {
    const statistics = form('Statistics');
    await statistics.getByLabel('Username').fill('stats-reader');
    await statistics.getByLabel('Password').fill(PASSWORD);
    await statistics.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => statistics.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Saved.');

    await openCredentials();
    const again = form('Statistics');
    await expect
      .poll(() => again.getByLabel('Username').inputValue(), { timeout: 15_000 })
      .toBe('stats-reader');
    await expect.poll(() => again.getByLabel('Password').inputValue()).toBe('');
    await expect.poll(() => again.getByLabel('Password').getAttribute('placeholder')).toBe('••••••••');
    await expect.poll(() => page.content()).not.toContain(PASSWORD);

    // A second save without the password keeps the stored one (the runtime answers Success).
    await again.getByLabel('Username').fill('stats-reader-2');
    await again.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => again.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Saved.');
    await again.getByRole('button', { name: 'Test' }).click();
    await expect
      .poll(() => again.getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('stats-reader-2');
    expect((await api.get('/api/v1/developer/credentials/statistics')).body).toMatchObject({
      username: 'stats-reader-2',
      password: '••••••••',
    });
  });

  it('shows the field errors of a refused body', async () => {
    const statistics = form('Statistics');
    await statistics.getByLabel('Username').fill('');
    await statistics.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => statistics.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('/username');
  });
});
