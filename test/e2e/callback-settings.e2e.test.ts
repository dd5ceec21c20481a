/**
 * The Callback settings screen in a real browser against the real runtime (examples seeded: the
 * Sales_VQ row, the published sales-callback application, Sales_Hours, the March capacity rule):
 * pick a queue, read its grouped form, see the form's own check and the server's save-time
 * problem beside their fields, save, reload, be held when leaving with unsaved changes, create a
 * queue with a rule, unassign the rule, delete the queue through the in-app dialog.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import type { StartedRuntime } from '../support/start-runtime.ts';
import { artifacts, type BrowserSession, openSession, signIn } from './support/session.ts';

const ROWS = '/api/v1/data-tables/CALLBACK_SETTINGS/rows';

let session: BrowserSession;
let runtime: StartedRuntime;
let page: Page;
let api: ApiClient;

const field = (name: string) => page.getByLabel(name, { exact: true });
const problemOf = (settingsField: string) => page.locator(`[data-field="${settingsField}"] .field-error`);
const queueList = () => page.getByRole('complementary', { name: 'Callback queues' });
const saveState = () => page.locator('.save-state').textContent();
const row = async (queue: string) => (await api.get(`${ROWS}/${queue}`)).body;

describe('callback settings', () => {
  beforeAll(async () => {
    session = await openSession({ page: { viewport: { width: 1280, height: 900 } } });
    ({ runtime, page } = session);
    api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    await signIn(page, runtime);
  }, 180_000);

  afterAll(() => session?.close());

  it('shows a queue as a grouped form with human names, units, help and pickers', async () => {
    await page.getByRole('link', { name: 'Callback settings' }).click();
    await page.getByRole('heading', { name: 'Callback settings' }).waitFor();
    await queueList()
      .getByRole('button', { name: /^Sales_VQ/ })
      .click();
    await page.getByRole('heading', { name: 'Sales_VQ' }).waitFor();
    // The seeded application is picked from the published Callback applications once they load.
    await expect.poll(() => field('Callback Application').inputValue()).toBe('sales-callback');

    await expect
      .poll(() => page.locator('fieldset.settings-group > legend').allTextContents())
      .toEqual([
        'Queue',
        'Calling the customer',
        'Offering callbacks',
        'Scheduled callbacks',
        'Priority',
        'Limits',
        'Purge and retention',
        'Click-To-Call-In and push notifications',
        'Rules',
      ]);
    await expect.poll(() => field('Business Hours').inputValue()).toBe('Sales_Hours');
    await expect
      .poll(() => field('Business Hours').locator('option:checked').textContent())
      .toMatch(/Sales_Hours — \w+\/\w+/);
    await expect.poll(() => field('Virtual Queue').getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => field('Call Direction').inputValue()).toBe('USERTERMINATED');
    await expect.poll(() => field('Immediate Enabled').isChecked()).toBe(true);
    await expect.poll(() => field('Capacity Rule').inputValue()).toBe('March');
    await expect.poll(() => field('Number Validation Rule').inputValue()).toBe('North_America');
    await expect.poll(() => field('Max Dial Attempts').getAttribute('max')).toBe('10');
    await expect
      .poll(() => page.locator('[data-field="retryDelaySeconds"] .field-unit').textContent())
      .toBe('seconds');
    await expect
      .poll(() => page.locator('[data-field="slotDurationMinutes"] .field-help').textContent())
      .toMatch(/Default: 15\./);
    // Required fields carry the mark; the Routing Point only while the business places the call.
    await expect.poll(() => page.locator('[data-field="skillExpression"] .required-mark').count()).toBe(1);
    await expect.poll(() => page.locator('[data-field="routingPoint"] .required-mark').count()).toBe(1);
    await expect.poll(() => page.locator('[data-field="surveyRoutingPoint"] .required-mark').count()).toBe(0);
    // No camelCase column name is shown to the reader.
    await expect
      .poll(() => page.locator('.settings-form').innerText())
      .not.toMatch(/maxDialAttempts|skillExpression/);

    // The group links bring a group far down the form into view.
    await page.locator('.group-nav').getByRole('button', { name: 'Rules' }).click();
    const rules = page.getByRole('group', { name: 'Rules' });
    const footer = page.locator('.settings-form-footer');
    // The last group cannot scroll to the top; it shows whole, above the footer.
    await expect
      .poll(async () => {
        const [box, bar] = [await rules.boundingBox(), await footer.boundingBox()];
        return box && bar ? box.y > 120 && box.y + box.height <= bar.y : false;
      })
      .toBe(true);
    await page.screenshot({ path: `${artifacts}/settings-form-3-rules.png` });
  });

  it('checks with the schema first, then shows the server’s problem beside its field, and saves', async () => {
    await field('Max Dial Attempts').fill('40');
    await expect.poll(saveState).toMatch(/Unsaved changes/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // Refused before sending: the form's own check, in the catalogue's words.
    await expect
      .poll(() => problemOf('maxDialAttempts').textContent())
      .toBe('Enter a whole number from 1 to 10.');
    expect((await row('Sales_VQ')).maxDialAttempts).toBe(3);

    await field('Max Dial Attempts').fill('5');
    await field('Skill Expression').fill('Sales>=');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // Only the runtime knows the expression does not parse: its pointer lands on the field.
    await expect.poll(() => field('Skill Expression').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => problemOf('skillExpression').textContent())
      .toBe('Expected a level after ">=", found the end at position 7');
    await expect.poll(() => problemOf('maxDialAttempts').count()).toBe(0);
    await expect
      .poll(() => page.locator('.group-nav button.has-error').allTextContents())
      .toEqual(['Queue1']);
    // Save stays in view at 1280 × 900, however long the form.
    const save = await page.getByRole('button', { name: 'Save', exact: true }).boundingBox();
    expect(save && save.y + save.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: `${artifacts}/settings-form.png` });

    await field('Skill Expression').fill('Sales>=3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(saveState).toBe('Saved Sales_VQ.');
    await expect
      .poll(() => row('Sales_VQ'))
      .toMatchObject({ skillExpression: 'Sales>=3', maxDialAttempts: 5 });

    await page.reload();
    await page.getByRole('heading', { name: 'Sales_VQ' }).waitFor();
    await expect.poll(() => field('Skill Expression').inputValue()).toBe('Sales>=3');
    await expect.poll(() => field('Max Dial Attempts').inputValue()).toBe('5');
  });

  it('holds a tab change while changes are unsaved, in its own dialog', async () => {
    await expect.poll(() => field('Callback Application').inputValue()).toBe('sales-callback');
    await field('Slot Capacity').fill('9');
    await page.getByRole('link', { name: 'Business hours' }).click();
    const dialog = page.getByTestId('unsaved-changes-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay' }).click();
    await expect.poll(() => field('Slot Capacity').inputValue()).toBe('9');
    expect(page.url()).toMatch(/#\/callback-settings$/);

    await page.getByRole('link', { name: 'Business hours' }).click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/business-hours$/);
    await page.getByRole('heading', { name: 'Business hours' }).waitFor();
    expect((await row('Sales_VQ')).slotCapacity).toBe(5);
  });

  it('creates a queue with a rule, unassigns the rule, and deletes the queue through the dialog', async () => {
    await page.getByRole('link', { name: 'Callback settings' }).click();
    await page.getByRole('button', { name: 'New queue' }).click();
    await field('Virtual Queue').fill('Support_VQ');
    await field('Callback Application').selectOption('sales-callback');
    await field('Business Hours').selectOption('Sales_Hours');
    await field('Skill Expression').fill('Support>=3');
    await field('Routing Point').fill('Support_CB_OUT');
    await field('Capacity Rule').selectOption('March');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(saveState).toBe('Saved Support_VQ.');
    await expect
      .poll(() => row('Support_VQ'))
      .toMatchObject({ capacityRule: 'March', slotDurationMinutes: 15 });
    expect(
      await queueList()
        .getByRole('button', { name: /^Support_VQ/ })
        .getAttribute('aria-current'),
    ).toBe('true');

    await field('Capacity Rule').selectOption('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await row('Support_VQ')).capacityRule ?? null).toBeNull();

    await page.getByRole('button', { name: 'Delete queue' }).click();
    const dialog = page.getByTestId('delete-queue-dialog');
    await dialog.getByRole('heading', { name: 'Delete the queue Support_VQ?' }).waitFor();
    await dialog.getByRole('button', { name: 'Delete queue' }).click();
    await expect
      .poll(() =>
        queueList()
          .getByRole('button', { name: /^Support_VQ/ })
          .count(),
      )
      .toBe(0);
    expect((await api.get(`${ROWS}/Support_VQ`)).status).toBe(404);
    await page.screenshot({ path: `${artifacts}/settings-form-2-after-delete.png` });
  });

  it('shows a business user the settings read only, with no control that would be refused', async () => {
    const created = await api.post('/api/v1/users', {
      username: 'bea',
      password: 'bea-password-1',
      roles: ['businessUser'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await context.newPage();
    other.setDefaultTimeout(60_000);
    await other.goto(runtime.baseUrl);
    await other.getByLabel('Username').fill('bea');
    await other.getByLabel('Password').fill('bea-password-1');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('link', { name: 'Callback settings' }).click();
    const skill = other.getByLabel('Skill Expression', { exact: true });
    const stored = (await row('Sales_VQ')).skillExpression;
    await expect.poll(() => skill.inputValue()).toBe(stored);
    await expect.poll(() => skill.isDisabled()).toBe(true);
    await expect.poll(() => other.getByLabel('Max Dial Attempts', { exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => other.locator('.save-state').textContent()).toMatch(/Read only/);
    for (const control of ['Save', 'New queue', 'Delete queue', 'Revert'])
      await expect.poll(() => other.getByRole('button', { name: control, exact: true }).count()).toBe(0);
    await other.screenshot({ path: `${artifacts}/settings-form-4-read-only.png` });
    await context.close();
  });
});
