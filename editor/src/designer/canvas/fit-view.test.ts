import { describe, expect, it } from 'vitest';
import { blockBounds } from './fit-view.ts';
import type { DesignerNode } from './flow-elements.ts';

const lane = (phase: 'selfService' | 'assistedService', y: number): DesignerNode => ({
  id: `lane:${phase}`,
  type: 'lane',
  position: { x: 0, y },
  data: { phase },
});
const block = (id: string, parent: string, x: number, y: number, measured?: number): DesignerNode => ({
  id,
  type: 'block',
  parentId: parent,
  position: { x, y },
  data: {},
  initialWidth: 220,
  initialHeight: 80,
  ...(measured && { measured: { width: 220, height: measured } }),
});

describe('blockBounds (Fit, Find and Issues move the view onto these)', () => {
  const nodes = [
    lane('selfService', 0),
    lane('assistedService', 500),
    block('a', 'lane:selfService', 40, 60, 100),
    block('b', 'lane:assistedService', 400, 50),
  ];

  it('holds every block, from its lane’s place, its position and its measured or expected size', () => {
    expect(blockBounds(nodes)).toEqual({ x: 40, y: 60, width: 400 + 220 - 40, height: 500 + 50 + 80 - 60 });
  });

  it('holds only the blocks asked for, and is null when there are none', () => {
    expect(blockBounds(nodes, ['a'])).toEqual({ x: 40, y: 60, width: 220, height: 100 });
    expect(blockBounds(nodes, ['missing'])).toBeNull();
    expect(blockBounds([lane('selfService', 0)])).toBeNull();
  });
});
