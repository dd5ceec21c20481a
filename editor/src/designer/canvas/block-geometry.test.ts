import { describe, expect, it } from 'vitest';
import { blockShape } from './block-geometry.ts';

// Measured in Chromium on the built editor (probed with Playwright): a menu with five ports
// is 144 px high, its in-handle at (-3.5, 67.5) and its ports at y 33.5 + 22 per port.
describe('blockShape', () => {
  it('places handles where the rendered block has them', () => {
    const menu = blockShape(['option:1', 'option:2', 'option:3', 'noInput', 'noMatch'], false);
    expect(menu.height).toBe(144);
    expect(menu.handles.map((h) => [h.id, h.x, h.y])).toEqual([
      ['in', -3.5, 67.5],
      ['option:1', 214.5, 33.5],
      ['option:2', 214.5, 55.5],
      ['option:3', 214.5, 77.5],
      ['noInput', 214.5, 99.5],
      ['noMatch', 214.5, 121.5],
    ]);
  });

  it('makes room for the type line of a labelled block and the row of a block without ports', () => {
    expect(blockShape(['next'], true).height).toBe(73);
    expect(blockShape(['next'], true).handles[1]?.y).toBe(50.5);
    expect(blockShape([], false).height).toBe(56);
  });
});
