/**
 * Measurements of one application open in the Designer, in headless Chromium: time to the canvas
 * showing every block, frame rate while a block is dragged, and how many blocks re-rendered.
 */
import type { Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface DesignerFigures {
  /** From navigation start to every block rendered and measured by React Flow. */
  openMs: number;
  fps: number;
  /** Block ids whose node component rendered during the drag. */
  rerendered: string[];
}

// Runs in the page (as a string, keeping DOM types out of the Node-side type check).
const allBlocksShown = (count: number) => `(() => {
  const nodes = document.querySelectorAll('.react-flow__node-block');
  if (nodes.length < ${count}) return false;
  for (const n of nodes) if (n.style.visibility === 'hidden' || !n.querySelector('.block-node')) return false;
  return performance.now();
})()`;

export async function openDesigner(page: Page, baseUrl: string, applicationId: string, count: number) {
  await page.goto(`${baseUrl}/#/applications/${applicationId}`);
  const handle = await page.waitForFunction(allBlocksShown(count), undefined, {
    polling: 'raf',
    timeout: 60_000,
  });
  return (await handle.jsonValue()) as number;
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
