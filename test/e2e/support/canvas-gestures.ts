/** Gestures on the Designer canvas that Playwright has no one-liner for. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Drags a palette entry onto a phase lane. Headless Chromium does not run native HTML5 drag and
 * drop from synthetic mouse input, so the drag events are dispatched as the browser would.
 */
export async function dropBlock(
  page: Page,
  title: string,
  phase: string,
  offset: { x: number; y: number },
): Promise<string> {
  const before = await page.locator('.block-node').count();
  const box = (await page.getByTestId(`lane-${phase}`).boundingBox())!;
  const point = {
    x: box.x + Math.min(offset.x, box.width - 20),
    y: box.y + Math.min(offset.y, box.height - 20),
  };
  // Runs in the page; a string keeps DOM types out of the Node-side type check.
  await page.evaluate(`(() => {
    const { title, x, y } = ${JSON.stringify({ title, ...point })};
    const source = [...document.querySelectorAll('.palette-item')].find((e) => e.textContent.startsWith(title));
    const dataTransfer = new DataTransfer();
    const fire = (target, type, clientX = 0, clientY = 0) =>
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX, clientY, dataTransfer }));
    fire(source, 'dragstart');
    const target = document.elementFromPoint(x, y);
    for (const type of ['dragenter', 'dragover', 'drop']) fire(target, type, x, y);
    fire(source, 'dragend');
  })()`);
  await expect.poll(() => page.locator('.block-node').count()).toBe(before + 1);
  return (await page.locator('.block-node').last().getAttribute('data-block-id'))!;
}

export async function connect(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
