/**
 * Callback console benchmark: `npx tsx bench/console.ts` (builds the editor first unless
 * RINGBACK_BENCH_NO_BUILD is set). A runtime on a virtual clock holds 10,000 callbacks for today
 * (written straight into the table: the benchmark measures the screen, not booking) and 200
 * callback queues. In headless Chromium it measures, on the Callback tab: clicking the tab to the
 * first rows drawn, a search keystroke to the filtered rows drawn, and frames per second while
 * the 10,000 rows scroll; on the Monitor tab: frames per second across its own refreshes.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { callbacks } from '../runtime/db/schema.ts';
import { ApiClient } from '../test/support/client.ts';
import { startRuntime } from '../test/support/start-runtime.ts';
import { CHROMIUM_ARGS } from './editor-browser.ts';
import { median, Report } from './report.ts';

const root = join(import.meta.dirname, '..');
const CALLBACKS = 10_000;
const QUEUES = 200;
const NOW = Date.parse('2026-03-03T17:00:00Z'); // Tuesday 09:00 in Los Angeles

/** Frames drawn while `during` runs in the page for `ms`, and the longest gap between two. */
async function framesWhile(
  page: Page,
  ms: number,
  during: string,
): Promise<{ fps: number; longestMs: number }> {
  return (await page.evaluate(`new Promise((resolve) => {
    const step = ${during};
    let frames = 0, last = performance.now(), longest = 0;
    const start = last;
    const tick = (now) => {
      frames++; longest = Math.max(longest, now - last); last = now;
      step(now - start);
      if (now - start < ${ms}) requestAnimationFrame(tick);
      else resolve({ fps: (frames * 1000) / (now - start), longestMs: longest });
    };
    requestAnimationFrame(tick);
  })`)) as { fps: number; longestMs: number };
}

