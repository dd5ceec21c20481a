/**
 * Lane geometry: one horizontal lane per phase, stacked in run order. A block's position is
 * relative to its lane (React Flow parent node); a lane grows to hold its blocks.
 */
import type { Application, Phase } from '../../../../schemas/application.generated.ts';
import { PHASES } from '../flow/phases.ts';

export const LANE_HEADER = 36;
export const LANE_GAP = 28;
export const LANE_MIN_WIDTH = 1400;
export const LANE_MIN_HEIGHT = 220;
export const BLOCK_WIDTH = 220;
export const BLOCK_PADDING = 40;
/**
 * Free room a lane keeps below and right of its blocks: enough to drop one more block there, so
 * a flow can grow a new row or column by drag and drop without first moving blocks out of the way.
 */
export const LANE_ROOM_BELOW = 140;
export const LANE_ROOM_RIGHT = BLOCK_WIDTH + BLOCK_PADDING * 2;

export interface LaneBox {
  phase: Phase;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Height of a block from its measured size, or an estimate from its port count. */
export type BlockHeight = (id: string) => number;

export function laneBoxes(doc: Application, blockHeight: BlockHeight): LaneBox[] {
  const extent = new Map<Phase, { right: number; bottom: number }>();
  for (const [id, block] of Object.entries(doc.blocks)) {
    if (!block) continue;
    const p = doc.layout?.positions?.[id] ?? { x: 0, y: 0 };
    const e = extent.get(block.phase) ?? { right: 0, bottom: 0 };
    e.right = Math.max(e.right, p.x + BLOCK_WIDTH);
    e.bottom = Math.max(e.bottom, p.y + blockHeight(id));
    extent.set(block.phase, e);
  }
  const width = Math.max(LANE_MIN_WIDTH, ...[...extent.values()].map((e) => e.right + LANE_ROOM_RIGHT));
  let y = 0;
  return PHASES.map((phase) => {
    const e = extent.get(phase);
    const height = Math.max(LANE_MIN_HEIGHT, e ? e.bottom + LANE_ROOM_BELOW : 0);
    const box = { phase, x: 0, y, width, height };
    y += height + LANE_GAP;
    return box;
  });
}

export function laneAt(boxes: readonly LaneBox[], point: { x: number; y: number }): LaneBox | undefined {
  return boxes.find(
    (b) => point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height,
  );
}

/** Keeps a block inside its lane's top-left corner (below the header). */
export function clampToLane(p: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.max(BLOCK_PADDING / 2, p.x), y: Math.max(LANE_HEADER + 8, p.y) };
}
