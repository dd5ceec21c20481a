/**
 * Editor benchmark: `npx tsx bench/editor.ts`. Builds the editor, starts a runtime, creates a
 * generated 1,000-block application (and a 10-block baseline) and measures the Designer in
 * headless Chromium: time to the canvas showing every block, frame rate while a block is dragged,
 * which block components re-rendered during the drag, and that the minimap draws every block;
 * then the whole 1,000-block flow fitted to the screen (frame rate while wheel-zooming and
 * panning) and the time to open the same flow imported without positions. Also prints gzip
 * bundle sizes. `npx tsx bench/editor.ts view` measures only the full view and the import.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import { startRuntime } from '../test/support/start-runtime.ts';
import { CHROMIUM_ARGS, dragBlock, openDesigner } from './editor-browser.ts';
import { generatedApplication, positionsByPhase } from './editor-flow.ts';
import { fitWholeFlow, openImported, zoomAndPan } from './editor-view.ts';
import { median, Report } from './report.ts';

const root = join(import.meta.dirname, '..');
const RUNS = 5;
const runAlone = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;

function bundleSizes(report: Report): void {
  const dist = join(root, 'editor', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const gz = (file: string) => gzipSync(readFileSync(join(dist, 'assets', file))).length / 1024;
  // The first screen: what index.html loads (entry script, its preloads and styles).
  const first = assets.filter((f) => html.includes(`/assets/${f}`));
  const designer = assets.filter((f) => f.startsWith('designer-screen'));
  report.figure(
    'first screen (index.html assets), gzip',
    first.reduce((s, f) => s + gz(f), 0),
    {
      unit: 'KiB',
    },
  );
  report.figure(
    'designer chunk (js + css), gzip',
    designer.reduce((s, f) => s + gz(f), 0),
    { unit: 'KiB' },
  );
}

/** The minimap draws each block as one `M…z` subpath of its block paths. */
async function blocksInMinimap(page: Page): Promise<number> {
  const paths = await page
    .locator('[data-testid="minimap"] path.minimap-blocks')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute('d') ?? ''));
  return paths.join('').split('M').length - 1;
}

interface OpenAndDrag {
  open: number;
  afterStart: number;
  inView: number;
  fps: number;
  rerendered: number;
  moves: number;
  rendered: number;
  inMinimap: number;
}

function printOpenAndDrag(report: Report, big: OpenAndDrag, small: OpenAndDrag): void {
  console.log(`\nDesigner, median of ${RUNS} runs (drag: ${big.moves} mouse moves over ~2 s)`);
  console.log(
    `1,000 blocks: ${big.inView} in the opening view; ${big.rendered} block elements in the DOM (only what is in view)`,
  );
  report.figure('1,000 blocks: navigation → every block in view shown', big.open, {
    unit: 'ms',
    target: '< 1,000 ms',
    ok: big.open < 1000,
  });
  report.figure('  baseline: 10 blocks', small.open, { unit: 'ms' });
  report.figure('1,000 blocks: app code started → blocks in view shown', big.afterStart, {
    unit: 'ms',
  });
  report.figure('  baseline: 10 blocks', small.afterStart, { unit: 'ms' });
  report.figure('1,000 blocks: frames per second while dragging', big.fps, {
    unit: 'fps',
    target: '≥ 50',
    ok: big.fps >= 50,
  });
  report.figure('  baseline: 10 blocks', small.fps, { unit: 'fps' });
  report.figure('1,000 blocks: block components re-rendered by a drag', big.rerendered, {
    unit: 'blocks',
    target: '1',
    ok: big.rerendered === 1,
  });
  report.figure('  baseline: 10 blocks', small.rerendered, { unit: 'blocks' });
  report.figure('1,000 blocks: blocks drawn in the minimap', big.inMinimap, {
    unit: 'blocks',
    target: '1,000',
    ok: big.inMinimap === 1000,
  });
}

