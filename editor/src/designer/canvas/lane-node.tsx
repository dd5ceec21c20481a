import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { PHASE_LABELS } from '../flow/phases.ts';
import { useDesigner } from '../store/designer-store.ts';
import type { LaneNode as LaneNodeType } from './flow-elements.ts';

/** A phase lane: the background blocks are dropped on. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<LaneNodeType>) {
  const empty = useDesigner((s) => s.history.present.phases[data.phase] === null);
  return (
    <div className={`lane lane-${data.phase}`} data-phase={data.phase} data-testid={`lane-${data.phase}`}>
      <div className="lane-header">{PHASE_LABELS[data.phase]}</div>
      {empty && <div className="lane-empty">Drop blocks here</div>}
    </div>
  );
});
