import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { outcomesOf } from '../flow/ports.ts';
import { useDesigner } from '../store/designer-store.ts';
import { blockColor } from './block-colors.ts';
import type { BlockNode as BlockNodeType } from './flow-elements.ts';
import { countRender } from './render-counts.ts';

type BlockNodeProps = NodeProps<BlockNodeType>;

/**
 * A block draws nothing from its position, so moving it (or its lane) is React Flow's transform
 * alone: the component re-renders only when its id or selection changes, or its store slices do.
 */
const sameBlockProps = (a: BlockNodeProps, b: BlockNodeProps) => a.id === b.id && a.selected === b.selected;

/** One block on the canvas. Reads its own instance from the store, so editing one block re-renders one node. */
export const BlockNode = memo(function BlockNode({ id, selected }: BlockNodeProps) {
  countRender(id);
  const block = useDesigner((s) => s.history.present.blocks[id]);
  const definition = useDesigner((s) => (block ? s.definitions[block.type] : undefined));
  const isStart = useDesigner((s) => !!block && s.history.present.phases[block.phase] === id);
  const severity = useDesigner((s) => s.issueSeverity[id]);
  const isCurrent = useDesigner((s) => s.run.currentBlockId === id);
  const visited = useDesigner((s) => !!s.run.visited[id]);
  const paused = useDesigner((s) => s.run.paused && s.run.currentBlockId === id);
  const breakpoint = useDesigner((s) => !!s.breakpoints[id]);
  const found = useDesigner((s) =>
    s.searchCurrent === id ? 'current' : s.searchMatches[id] ? 'match' : null,
  );
  const properties = block?.properties;
  const appType = useDesigner((s) => s.history.present.type);
  // Only the outcomes that can occur in this application's type get a port.
  const ports = useMemo(
    () => (definition && properties ? outcomesOf(definition, properties, appType) : []),
    [definition, properties, appType],
  );
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = ports.map((p) => p.name).join('|');
  const mountedPorts = useRef(portKey);
  // Handles move when the set of ports changes. React Flow measures a new node by itself; asking
  // again on mount makes opening a large flow quadratic (each request re-runs every node's selectors).
  useEffect(() => {
    if (mountedPorts.current === portKey) return;
    mountedPorts.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);

  if (!block) return null;
  const color = blockColor(definition);
  const classes = [
    'block-node',
    selected && 'selected',
    severity && `issue-${severity}`,
    isCurrent && 'current',
    paused && 'paused',
    breakpoint && 'has-breakpoint',
    visited && 'visited',
    block.disabled && 'disabled',
    found && `search-${found}`,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={classes} data-block-id={id} data-testid={`block-${id}`}>
      <Handle type="target" position={Position.Left} id="in" className="in-handle" />
      {breakpoint && <span className="breakpoint-dot" title="Breakpoint: a test call pauses here" />}
      <div className="block-head" style={{ borderColor: color }}>
        {isStart && (
          <span className="start-badge" title="Phase start">
            ▶
          </span>
        )}
        <span className="block-label">{block.label || definition?.title || block.type}</span>
        {severity && <span className={`issue-dot ${severity}`} title={`Has ${severity}s`} />}
      </div>
      {(!definition || (block.label && block.label !== definition.title)) && (
        <div className="block-type">{definition?.title ?? `Unknown block: ${block.type}`}</div>
      )}
      <ul className="ports">
        {ports.map((port) => (
          <li key={port.name} className="port" title={port.name}>
            <span>{port.label}</span>
            <Handle type="source" position={Position.Right} id={port.name} className="out-handle" />
          </li>
        ))}
        {ports.length === 0 && (
          <li className="port muted">{definition?.endsCall ? 'ends the call' : 'no outcomes'}</li>
        )}
      </ul>
    </div>
  );
}, sameBlockProps);
