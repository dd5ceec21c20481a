/**
 * The Designer at full view, in headless Chromium: frames per second while a fitted 1,000-block
 * flow is wheel-zoomed and panned, and the time to open a flow imported without positions.
 */
import type { Page } from 'playwright-core';
import { openUntil } from './editor-browser.ts';

/**
 * Counts frames from requestAnimationFrame in the page and keeps the longest gap between two:
 * frames per second is frames over the wall time, the longest gap the worst stall seen.
 */
const countFrames = `(() => {
  window.__frames = 0;
  window.__worstFrame = 0;
  window.__counting = true;
  let last = performance.now();
  const tick = (now) => {
    if (!window.__counting) return;
    window.__frames++;
    window.__worstFrame = Math.max(window.__worstFrame, now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return performance.now();
})()`;
const stopFrames = `(() => {
  window.__counting = false;
  return { frames: window.__frames, worst: window.__worstFrame, at: performance.now() };
})()`;
type Counted = { frames: number; worst: number; at: number };

/** Fits the whole flow in view (the toolbar's Fit) and waits until the view stops moving. */
export async function fitWholeFlow(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  let last = '';
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100);
    const now = await page.locator('.react-flow__viewport').getAttribute('style');
    if (now === last) break;
    last = now ?? '';
  }
  return (await page.evaluate(
    `new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a`,
  )) as number;
}

/** Five wheel-zoom steps in and out over the fitted flow, then a pan from the empty left margin. */
export async function zoomAndPan(
  page: Page,
): Promise<{ zoomFps: number; panFps: number; zoomWorstMs: number; panWorstMs: number }> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  let start = (await page.evaluate(countFrames)) as number;
  for (const dy of [-120, -120, 120, 120, -120]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(120);
  }
  let end = (await page.evaluate(stopFrames)) as Counted;
  const zoomFps = (end.frames * 1000) / (end.at - start);
  const zoomWorstMs = end.worst;

  const from = { x: pane.x + 20, y: pane.y + pane.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  start = (await page.evaluate(countFrames)) as number;
  for (let step = 1; step <= 60; step++) {
    await page.mouse.move(from.x + step * 4, from.y + Math.sin(step / 6) * 40);
    await page.waitForTimeout(16);
  }
  end = (await page.evaluate(stopFrames)) as Counted;
  await page.mouse.up();
  return { zoomFps, panFps: (end.frames * 1000) / (end.at - start), zoomWorstMs, panWorstMs: end.worst };
}

/**
 * Opens an application whose blocks have no positions: navigation until blocks are drawn where
 * the layout put them (at least ten blocks at ten different places, not one pile).
 */
export async function openImported(page: Page, baseUrl: string, applicationId: string): Promise<number> {
  await page.goto('about:blank');
  return openUntil<number>(
    page,
    baseUrl,
    applicationId,
    `(() => {
      const nodes = [...document.querySelectorAll('.react-flow__node-block')].filter((n) => n.style.visibility !== 'hidden' && n.querySelector('.block-node'));
      if (nodes.length < 10) return false;
      const places = new Set(nodes.map((n) => n.style.transform));
      return places.size >= 10 && performance.now();
    })()`,
  );
}