export async function benchEditor(report: Report): Promise<void> {
  if (!process.env.RINGBACK_BENCH_NO_BUILD)
    execFileSync('npm', ['run', 'build:editor', '--', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const onlyView = runAlone && process.argv[2] === 'view';
  if (!onlyView) bundleSizes(report);

  const runtime = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const client = await new ApiClient(runtime.baseUrl).login('admin', runtime.adminPassword);
    const sizes = [10, 1000];
    const applications = new Map(
      sizes.map((count) => [count, generatedApplication(count, `bench-${count}`)]),
    );
    // An import: the same flow without editor layout, which the Designer must lay out on open.
    const imported = generatedApplication(1000, 'bench-import-1000');
    delete imported.layout;
    applications.set(-1, imported);
    for (const [count, application] of applications) {
      const reply = await client.post('/api/v1/applications', application);
      if (reply.status !== 201 && reply.status !== 200) {
        throw new Error(
          `creating the ${count}-block application: ${reply.status} ${JSON.stringify(reply.body)}`,
        );
      }
    }
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    await page.goto(runtime.baseUrl);
    await page.getByLabel('Password').fill(runtime.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('New application name').waitFor();
    await page.evaluate("localStorage.setItem('ringbackBench', '1')");

    const results = new Map<number, OpenAndDrag>();
    for (const count of onlyView ? [] : sizes) {
      const opens: number[] = [];
      const afterStart: number[] = [];
      const fpss: number[] = [];
      let rerendered = 0;
      let moves = 0;
      let inView = 0;
      let rendered = 0;
      let inMinimap = 0;
      const positions = positionsByPhase(applications.get(count)!);
      for (let run = 0; run < RUNS; run++) {
        await page.goto('about:blank');
        const opened = await openDesigner(page, runtime.baseUrl, `bench-${count}`, positions);
        opens.push(opened.at);
        afterStart.push(opened.at - opened.startedAt);
        inView = opened.expected;
        rendered = await page.locator('.react-flow__node-block').count();
        inMinimap = await blocksInMinimap(page);
        // The first check of the flow (in a worker) marks blocks with issues when it ends; wait
        // for it, so the drag's re-render count is the drag's own.
        await page.getByRole('tab', { name: /^Issues \(/ }).waitFor({ timeout: 30_000 });
        await page.waitForTimeout(300);
        const drag = await dragBlock(page, 'b3');
        fpss.push(drag.fps);
        moves = drag.moves;
        const ids = Object.keys(drag.counts);
        rerendered = Math.max(rerendered, ids.length);
        if (run === 0) {
          await page.screenshot({ path: join(root, 'test-artifacts', `bench-editor-${count}.png`) });
          console.log(`  ${count} blocks: re-rendered during drag: ${JSON.stringify(drag.counts)}`);
        }
      }
      results.set(count, {
        open: median(opens),
        afterStart: median(afterStart),
        inView,
        fps: median(fpss),
        rerendered,
        moves,
        rendered,
        inMinimap,
      });
    }
    // The whole 1,000-block flow fitted to the screen: zoom and pan at the lightest zoom.
    const zoomFps: number[] = [];
    const panFps: number[] = [];
    const zoomWorst: number[] = [];
    const panWorst: number[] = [];
    let fitZoom = 0;
    for (let run = 0; run < RUNS; run++) {
      await page.goto('about:blank');
      await openDesigner(page, runtime.baseUrl, 'bench-1000', positionsByPhase(applications.get(1000)!));
      fitZoom = await fitWholeFlow(page);
      if (run === 0)
        await page.screenshot({ path: join(root, 'test-artifacts', 'bench-editor-1000-full-view.png') });
      const view = await zoomAndPan(page);
      zoomFps.push(view.zoomFps);
      panFps.push(view.panFps);
      zoomWorst.push(view.zoomWorstMs);
      panWorst.push(view.panWorstMs);
    }
    const importOpens: number[] = [];
    for (let run = 0; run < RUNS; run++)
      importOpens.push(await openImported(page, runtime.baseUrl, 'bench-import-1000'));
    await page.screenshot({ path: join(root, 'test-artifacts', 'bench-editor-import-1000.png') });

    const big = results.get(1000);
    const small = results.get(10);
    if (big && small) printOpenAndDrag(report, big, small);
    console.log(`Full view: the whole flow fitted at zoom ${fitZoom.toFixed(3)} (light drawing below 0.45)`);
    report.figure('1,000 blocks at full view: frames per second, five wheel-zoom steps', median(zoomFps), {
      unit: 'fps',
      target: '≥ 50',
      ok: median(zoomFps) >= 50,
    });
    report.figure('1,000 blocks at full view: frames per second, panning', median(panFps), {
      unit: 'fps',
      target: '≥ 50',
      ok: median(panFps) >= 50,
    });
    report.figure('  longest frame while wheel-zooming', median(zoomWorst), { unit: 'ms' });
    report.figure('  longest frame while panning', median(panWorst), { unit: 'ms' });
    report.figure(
      'imported 1,000 blocks without positions: navigation → laid-out blocks shown',
      median(importOpens),
      {
        unit: 'ms',
        target: '< 1,000 ms',
        ok: median(importOpens) < 1000,
      },
    );
  } finally {
    await browser.close();
    await runtime.stop();
  }
}

// Run on its own (`npx tsx bench/editor.ts [view]`) or as part of `npm run bench`.
if (runAlone) {
  const report = new Report();
  await benchEditor(report);
  if (report.misses.length) console.log(`\nMissed: ${report.misses.join(', ')}`);
}
