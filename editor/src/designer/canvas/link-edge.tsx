import { BaseEdge, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { useDesigner } from '../store/designer-store.ts';
import type { LinkEdge as LinkEdgeType } from './flow-elements.ts';

/** A link from an outcome port; drawn bold when the running test call took it. */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<LinkEdgeType>) {
  const taken = useDesigner((s) => !!s.run.takenEdges[props.id]);
  const [path] = getSmoothStepPath({ ...props, borderRadius: 8 });
  const className = ['link-edge', taken && 'taken', props.selected && 'selected'].filter(Boolean).join(' ');
  return (
    <BaseEdge
      id={props.id}
      path={path}
      className={className}
      markerEnd={props.markerEnd}
      interactionWidth={16}
    />
  );
});
