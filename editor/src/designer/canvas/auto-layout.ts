/**
 * Auto layout with elkjs: each phase is laid out on its own (links never cross phases),
 * left to right, with ports in their listed order. Positions are relative to the lane.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Application } from '../../../../schemas/application.generated.ts';
import type { Position } from '../flow/document-ops.ts';
import { links } from '../flow/links.ts';
import { PHASES } from '../flow/phases.ts';
import { BLOCK_PADDING, BLOCK_WIDTH, LANE_HEADER } from './lanes.ts';

export async function autoLayout(
  doc: Application,
  heightOf: (id: string) => number,
): Promise<Record<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const positions: Record<string, Position> = {};
  for (const phase of PHASES) {
    const ids = Object.keys(doc.blocks).filter((id) => doc.blocks[id]?.phase === phase);
    if (ids.length === 0) continue;
    const graph: ElkNode = {
      id: phase,
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.layered.spacing.nodeNodeBetweenLayers': '80',
        'elk.spacing.nodeNode': '40',
        'elk.portConstraints': 'FIXED_ORDER',
      },
      children: ids.map((id) => ({ id, width: BLOCK_WIDTH, height: heightOf(id) })),
      edges: ids.flatMap((id) =>
        links(doc.blocks[id]!.next)
          .filter(([, target]) => ids.includes(target))
          .map(([outcome, target]) => ({ id: `${id}->${outcome}`, sources: [id], targets: [target] })),
      ),
    };
    const laid = await elk.layout(graph);
    for (const child of laid.children ?? []) {
      positions[child.id] = { x: (child.x ?? 0) + BLOCK_PADDING, y: (child.y ?? 0) + LANE_HEADER + 16 };
    }
  }
  return positions;
}
