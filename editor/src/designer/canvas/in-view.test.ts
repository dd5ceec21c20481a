import { describe, expect, it } from 'vitest';
import type { DesignerNode, LinkEdge } from './flow-elements.ts';
import { blockBoxes, cullingView, edgesInView, nodesInView, parseView } from './in-view.ts';

const lane: DesignerNode = {
  id: 'lane:selfService',
  type: 'lane',
  position: { x: 0, y: 1000 },
  data: { phase: 'selfService' },
};
const block = (id: string, x: number, y: number): DesignerNode => ({
  id,
  type: 'block',
  parentId: lane.id,
  position: { x, y },
  data: {},
  initialWidth: 220,
  initialHeight: 80,
});
const link = (source: string, target: string, selected = false): LinkEdge => ({
  id: `${source}->${target}`,
  type: 'link',
  source,
  target,
  sourceHandle: 'next',
  targetHandle: 'in',
  data: {},
  selected,
});

describe('links handed to React Flow (in-view.ts)', () => {
  // a and b near the origin of the lane; c and d far to the right; e far below and to the right.
  const nodes = [
    lane,
    block('a', 0, 0),
    block('b', 300, 0),
    block('c', 20_000, 0),
    block('d', 20_300, 0),
    block('e', 40_000, 30_000),
  ];
  const boxes = blockBoxes(nodes);
  const edges = [link('a', 'b'), link('c', 'd'), link('a', 'c'), link('d', 'e'), link('e', 'a', true)];

  it('places blocks from their lane, position and size', () => {
    expect(boxes.get('b')).toEqual({ left: 300, top: 1000, right: 520, bottom: 1080 });
  });

  it('keeps links that meet the view, links crossing it and selected links; drops the rest', () => {
    const view = parseView(cullingView({ transform: [0, -1000, 1], width: 1200, height: 800 }));
    expect(view.left).toBeLessThanOrEqual(-600);
    expect(view.right).toBeGreaterThanOrEqual(1800);
    const shown = edgesInView(edges, boxes, view).map((e) => e.id);
    // a→b is in view, a→c crosses it (its box spans from a to c), e→a is selected.
    expect(shown).toEqual(['a->b', 'a->c', 'e->a']);
  });

  it('snaps the view to a grid, so small pans keep the same links', () => {
    const at = (x: number) => cullingView({ transform: [x, 0, 1], width: 1200, height: 800 });
    expect(at(-10)).toBe(at(-30));
    expect(at(-10)).not.toBe(at(-5000));
  });

  it('returns the previous list when the links are the same, so React Flow sees no change', () => {
    const view = parseView(cullingView({ transform: [0, -1000, 1], width: 1200, height: 800 }));
    const first = edgesInView(edges, boxes, view);
    expect(edgesInView(edges, boxes, view, first)).toBe(first);
    const moved = blockBoxes([...nodes.slice(0, 3), block('c', 900, 0), ...nodes.slice(4)]);
    expect(edgesInView(edges, moved, view, first)).not.toBe(first);
  });

  it('keeps lanes, blocks in view, the ends of the links kept and selected blocks; drops the rest', () => {
    const view = parseView(cullingView({ transform: [0, -1000, 1], width: 1200, height: 800 }));
    const selectedD = nodes.map((n) => (n.id === 'd' ? { ...n, selected: true } : n));
    const kept = edgesInView(edges, boxes, view);
    const shown = nodesInView(selectedD, boxes, view, kept).map((n) => n.id);
    // a and b are in view; c is the far end of a→c; e the far end of the selected e→a; d is selected.
    expect(shown).toEqual(['lane:selfService', 'a', 'b', 'c', 'd', 'e']);
    const unselected = nodesInView(nodes, boxes, view, kept.slice(0, 1)).map((n) => n.id);
    expect(unselected).toEqual(['lane:selfService', 'a', 'b']);
    const first = nodesInView(nodes, boxes, view, kept);
    expect(nodesInView(nodes, boxes, view, kept, first)).toBe(first);
  });
});
