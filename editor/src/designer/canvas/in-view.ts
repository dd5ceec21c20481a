/**
 * The blocks and links handed to React Flow: those that can show in or near the view. React
 * Flow's own culling (onlyRenderVisibleElements) checks every node and link it holds on every
 * change of its store, several times while a Designer opens, which on a 1,000-block flow cost more
 * than drawing what is in view. Culled here against a view grown by a margin and snapped to a
 * grid, the sets change only when a pan or zoom crosses a grid line, and React Flow handles tens
 * of blocks and links, not thousands. A block handed over again after a pan is measured again
 * when drawn; until then its size and handles come from block-geometry.ts.
 */
import type { ReactFlowState } from '@xyflow/react';
import type { DesignerNode, LinkEdge } from './flow-elements.ts';
import { BLOCK_WIDTH } from './lanes.ts';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Grid the culling view snaps to, in flow units; the margin is half a view on every side. */
const GRID = 400;

/** Each block's box in flow coordinates: its lane's place, its position, its measured or expected size. */
export function blockBoxes(nodes: readonly DesignerNode[]): Map<string, Box> {
  const lanes = new Map(nodes.flatMap((n) => (n.type === 'lane' ? [[n.id, n.position] as const] : [])));
  const boxes = new Map<string, Box>();
  for (const node of nodes) {
    if (node.type !== 'block') continue;
    const lane = (node.parentId && lanes.get(node.parentId)) || { x: 0, y: 0 };
    const left = lane.x + node.position.x;
    const top = lane.y + node.position.y;
    boxes.set(node.id, {
      left,
      top,
      right: left + (node.measured?.width ?? node.initialWidth ?? BLOCK_WIDTH),
      bottom: top + (node.measured?.height ?? node.initialHeight ?? 60),
    });
  }
  return boxes;
}

/**
 * The part of the flow to keep links for, as a string so a store selector compares it cheaply:
 * the view grown by half its size on every side, snapped outwards to the grid.
 */
export function cullingView({
  transform: [x, y, zoom],
  width,
  height,
}: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): string {
  const viewWidth = (width || 1920) / zoom;
  const viewHeight = (height || 1080) / zoom;
  const left = -x / zoom - viewWidth / 2;
  const top = -y / zoom - viewHeight / 2;
  const snap = (value: number, up: boolean) =>
    (up ? Math.ceil(value / GRID) : Math.floor(value / GRID)) * GRID;
  return [
    snap(left, false),
    snap(top, false),
    snap(left + viewWidth * 2, true),
    snap(top + viewHeight * 2, true),
  ].join(',');
}

export function parseView(view: string): Box {
  const [left = 0, top = 0, right = 0, bottom = 0] = view.split(',').map(Number);
  return { left, top, right, bottom };
}

/**
 * Links whose box (around both blocks' boxes) meets the view, plus selected ones (Delete removes
 * a selected link wherever it is). Returns `previous` when the result holds the same links, so
 * React Flow sees no change.
 */
export function edgesInView(
  edges: readonly LinkEdge[],
  boxes: ReadonlyMap<string, Box>,
  view: Box,
  previous: readonly LinkEdge[] = [],
): readonly LinkEdge[] {
  const shown = edges.filter((edge) => {
    if (edge.selected) return true;
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) return true;
    return (
      Math.min(source.left, target.left) <= view.right &&
      Math.max(source.right, target.right) >= view.left &&
      Math.min(source.top, target.top) <= view.bottom &&
      Math.max(source.bottom, target.bottom) >= view.top
    );
  });
  return sameOr(previous, shown);
}

/**
 * Blocks handed to React Flow: lanes, blocks whose box meets the view, the ends of the links
 * handed over (a link needs both its blocks), and selected blocks (a selection moves and deletes
 * as a whole, wherever its blocks are).
 */
export function nodesInView(
  nodes: readonly DesignerNode[],
  boxes: ReadonlyMap<string, Box>,
  view: Box,
  edges: readonly LinkEdge[],
  previous: readonly DesignerNode[] = [],
): readonly DesignerNode[] {
  const ends = new Set<string>();
  for (const edge of edges) {
    ends.add(edge.source);
    ends.add(edge.target);
  }
  const shown = nodes.filter((node) => {
    if (node.type !== 'block' || node.selected || node.dragging || ends.has(node.id)) return true;
    const box = boxes.get(node.id);
    return (
      !box ||
      (box.left <= view.right && box.right >= view.left && box.top <= view.bottom && box.bottom >= view.top)
    );
  });
  return sameOr(previous, shown);
}

/** `previous` when `next` holds the same objects in the same order, so React Flow sees no change. */
function sameOr<T>(previous: readonly T[], next: readonly T[]): readonly T[] {
  const same = next.length === previous.length && next.every((item, i) => item === previous[i]);
  return same ? previous : next;
}
