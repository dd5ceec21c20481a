/**
 * What the light drawing (light-drawing.tsx) paints when blocks are too small to read: every
 * block as a rectangle in flow coordinates, coloured by its kind, and every link as a line from
 * its outcome's port to the target's input. Built once per document or lane change, never per
 * frame; a frame only transforms and paints it (light-paint.ts).
 */
import type { Application } from '../../../../schemas/application.generated.ts';
import type { RunnableBlockDefinition } from '../../api/types.ts';
import { links } from '../flow/links.ts';
import { blockColor } from './block-colors.ts';
import { shapeOfBlock } from './block-geometry.ts';
import { edgeId } from './flow-elements.ts';
import { BLOCK_WIDTH, type LaneBox } from './lanes.ts';

export interface LightBlock {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  disabled: boolean;
  start: boolean;
}

/** A link from (sx, sy) on the source's right side to (tx, ty) on the target's left side. */
export interface LightLink {
  id: string;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

export interface LightScene {
  blocks: LightBlock[];
  links: LightLink[];
  /** Blocks by colour, as indexes into `blocks`: one fill per colour, whatever the block count. */
  byColor: Map<string, number[]>;
}

export interface LightSceneInput {
  doc: Application;
  lanes: readonly LaneBox[];
  definitions: Readonly<Record<string, RunnableBlockDefinition>>;
  /** The height React Flow measured, when it has; otherwise the block's shape gives it. */
  measuredHeight: (id: string) => number | undefined;
}

export function lightScene({ doc, lanes, definitions, measuredHeight }: LightSceneInput): LightScene {
  const laneOf = new Map(lanes.map((lane) => [lane.phase, lane]));
  const blocks: LightBlock[] = [];
  const byColor = new Map<string, number[]>();
  const ports = new Map<string, { block: LightBlock; portY: Map<string, number> }>();
  for (const [id, block] of Object.entries(doc.blocks)) {
    const lane = block && laneOf.get(block.phase);
    if (!block || !lane) continue;
    const definition = definitions[block.type];
    const shape = shapeOfBlock(doc, definitions, id);
    const position = doc.layout?.positions?.[id] ?? { x: 40, y: 60 };
    const light: LightBlock = {
      id,
      x: lane.x + position.x,
      y: lane.y + position.y,
      width: BLOCK_WIDTH,
      height: measuredHeight(id) ?? shape.height,
      label: block.label || definition?.title || block.type,
      disabled: !!block.disabled,
      start: doc.phases[block.phase] === id,
    };
    const color = blockColor(definition);
    const same = byColor.get(color) ?? [];
    same.push(blocks.length);
    byColor.set(color, same);
    blocks.push(light);
    const portY = new Map(shape.handles.map((h) => [h.id ?? '', h.y + (h.height ?? 0) / 2]));
    ports.set(id, { block: light, portY });
  }
  const lightLinks: LightLink[] = [];
  for (const { block, portY } of ports.values()) {
    for (const [outcome, target] of links(doc.blocks[block.id]!.next)) {
      const to = ports.get(target)?.block;
      if (!to) continue;
      lightLinks.push({
        id: edgeId(block.id, outcome),
        sx: block.x + block.width,
        sy: block.y + (portY.get(outcome) ?? block.height / 2),
        tx: to.x,
        ty: to.y + to.height / 2,
      });
    }
  }
  return { blocks, links: lightLinks, byColor };
}

/** The block under a point in flow coordinates: the last drawn, so the one on top. */
export function blockAtPoint(scene: LightScene, point: { x: number; y: number }): LightBlock | undefined {
  for (let i = scene.blocks.length - 1; i >= 0; i--) {
    const b = scene.blocks[i]!;
    if (point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height) return b;
  }
  return undefined;
}
