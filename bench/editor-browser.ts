/**
 * Measurements of one application open in the Designer, in headless Chromium: time to the canvas
 * showing every block, frame rate while a block is dragged, and how many blocks re-rendered.
 */
import type { ConsoleMessage, Page } from 'playwright-core';

export { CHROMIUM_ARGS } from '../test/e2e/support/chromium.ts';

export type PositionsByPhase = Record<string, [id: string, x: number, y: number][]>;

/**
 * Runs in the page (a string keeps DOM types out of the Node-side type check). The canvas renders
 * only what is in view, so "showing all blocks" means: every block whose box intersects the pane
 * (from its lane's place on screen and the zoom) is drawn and measured. A flow reopened where it
 * was left at full view shows the light drawing instead, which says how many blocks it drew.
 * Returns the time since navigation start and how many blocks that was, or false while not there yet.
 */
const everyBlockInViewShown = (positions: PositionsByPhase) => `(() => {
  const positions = ${JSON.stringify(positions)};
  const light = Number(document.querySelector('[data-testid="light-drawing"]')?.dataset.blocks ?? 0);
  if (light > 0) return { at: performance.now(), expected: light };
  const pane = document.querySelector('.react-flow');
  const viewport = document.querySelector('.react-flow__viewport');
  if (!pane || !viewport || !document.querySelector('.react-flow__node-block')) return false;
  const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
  const view = pane.getBoundingClientRect();
  let expected = 0;
  for (const [phase, blocks] of Object.entries(positions)) {
    const lane = document.querySelector('[data-id="lane:' + phase + '"]');
    if (!lane) continue;
    const origin = lane.getBoundingClientRect();
    for (const [id, x, y] of blocks) {
      const left = origin.left + x * zoom;
      const top = origin.top + y * zoom;
      if (left > view.right || top > view.bottom || left + 220 * zoom < view.left || top + 60 * zoom < view.top) continue;
      expected++;
      const node = document.querySelector('[data-id="' + id + '"]');
      if (!node || node.style.visibility === 'hidden' || !node.querySelector('.block-node')) return false;
    }
  }
  return expected > 0 && { at: performance.now(), expected };
})()`;

const PROBE = 'ringback-bench-probe';
const probed = new WeakMap<Page, Set<string>>();

/**
 * Opens the Designer on `applicationId` and returns what `condition` (an expression run in the
 * page) gave when it first held. The page checks it itself, once a frame from its first frame,
 * in a script Playwright adds to every new document, and reports it on the console. Playwright's
 * waitForFunction, or even one evaluate, would first load Playwright's own scripts into the
 * starting page, on its main thread, in the middle of what is timed (40–90 ms here). A time is
 * at most one frame late. One condition per application and page.
 */
export async function openUntil<T>(
  page: Page,
  baseUrl: string,
  applicationId: string,
  condition: string,
): Promise<T> {
  const installed = probed.get(page) ?? new Set<string>();
  probed.set(page, installed);
  if (!installed.has(applicationId)) {
    installed.add(applicationId);
    await page.addInitScript(`(() => {
      if (location.hash !== ${JSON.stringify(`#/applications/${applicationId}`)}) return;
      const limit = performance.now() + 60000;
      const poll = () => {
        let found;
        try { found = (${condition}); } catch (error) { found = { error: String(error) }; }
        if (found || performance.now() > limit) return console.debug(${JSON.stringify(PROBE)}, JSON.stringify(found));
        requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    })()`);
  }
  const reported = new Promise<T>((resolve, reject) => {
    const listen = (message: ConsoleMessage) => {
      const [tag, found] = message.text().split(' ', 2);
      if (tag !== PROBE) return;
      page.off('console', listen);
      const value = JSON.parse(found ?? 'false') as T | false | { error: string };
      if (!value) reject(new Error(`${applicationId}: not there within 60 s`));
      else if (typeof value === 'object' && 'error' in value) reject(new Error(value.error));
      else resolve(value);
    };
    page.on('console', listen);
  });
  await page.goto(`${baseUrl}/#/applications/${applicationId}`, { waitUntil: 'commit' });
  return reported;
}

export async function openDesigner(
  page: Page,
  baseUrl: string,
  applicationId: string,
  positions: PositionsByPhase,
) {
  const shown = await openUntil<{ at: number; expected: number }>(
    page,
    baseUrl,
    applicationId,
    everyBlockInViewShown(positions),
  );
  // When the app's own code began (main.tsx marks it): before it, the page and its scripts load;
  // after it, the editor's own work. The draft's request starts earlier, beside the scripts.
  const startedAt = (await page.evaluate(
    `performance.getEntriesByName('ringback:start')[0]?.startTime ?? 0`,
  )) as number;
  return { ...shown, startedAt };
}

/** Presses on a block's header and moves it in a circle for `ms`, counting frames in the page. */
export async function dragBlock(page: Page, blockId: string, ms = 2000) {
  await page.evaluate(`(() => {
    window.__ringbackRenderCounts = {};
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const head = page.locator(`[data-block-id="${blockId}"] .block-head`);
  const box = (await head.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const started = performance.now();
  const frameStart = (await page.evaluate(
    '(() => { window.__frames = 0; return performance.now(); })()',
  )) as number;
  let step = 0;
  while (performance.now() - started < ms) {
    step++;
    const angle = step / 10;
    await page.mouse.move(start.x + 60 + Math.cos(angle) * 60, start.y + Math.sin(angle) * 60);
    await new Promise((r) => setTimeout(r, 8));
  }
  const { frames, at } = (await page.evaluate(
    '(() => ({ frames: window.__frames, at: performance.now() }))()',
  )) as { frames: number; at: number };
  await page.mouse.up();
  const counts = (await page.evaluate(`(() => {
    window.__counting = false;
    return window.__ringbackRenderCounts;
  })()`)) as Record<string, number>;
  return { fps: (frames * 1000) / (at - frameStart), counts, moves: step };
}
