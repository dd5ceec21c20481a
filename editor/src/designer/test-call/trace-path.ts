import type { TestCall } from '../../api/types.ts';
import { edgeId } from '../canvas/flow-elements.ts';
import type { RunHighlight } from '../store/designer-store.ts';

/** The canvas highlight for a test call: the block it is in and every block and link it went through. */
export function runHighlight(call: TestCall): RunHighlight {
  const visited: Record<string, true> = {};
  const takenEdges: Record<string, true> = {};
  for (const entry of call.trace) {
    visited[entry.blockId] = true;
    if (entry.outcome) takenEdges[edgeId(entry.blockId, entry.outcome)] = true;
  }
  return {
    currentBlockId: call.state === 'ended' ? null : call.currentBlockId,
    paused: call.state === 'paused',
    visited,
    takenEdges,
  };
}
