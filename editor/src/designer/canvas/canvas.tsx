import {
  Background,
  Controls,
  type Edge,
  type Node,
  ReactFlow,
  type ReactFlowState,
  useReactFlow,
  useStore,
  useStoreApi,
  type Viewport,
} from '@xyflow/react';
import {
  type DragEvent,
  type MouseEvent,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { PALETTE_MIME } from '../palette/palette.tsx';
import { designer, useDesigner } from '../store/designer-store.ts';
import { BlockContextMenu, type BlockMenuTarget } from './block-context-menu.tsx';
import { edgeTypes, nodeTypes } from './element-types.ts';
import type { DesignerNode, LinkEdge } from './flow-elements.ts';
import { FlowMinimap } from './flow-minimap.tsx';
import { blockBoxes, cullingView, edgesInView, nodesInView, parseView } from './in-view.ts';
import { laneAt } from './lanes.ts';
import { LightDrawing, useLightScene } from './light-drawing.tsx';
import { blockAtPoint } from './light-scene.ts';

const defaultEdgeOptions = { type: 'link' };

/**
 * Below this zoom a block's texts are a few pixels high: React Flow draws no block and no link,
 * and the light drawing (light-drawing.tsx) paints the whole flow on one canvas instead, so a
 * 1,000-block flow at full view pans and zooms as fast as an empty one (bench/editor.ts).
 */
export const LOW_DETAIL_ZOOM = 0.45;
const selectLowDetail = (s: ReactFlowState) => s.transform[2] < LOW_DETAIL_ZOOM;

const NO_EDGES: LinkEdge[] = [];
/**
 * Blocks stay in React Flow, hidden: it keeps what it measured (sizes, handles), so zooming back
 * in draws the blocks in view and their links at once rather than measuring every block again.
 * One hidden copy per node object, so React Flow sees unchanged nodes as unchanged.
 */
const hiddenCopies = new WeakMap<DesignerNode, DesignerNode>();
function hidden(node: DesignerNode): DesignerNode {
  if (node.type !== 'block') return node;
  let copy = hiddenCopies.get(node);
  if (!copy) {
    copy = { ...node, hidden: true };
    hiddenCopies.set(node, copy);
  }
  return copy;
}

export function Canvas() {
  const nodes = useDesigner((s) => s.nodes);
  const edges = useDesigner((s) => s.edges);
  const flow = useReactFlow();
  const reconnected = useRef(false);
  const lowDetail = useStore(selectLowDetail);
  const { box, sized } = useSizedFirst();
  const { shownNodes, shownEdges } = useInView(nodes, edges, lowDetail);
  const scene = useLightScene(lowDetail);

  // A click on the light drawing lands on the pane (lanes let the pointer through): it selects
  // the block drawn there.
  const selectAt = useCallback(
    (event: MouseEvent) => {
      if (!scene) return;
      const hit = blockAtPoint(scene, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
      const toggle = event.ctrlKey || event.metaKey;
      // After React Flow's own handling of the click, which clears its selection on a pane click.
      queueMicrotask(() => {
        const selected = designer.selectedBlockIds();
        if (!toggle) designer.select(hit ? [hit.id] : []);
        else if (hit)
          designer.select(
            selected.includes(hit.id) ? selected.filter((id) => id !== hit.id) : [...selected, hit.id],
          );
      });
    },
    [flow, scene],
  );
  const onPaneClick = useCallback(
    (event: MouseEvent) => {
      setMenu(null);
      selectAt(event);
    },
    [selectAt],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const lane = laneAt(useDesigner.getState().lanes, point);
      if (!lane) return designer.notify('Drop blocks onto a phase lane.');
      designer.dropBlock(type, lane.phase, { x: point.x - lane.x, y: point.y - lane.y });
    },
    [flow],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onReconnectStart = useCallback(() => {
    reconnected.current = false;
  }, []);
  const onReconnect = useCallback((old: Edge, connection: Parameters<typeof designer.onReconnect>[1]) => {
    reconnected.current = true;
    designer.onReconnect(old, connection);
  }, []);
  // A link dragged off its target and dropped on empty canvas is removed.
  const onReconnectEnd = useCallback((_: unknown, edge: Edge) => {
    if (!reconnected.current && edge.sourceHandle) designer.disconnect(edge.source, edge.sourceHandle);
  }, []);

  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => designer.setViewport(viewport), []);
  const [menu, setMenu] = useState<BlockMenuTarget | null>(null);
  const onNodeContextMenu = useCallback((event: MouseEvent, node: Node) => {
    if (node.type !== 'block') return;
    event.preventDefault();
    if (!node.selected) designer.select([node.id]);
    setMenu({ blockId: node.id, x: event.clientX, y: event.clientY });
  }, []);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop zone for palette drags; keyboard users paste instead
    <div ref={box} className={lowDetail ? 'canvas lod' : 'canvas'} onDrop={onDrop} onDragOver={onDragOver}>
      {sized && (
        <ReactFlow
          nodes={shownNodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodesChange={designer.onNodesChange}
          onEdgesChange={designer.onEdgesChange}
          onConnect={designer.onConnect}
          onReconnectStart={onReconnectStart}
          onReconnect={onReconnect}
          onReconnectEnd={onReconnectEnd}
          onDelete={designer.onDelete}
          onNodeDragStop={(_, __, dragged) => designer.onNodeDragStop(dragged)}
          onMoveEnd={onMoveEnd}
          onNodeContextMenu={onNodeContextMenu}
          onPaneClick={onPaneClick}
          defaultViewport={initialViewport()}
          minZoom={0.05}
          maxZoom={2}
          multiSelectionKeyCode={['Meta', 'Control']}
          deleteKeyCode={['Delete', 'Backspace']}
          proOptions={{ hideAttribution: true }}
          // A large flow keeps only what is in view in the DOM, so a drag repaints tens of blocks, not
          // thousands; below LOW_DETAIL_ZOOM it keeps none.
          onlyRenderVisibleElements
        >
          {/* At full view the dots would be a pixel apart, repainted over the whole pane each frame. */}
          {!lowDetail && <Background gap={24} />}
          {scene && <LightDrawing scene={scene} />}
          <FlowMinimap />
          {/* The toolbar's Fit replaces the Controls' one (see fit-view.ts). */}
          <Controls showFitView={false} />
        </ReactFlow>
      )}
      {nodes.length === lanesOnly(nodes) && <EmptyCanvasHint />}
      {menu && <BlockContextMenu target={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}

/**
 * React Flow learns its size and the opening view in effects after its first render, so that
 * render draws no block (nothing is in a 0 × 0 view) and a second one draws them. Measured here
 * first, before React Flow mounts (a layout effect, before anything is painted), its store starts
 * with both, and the blocks in view are drawn in its first render.
 */
function useSizedFirst() {
  const store = useStoreApi();
  const box = useRef<HTMLDivElement>(null);
  const [sized, setSized] = useState(() => store.getState().width > 0);
  useLayoutEffect(() => {
    if (sized || !box.current) return;
    const { width, height } = box.current.getBoundingClientRect();
    const { x, y, zoom } = initialViewport();
    store.setState({ width, height, transform: [x, y, zoom] });
    setSized(true);
  }, [sized, store]);
  return { box, sized };
}

/**
 * What React Flow is given (in-view.ts): the blocks and links near the view. Below
 * LOW_DETAIL_ZOOM every block, hidden, and no link.
 */
function useInView(nodes: readonly DesignerNode[], edges: readonly LinkEdge[], lowDetail: boolean) {
  const hiddenNodes = useMemo(() => (lowDetail ? nodes.map(hidden) : null), [lowDetail, nodes]);
  const view = useStore(cullingView);
  const boxes = useMemo(() => blockBoxes(nodes), [nodes]);
  const previousEdges = useRef<readonly LinkEdge[]>(NO_EDGES);
  const previousNodes = useRef<readonly DesignerNode[]>([]);
  return useMemo(() => {
    if (hiddenNodes) return { shownNodes: hiddenNodes, shownEdges: NO_EDGES };
    const box = parseView(view);
    previousEdges.current = edgesInView(edges, boxes, box, previousEdges.current);
    previousNodes.current = nodesInView(nodes, boxes, box, previousEdges.current, previousNodes.current);
    return {
      shownNodes: previousNodes.current as DesignerNode[],
      shownEdges: previousEdges.current as LinkEdge[],
    };
  }, [hiddenNodes, nodes, edges, boxes, view]);
}

function initialViewport(): Viewport {
  return useDesigner.getState().history.present.layout?.viewport ?? { x: 40, y: 20, zoom: 0.8 };
}

const lanesOnly = (nodes: readonly Node[]) => nodes.filter((n) => n.type === 'lane').length;

function EmptyCanvasHint() {
  return (
    <div className="canvas-empty" role="note">
      <strong>This flow has no blocks yet.</strong>
      <span>
        Drag a block from the palette onto a phase lane, or pick one in the palette with the arrow keys and
        press Enter. Press ? for all shortcuts.
      </span>
    </div>
  );
}