/** Types one more character in the search box and waits for the count line to change and paint. */
async function keystroke(page: Page, text: string): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const input = document.querySelector('input[type="search"]');
    const count = document.querySelector('[data-testid="list-count"]');
    const before = count.textContent;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const start = performance.now();
    const check = () => {
      if (count.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - start));
      else if (performance.now() - start > 5000) resolve(Number.NaN);
      else requestAnimationFrame(check);
    };
    setter.call(input, ${JSON.stringify(text)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(check);
  })`)) as number;
}

export async function benchConsole(report: Report): Promise<void> {
  if (!process.env.RINGBACK_BENCH_NO_BUILD)
    execFileSync('npm', ['run', 'build:editor', '--', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const runtime = await startRuntime({
    RINGBACK_CLOCK: 'virtual',
    RINGBACK_CLOCK_START: new Date(NOW).toISOString(),
    RINGBACK_ENGINE: 'off',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const api = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    const sales = (await api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    for (let i = 1; i < QUEUES; i++) {
      const name = `Queue_${String(i).padStart(3, '0')}`;
      await api.put(`/api/v1/data-tables/CALLBACK_SETTINGS/rows/${name}`, { ...sales, virtualQueue: name });
    }
    const { db } = runtime.runtime;
    const dayStart = Date.parse('2026-03-03T08:00:00Z');
    for (let batch = 0; batch < CALLBACKS; batch += 1000) {
      await db.insert(callbacks).values(
        Array.from({ length: 1000 }, (_, j) => {
          const i = batch + j;
          const desired = dayStart + Math.floor((i / CALLBACKS) * 15 * 3600_000);
          return {
            id: randomUUID(),
            tenantId: 'default',
            virtualQueue: i % 2 ? 'Sales_VQ' : `Queue_${String((i % (QUEUES - 1)) + 1).padStart(3, '0')}`,
            phoneNumber: `+1415${String(5_000_000 + i).padStart(7, '0')}`,
            state: (desired < NOW ? 'COMPLETED' : i % 3 ? 'SCHEDULED' : 'QUEUED') as 'COMPLETED',
            reason: desired < NOW ? 'AGENT_CONNECTED' : null,
            origin: (i % 3 ? 'scheduled' : 'immediate') as 'scheduled',
            desiredTime: desired,
            priority: 1,
            userData: {},
            details: {},
            queuedAt: desired,
            createdAt: desired - 3600_000,
            updatedAt: desired,
            completedAt: desired < NOW ? desired + 60_000 : null,
            expiresAt: desired + 14 * 86_400_000,
          };
        }),
      );
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(runtime.baseUrl);
    await page.getByLabel('Password').fill(runtime.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Applications' }).waitFor();

    const firstRows: number[] = [];
    const pageTimes = async () =>
      (await page.evaluate(`performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/v1/callbacks?')).map((e) => Math.round(e.duration))`)) as number[];
    for (let run = 0; run < 5; run++) {
      await page.getByRole('link', { name: 'Applications' }).click();
      await page.locator('.applications').waitFor();
      const started = performance.now();
      await page.getByRole('link', { name: 'Callbacks' }).click();
      await page.locator('tbody tr[data-index="0"]').waitFor();
      firstRows.push(performance.now() - started);
    }
    report.figure('Callback tab: click to first rows drawn (median of 5)', median(firstRows), {
      unit: 'ms',
      target: '< 1000',
      ok: median(firstRows) < 1000,
    });
    await page.getByText(`${CALLBACKS} shown of ${CALLBACKS} in range`).waitFor({ timeout: 60_000 });
    report.figure('Callback tab: callbacks in range, all loaded', CALLBACKS);
    report.figure('GET /api/v1/callbacks, a page of 250 (median)', median(await pageTimes()), { unit: 'ms' });

    // Each keystroke changes how many match (1,000, 100, 10, 1, then back as it is erased).
    const steps = [
      '+14155009',
      '+141550099',
      '+1415500999',
      '+14155009999',
      '+1415500999',
      '+141550099',
      '+14155009',
    ];
    const keys: number[] = [];
    for (const text of steps) keys.push(await keystroke(page, text));
    if (keys.some(Number.isNaN)) throw new Error(`a keystroke never changed the list: ${keys.join(', ')}`);
    const worst = Math.max(...keys);
    report.figure('search keystroke to filtered rows drawn (median)', median(keys), {
      unit: 'ms',
      target: '< 100',
      ok: median(keys) < 100,
    });
    report.figure('search keystroke to filtered rows drawn (worst)', worst, { unit: 'ms' });
    await keystroke(page, '');

    const profile = (await page.evaluate(`new Promise((resolve) => {
      const grid = document.querySelector('[data-testid="callback-rows"]');
      let js = 0, frames = 0;
      const start = performance.now();
      const tick = () => {
        const t0 = performance.now();
        grid.scrollTop += 300;
        void grid.querySelector('tbody tr[data-index]')?.getBoundingClientRect();
        js += performance.now() - t0;
        frames++;
        if (performance.now() - start < 1500) requestAnimationFrame(tick);
        else resolve({ js, frames, total: performance.now() - start, rows: grid.querySelectorAll('tbody tr').length });
      };
      requestAnimationFrame(tick);
    })`)) as Record<string, number>;
    if (process.env.RINGBACK_BENCH_DEBUG) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () =>
        Object.fromEntries(
          (
            (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
          ).metrics.map((m) => [m.name, m.value]),
        );
      const before = await metrics();
      await framesWhile(
        page,
        1500,
        `(elapsed) => { document.querySelector('[data-testid="callback-rows"]').scrollTop = 50000 + elapsed * 4; }`,
      );
      const after = await metrics();
      const keys = [
        'ScriptDuration',
        'LayoutDuration',
        'RecalcStyleDuration',
        'TaskDuration',
        'LayoutCount',
        'RecalcStyleCount',
        'Nodes',
      ];
      console.log(
        'tags',
        await page.evaluate(
          `(() => { const c = {}; for (const e of document.querySelectorAll('*')) c[e.tagName] = (c[e.tagName] ?? 0) + 1; return Object.entries(c).sort((a, b) => b[1] - a[1]).slice(0, 6); })()`,
        ),
      );
      console.log(
        'scroll profile',
        profile,
        Object.fromEntries(keys.map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)])),
        'nodes',
        after.Nodes,
      );
    }
    const scroll = await framesWhile(
      page,
      3000,
      `(elapsed) => { document.querySelector('[data-testid="callback-rows"]').scrollTop = elapsed * 4; }`,
    );
    report.figure('scrolling 10,000 rows (4,000 px/s)', scroll.fps, {
      unit: 'fps',
      target: '≥ 50',
      ok: scroll.fps >= 50,
    });
    report.figure('scrolling: longest frame', scroll.longestMs, { unit: 'ms' });

    await page.getByRole('link', { name: 'Monitor' }).click();
    await page.locator('tr[data-queue]').first().waitFor();
    await page.getByRole('button', { name: 'Waiting' }).click(); // sort: every queue's figures count
    const monitor = await framesWhile(page, 12_000, '() => {}');
    report.figure(`Monitor, ${QUEUES} queues, across 2 self-refreshes`, monitor.fps, {
      unit: 'fps',
      target: '≥ 50',
      ok: monitor.fps >= 50,
    });
    report.figure('Monitor: longest frame', monitor.longestMs, { unit: 'ms' });
    const served = (await page.evaluate(`performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/v1/queues?')).map((e) => e.duration)`)) as number[];
    report.figure('GET /api/v1/queues (200 queues, browser-timed, median)', median(served), { unit: 'ms' });
  } finally {
    await browser.close();
    await runtime.stop();
  }
}

// Run on its own (`npx tsx bench/console.ts`) or as part of `npm run bench`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = new Report();
  await benchConsole(report);
  if (report.misses.length) console.log(`targets missed: ${report.misses.join('; ')}`);
}
