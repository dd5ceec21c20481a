/** React Flow registries, defined once outside components so React Flow never sees new maps. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { BlockNode } from './block-node.tsx';
import { LaneNode } from './lane-node.tsx';
import { LinkEdge } from './link-edge.tsx';

export const nodeTypes: NodeTypes = { block: BlockNode, lane: LaneNode };
export const edgeTypes: EdgeTypes = { link: LinkEdge };
