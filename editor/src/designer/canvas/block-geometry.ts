/**
 * Where a block's handles sit before React Flow has measured it (numbers from block-node.tsx and
 * designer.css). React Flow draws every unmeasured node once to find its handles; giving it these
 * lets a large flow open drawing only the blocks in view. Once measured, the DOM's numbers win.
 */
import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { Application } from '../../../../schemas/application.generated.ts';
import type { RunnableBlockDefinition } from '../../api/types.ts';
import { outcomesOf } from '../flow/ports.ts';
import { BLOCK_WIDTH } from './lanes.ts';

const HEAD = 34;
const TYPE_LINE = 17;
const PORT = 22;
const HANDLE = 9;

export interface BlockShape {
  height: number;
  handles: NodeHandle[];
}

export function blockShape(ports: readonly string[], hasTypeLine: boolean): BlockShape {
  const top = HEAD + (hasTypeLine ? TYPE_LINE : 0);
  const height = top + PORT * Math.max(1, ports.length);
  const handles: NodeHandle[] = [
    {
      id: 'in',
      type: 'target',
      position: Position.Left,
      x: -HANDLE / 2 + 1,
      y: height / 2 - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    },
    ...ports.map((id, i) => ({
      id,
      type: 'source' as const,
      position: Position.Right,
      x: BLOCK_WIDTH - HANDLE / 2 - 1,
      // Measured: each handle's top sits half a pixel above its port row.
      y: top - 0.5 + PORT * i,
      width: HANDLE,
      height: HANDLE,
    })),
  ];
  return { height, handles };
}

/**
 * Shapes already worked out, by block object: the document's blocks are replaced, never changed,
 * when edited, so a block object with the same definition and application type has the same shape.
 * Opening a 1,000-block flow asks for every shape several times (lanes, nodes, layout).
 */
const shapes = new WeakMap<object, { definition: unknown; appType: string; shape: BlockShape }>();

/** A block's shape from its document and definition: its ports, and a type line when it is labelled. */
export function shapeOfBlock(
  doc: Application,
  definitions: Readonly<Record<string, RunnableBlockDefinition>>,
  id: string,
): BlockShape {
  const block = doc.blocks[id];
  const definition = block && definitions[block.type];
  const known = block && shapes.get(block);
  if (known && known.definition === definition && known.appType === doc.type) return known.shape;
  const ports =
    definition && block ? outcomesOf(definition, block.properties, doc.type).map((o) => o.name) : [];
  const shape = blockShape(ports, !definition || (!!block?.label && block.label !== definition.title));
  if (block) shapes.set(block, { definition, appType: doc.type, shape });
  return shape;
}
