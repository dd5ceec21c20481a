import { describe, expect, it } from 'vitest';
import { newApplication } from '../flow/new-application.ts';
import { laneBoxes } from './lanes.ts';
import { minimapShapes, visibleRect } from './minimap-geometry.ts';

function twoBlocks() {
  const doc = newApplication('Support line', 'Default', 'support');
  return {
    ...doc,
    blocks: {
      hello: {
        type: 'play-message',
        typeVersion: 1,
        phase: 'selfService' as const,
        properties: {},
        next: {},
      },
      route: {
        type: 'route-call',
        typeVersion: 1,
        phase: 'assistedService' as const,
        properties: {},
        next: {},
      },
    },
    layout: { positions: { hello: { x: 40, y: 60 }, route: { x: 300, y: 50 } } },
  };
}

function input(doc: ReturnType<typeof twoBlocks>) {
  return { blocks: doc.blocks, positions: doc.layout.positions, lanes: [], heightOf: () => 80, severity: {} };
}

describe('minimap shapes', () => {
  it('draws each block at its lane position plus its own, with its height', () => {
    const doc = twoBlocks();
    const lanes = laneBoxes(doc, () => 80);
    const selfService = lanes.find((l) => l.phase === 'selfService')!;
    const assisted = lanes.find((l) => l.phase === 'assistedService')!;
    const shapes = minimapShapes({
      ...input(doc),
      lanes,
      heightOf: (id) => (id === 'hello' ? 56 : 100),
    });
    expect(shapes.blocks).toBe(`M40 ${selfService.y + 60}h220v56h-220zM300 ${assisted.y + 50}h220v100h-220z`);
    expect(shapes.blocksWithErrors).toBe('');
  });

  it('draws blocks with errors apart, so they can be coloured', () => {
    const doc = twoBlocks();
    const shapes = minimapShapes({
      ...input(doc),
      lanes: laneBoxes(doc, () => 80),
      severity: { route: 'error', hello: 'warning' },
    });
    expect(shapes.blocks).toMatch(/^M40 /);
    expect(shapes.blocksWithErrors).toMatch(/^M300 /);
  });

  it('bounds the map by the lanes, which hold every block', () => {
    const doc = twoBlocks();
    const lanes = laneBoxes(doc, () => 80);
    const last = lanes.at(-1)!;
    expect(minimapShapes({ ...input(doc), lanes }).bounds).toEqual({
      x: 0,
      y: 0,
      width: last.width,
      height: last.y + last.height,
    });
  });

  it('turns the canvas transform into the visible part of the flow', () => {
    expect(visibleRect([-200, -100, 0.5], 800, 600)).toEqual({ x: 400, y: 200, width: 1600, height: 1200 });
  });
});
