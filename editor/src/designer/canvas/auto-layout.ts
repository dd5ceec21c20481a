/**
 * Auto layout with elkjs: each phase is laid out on its own (links never cross phases), left to
 * right. A block's ordinary outcomes leave from its right side in port order, so a menu's options
 * line up as the next column; its error branches (no input, no match, error, timeout) leave from
 * its bottom side, so their targets are placed aside, below the main path.
 */
import type { ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { Application } from '../../../../schemas/application.generated.ts';
import type { Position } from '../flow/document-ops.ts';
import { links } from '../flow/links.ts';
import { PHASES } from '../flow/phases.ts';
import { BLOCK_PADDING, BLOCK_WIDTH, LANE_HEADER } from './lanes.ts';

export const ERROR_OUTCOMES: ReadonlySet<string> = new Set(['noInput', 'noMatch', 'error', 'timeout']);

const portId = (block: string, outcome: string) => `${block}.${outcome}`;

function portsOf(id: string, outcomes: readonly string[]): ElkPort[] {
  const main = outcomes.filter((o) => !ERROR_OUTCOMES.has(o));
  const errors = outcomes.filter((o) => ERROR_OUTCOMES.has(o));
  // FIXED_ORDER reads port.index clockwise from the top-left: east ports top to bottom, then south.
  return [
    ...main.map((o, i) => ({
      id: portId(id, o),
      layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
    })),
    ...errors.map((o, i) => ({
      id: portId(id, o),
      layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(main.length + errors.length - i) },
    })),
    { id: portId(id, 'in'), layoutOptions: { 'elk.port.side': 'WEST' } },
  ];
}

export function phaseGraph(
  doc: Application,
  phase: string,
  heightOf: (id: string) => number,
): ElkNode | null {
  const ids = Object.keys(doc.blocks).filter((id) => doc.blocks[id]?.phase === phase);
  if (ids.length === 0) return null;
  const inPhase = new Set(ids);
  return {
    id: phase,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '40',
      'elk.portConstraints': 'FIXED_ORDER',
      // Keep the order of options and blocks as written, so a menu's column reads 1, 2, 3.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: ids.map((id) => ({
      id,
      width: BLOCK_WIDTH,
      height: heightOf(id),
      ports: portsOf(
        id,
        links(doc.blocks[id]!.next).map(([outcome]) => outcome),
      ),
    })),
    edges: ids.flatMap((id) =>
      links(doc.blocks[id]!.next)
        .filter(([, target]) => inPhase.has(target))
        .map(([outcome, target]) => ({
          id: `${id}->${outcome}`,
          sources: [portId(id, outcome)],
          targets: [portId(target, 'in')],
        })),
    ),
  };
}

export async function autoLayout(
  doc: Application,
  heightOf: (id: string) => number,
): Promise<Record<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const positions: Record<string, Position> = {};
  for (const phase of PHASES) {
    const graph = phaseGraph(doc, phase, heightOf);
    if (!graph) continue;
    const laid = await elk.layout(graph);
    for (const child of laid.children ?? []) {
      positions[child.id] = { x: (child.x ?? 0) + BLOCK_PADDING, y: (child.y ?? 0) + LANE_HEADER + 16 };
    }
  }
  return positions;
}
