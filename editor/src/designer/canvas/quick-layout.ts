/**
 * The layout a flow gets when it arrives without positions (an import, a generated document):
 * per phase, columns by link distance from the phase's start block, each column stacked top
 * down in outcome order. A long chain wraps like text: past COLUMNS_PER_BAND columns the next
 * ones start a new band below the last, so a 1,000-step flow is a block of bands, not a strip
 * hundreds of columns wide that Fit and the minimap shrink to a line. Linear in the number of blocks, so a 1,000-block import opens laid out
 * at once; ELK (auto-layout.ts, the toolbar's Auto layout) takes seconds on such a flow, so it
 * stays a choice rather than a step of opening.
 */
import type { Application, Phase } from '../../../../schemas/application.generated.ts';
import type { Position } from '../flow/document-ops.ts';
import { links } from '../flow/links.ts';
import { PHASES } from '../flow/phases.ts';
import { BLOCK_PADDING, BLOCK_WIDTH, LANE_HEADER } from './lanes.ts';

const COLUMN_GAP = 80;
const ROW_GAP = 40;
export const COLUMNS_PER_BAND = 16;
const BAND_GAP = 120;

/** Positions for the blocks that have none; blocks with a position keep it. */
export function missingPositions(
  doc: Application,
  heightOf: (id: string) => number,
): Record<string, Position> {
  const placed = doc.layout?.positions ?? {};
  const result: Record<string, Position> = {};
  for (const phase of PHASES) {
    const ids = Object.keys(doc.blocks).filter((id) => doc.blocks[id]?.phase === phase);
    const missing = ids.filter((id) => !placed[id]);
    if (missing.length === 0) continue;
    // Below whatever is already placed in the lane, so nothing lands on top of it.
    const top = Math.max(
      LANE_HEADER + 16,
      ...ids.filter((id) => placed[id]).map((id) => placed[id]!.y + heightOf(id) + ROW_GAP),
    );
    Object.assign(result, columns(doc, phase, new Set(missing), heightOf, top));
  }
  return result;
}

function columns(
  doc: Application,
  phase: Phase,
  ids: ReadonlySet<string>,
  heightOf: (id: string) => number,
  top: number,
): Record<string, Position> {
  const depth = new Map<string, number>();
  const order: string[] = [];
  const visit = (start: string) => {
    if (depth.has(start)) return;
    depth.set(start, 0);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      order.push(id);
      for (const [, target] of links(doc.blocks[id]!.next)) {
        if (!ids.has(target) || depth.has(target)) continue;
        depth.set(target, depth.get(id)! + 1);
        queue.push(target);
      }
    }
  };
  const entry = doc.phases[phase];
  if (entry && ids.has(entry)) visit(entry);
  for (const id of ids) visit(id);

  const bands = new Map<number, string[]>();
  for (const id of order) {
    const band = Math.floor(depth.get(id)! / COLUMNS_PER_BAND);
    const members = bands.get(band);
    if (members) members.push(id);
    else bands.set(band, [id]);
  }
  const positions: Record<string, Position> = {};
  let bandTop = top;
  for (const band of [...bands.keys()].sort((a, b) => a - b)) {
    const bottom: number[] = [];
    for (const id of bands.get(band)!) {
      const column = depth.get(id)! % COLUMNS_PER_BAND;
      const y = bottom[column] ?? bandTop;
      positions[id] = { x: BLOCK_PADDING + column * (BLOCK_WIDTH + COLUMN_GAP), y };
      bottom[column] = y + heightOf(id) + ROW_GAP;
    }
    bandTop = Math.max(...bottom.filter((y) => y !== undefined)) - ROW_GAP + BAND_GAP;
  }
  return positions;
}
