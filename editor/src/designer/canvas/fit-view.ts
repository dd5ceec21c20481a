import type { FitViewOptions, Node } from '@xyflow/react';

/**
 * Fit leaves room for what floats over the canvas: the zoom controls at the bottom left and the
 * minimap (200 × 150) at the bottom right, so no block ends up hidden under them.
 */
export const FIT_PADDING = { top: '24px', left: '64px', right: '32px', bottom: '180px' } as const;

/** The blocks, not the lanes: lanes are at least 1,400 wide and would shrink a small flow to a corner. */
export function fitBlocksOptions(nodes: readonly Node[], duration = 300): FitViewOptions {
  const blocks = nodes.filter((n) => n.type === 'block');
  return {
    ...(blocks.length ? { nodes: blocks.map((b) => ({ id: b.id })) } : {}),
    padding: FIT_PADDING,
    maxZoom: 1.2,
    duration,
  };
}
