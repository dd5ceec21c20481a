import { getViewportForBounds, type ReactFlowInstance, type Rect, type useStoreApi } from '@xyflow/react';
import { getDesigner } from '../store/designer-state.ts';
import type { DesignerNode, LinkEdge } from './flow-elements.ts';
import { type Box, blockBoxes } from './in-view.ts';

/**
 * Fit leaves room for what floats over the canvas: the zoom controls at the bottom left and the
 * minimap (200 × 150) at the bottom right, so no block ends up hidden under them.
 */
export const FIT_PADDING = { top: '24px', left: '64px', right: '32px', bottom: '180px' } as const;

type Flow = ReactFlowInstance<DesignerNode, LinkEdge>;
type Store = ReturnType<typeof useStoreApi>;

/**
 * Moves the view onto blocks (all of them by default). The bounds come from the designer's nodes
 * (lane + position, measured size or the size known before measuring), not from React Flow: it
 * measures only what it draws, which on a large flow is what is in view, and below the light
 * drawing's zoom it draws no block at all (canvas.tsx).
 */
export function showBlocks(
  flow: Flow,
  store: Store,
  ids?: readonly string[],
  options: { maxZoom?: number; duration?: number } = {},
): void {
  const bounds = blockBounds(getDesigner().nodes, ids);
  if (!bounds) return;
  const { width, height, minZoom, maxZoom } = store.getState();
  const viewport = getViewportForBounds(
    bounds,
    width,
    height,
    minZoom,
    Math.min(options.maxZoom ?? 1.2, maxZoom),
    FIT_PADDING,
  );
  void flow.setViewport(viewport, { duration: options.duration ?? 300 });
}

/** The box around the given blocks (every block when no ids are given), in flow coordinates. */
export function blockBounds(nodes: readonly DesignerNode[], ids?: readonly string[]): Rect | null {
  const wanted = ids && new Set(ids);
  let box: Box | null = null;
  for (const [id, block] of blockBoxes(nodes)) {
    if (wanted && !wanted.has(id)) continue;
    box = box
      ? {
          left: Math.min(box.left, block.left),
          top: Math.min(box.top, block.top),
          right: Math.max(box.right, block.right),
          bottom: Math.max(box.bottom, block.bottom),
        }
      : block;
  }
  return box && { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top };
}
