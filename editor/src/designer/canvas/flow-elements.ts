/**
 * Derives React Flow nodes and edges from the document. Objects are reused when nothing about
 * them changed, so React Flow re-renders only the nodes and edges that did.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Application, Phase } from '../../../../schemas/application.generated.ts';
import { links } from '../flow/links.ts';
import type { BlockShape } from './block-geometry.ts';
import { BLOCK_WIDTH, type LaneBox } from './lanes.ts';

export type LaneNode = Node<{ phase: Phase }, 'lane'>;
export type BlockNode = Node<Record<string, never>, 'block'>;
export type DesignerNode = LaneNode | BlockNode;
export type LinkEdge = Edge<Record<string, never>, 'link'>;

export const laneNodeId = (phase: Phase) => `lane:${phase}`;
export const edgeId = (source: string, outcome: string) => `${source}->${outcome}`;

const EMPTY = {} as Record<string, never>;

export function syncNodes(
  doc: Application,
  lanes: readonly LaneBox[],
  previous: readonly DesignerNode[],
  shapeOf: (id: string) => BlockShape,
): DesignerNode[] {
  const prev = new Map(previous.map((n) => [n.id, n]));
  const nodes: DesignerNode[] = [];
  for (const lane of lanes) {
    const id = laneNodeId(lane.phase);
    const old = prev.get(id) as LaneNode | undefined;
    const same =
      old &&
      old.position.x === lane.x &&
      old.position.y === lane.y &&
      old.width === lane.width &&
      old.height === lane.height;
    nodes.push(
      same
        ? old
        : {
            id,
            type: 'lane',
            position: { x: lane.x, y: lane.y },
            width: lane.width,
            height: lane.height,
            data: { phase: lane.phase },
            draggable: false,
            selectable: false,
            deletable: false,
            focusable: false,
            zIndex: -1,
          },
    );
  }
  for (const [id, block] of Object.entries(doc.blocks)) {
    if (!block) continue;
    const position = doc.layout?.positions?.[id] ?? { x: 40, y: 60 };
    const parentId = laneNodeId(block.phase);
    const old = prev.get(id) as BlockNode | undefined;
    if (old && old.parentId === parentId && old.position.x === position.x && old.position.y === position.y) {
      nodes.push(old);
    } else {
      // A block React Flow has not measured yet gets its size and handles from block-geometry.ts,
      // so it need not be drawn until it comes into view (onlyRenderVisibleElements).
      const shape = old ? undefined : shapeOf(id);
      nodes.push({
        ...old,
        id,
        type: 'block',
        parentId,
        position,
        data: EMPTY,
        ...(shape && { initialWidth: BLOCK_WIDTH, initialHeight: shape.height, handles: shape.handles }),
      });
    }
  }
  return nodes;
}

export function syncEdges(doc: Application, previous: readonly LinkEdge[]): LinkEdge[] {
  const prev = new Map(previous.map((e) => [e.id, e]));
  const edges: LinkEdge[] = [];
  for (const [source, block] of Object.entries(doc.blocks)) {
    if (!block) continue;
    for (const [outcome, target] of links(block.next)) {
      if (!doc.blocks[target]) continue;
      const id = edgeId(source, outcome);
      const old = prev.get(id);
      edges.push(
        old && old.target === target
          ? old
          : {
              ...old,
              id,
              type: 'link',
              source,
              sourceHandle: outcome,
              target,
              targetHandle: 'in',
              data: EMPTY,
            },
      );
    }
  }
  return edges;
}
