import { getViewportForBounds, type ReactFlowInstance, type useStoreApi } from '@xyflow/react';
import type { DesignerNode, LinkEdge } from './flow-elements.ts';

/**
 * Fit leaves room for what floats over the canvas: the zoom controls at the bottom left and the
 * minimap (200 × 150) at the bottom right, so no block ends up hidden under them.
 */
export const FIT_PADDING = { top: '24px', left: '64px', right: '32px', bottom: '180px' } as const;

type Flow = ReactFlowInstance<DesignerNode, LinkEdge>;
type Store = ReturnType<typeof useStoreApi>;

/**
 * Moves the view onto blocks (all of them by default). React Flow's own fitView waits until every
 * node has been measured, which on a large flow (only what is in view is drawn, so measured)
 * never happens; the bounds here come from positions and the sizes known before measuring.
 */
export function showBlocks(
  flow: Flow,
  store: Store,
  ids?: readonly string[],
  options: { maxZoom?: number; duration?: number } = {},
): void {
  const blocks = ids ?? flow.getNodes().flatMap((n) => (n.type === 'block' ? [n.id] : []));
  if (blocks.length === 0) return;
  const bounds = flow.getNodesBounds([...blocks]);
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
