/**
 * What the minimap draws, from the document and the lanes alone: one SVG path for every block
 * (and one for the blocks with errors) instead of one element per block. It changes only when the
 * document or the lanes do (a drop, an edit, the end of a drag), never on a drag frame.
 */
import type { Application, Phase } from '../../../../schemas/application.generated.ts';
import { BLOCK_WIDTH, type LaneBox } from './lanes.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MinimapShapes {
  /** The lanes' extent: they grow to hold every block, so this holds the whole flow. */
  bounds: Rect;
  lanes: readonly LaneBox[];
  /** `M x y h w v h h -w z` per block. */
  blocks: string;
  blocksWithErrors: string;
}

export interface MinimapInput {
  blocks: Application['blocks'];
  positions: Readonly<Record<string, { x: number; y: number } | undefined>> | undefined;
  lanes: readonly LaneBox[];
  heightOf: (id: string) => number;
  severity: Readonly<Record<string, 'error' | 'warning'>>;
}

export function minimapShapes({
  blocks: instances,
  positions,
  lanes,
  heightOf,
  severity,
}: MinimapInput): MinimapShapes {
  const laneOf = new Map<Phase, LaneBox>(lanes.map((lane) => [lane.phase, lane]));
  let blocks = '';
  let blocksWithErrors = '';
  for (const [id, block] of Object.entries(instances)) {
    const lane = block && laneOf.get(block.phase);
    if (!lane) continue;
    const p = positions?.[id] ?? { x: 0, y: 0 };
    const rect = `M${Math.round(lane.x + p.x)} ${Math.round(lane.y + p.y)}h${BLOCK_WIDTH}v${Math.round(heightOf(id))}h${-BLOCK_WIDTH}z`;
    if (severity[id] === 'error') blocksWithErrors += rect;
    else blocks += rect;
  }
  return { bounds: boundsOf(lanes), lanes, blocks, blocksWithErrors };
}

function boundsOf(lanes: readonly LaneBox[]): Rect {
  if (lanes.length === 0) return { x: 0, y: 0, width: 1, height: 1 };
  const x = Math.min(...lanes.map((l) => l.x));
  const y = Math.min(...lanes.map((l) => l.y));
  const right = Math.max(...lanes.map((l) => l.x + l.width));
  const bottom = Math.max(...lanes.map((l) => l.y + l.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** The part of the flow the canvas shows, from React Flow's transform [x, y, zoom] and pane size. */
export function visibleRect(
  transform: readonly [number, number, number],
  width: number,
  height: number,
): Rect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}
