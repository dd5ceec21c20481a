import { Panel, type ReactFlowState, useReactFlow, useStore } from '@xyflow/react';
import { memo, type PointerEvent, useMemo, useRef, type WheelEvent } from 'react';
import { getDesigner, useDesigner } from '../store/designer-store.ts';
import { minimapShapes, visibleRect } from './minimap-geometry.ts';

const WIDTH = 200;
const HEIGHT = 150;
const ZOOM_STEP = 1.2;

const selectTransform = (s: ReactFlowState) => s.transform;
const selectWidth = (s: ReactFlowState) => s.width;
const selectHeight = (s: ReactFlowState) => s.height;

/**
 * An overview of the whole flow: lanes, blocks (those with errors in red) and the part in view.
 * Click or drag on it to move the view there; the wheel zooms. Unlike React Flow's MiniMap, which
 * keeps one element and one store subscription per node and redraws on each drag frame, it draws
 * all blocks as one path from the document, so a 1,000-block flow costs it nothing while dragging
 * (bench/editor.ts).
 */
export const FlowMinimap = memo(function FlowMinimap() {
  const blocks = useDesigner((s) => s.history.present.blocks);
  const positions = useDesigner((s) => s.history.present.layout?.positions);
  const lanes = useDesigner((s) => s.lanes);
  const severity = useDesigner((s) => s.issueSeverity);
  const shapes = useMemo(() => {
    // Heights as measured by the time the document last changed; a block's height changes only
    // with its ports or label, which are document changes.
    const nodes = new Map(getDesigner().nodes.map((n) => [n.id, n]));
    const heightOf = (id: string) => {
      const node = nodes.get(id);
      return node?.measured?.height ?? node?.initialHeight ?? 60;
    };
    return minimapShapes({ blocks, positions, lanes, heightOf, severity });
  }, [blocks, positions, lanes, severity]);

  const transform = useStore(selectTransform);
  const paneWidth = useStore(selectWidth);
  const paneHeight = useStore(selectHeight);
  const view = visibleRect(transform, paneWidth, paneHeight);
  const flow = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);

  const { bounds } = shapes;
  // Room around the flow, so the view's outline shows even at the flow's edge.
  const pad = Math.max(bounds.width, bounds.height) * 0.03;
  const viewBox = `${bounds.x - pad} ${bounds.y - pad} ${bounds.width + pad * 2} ${bounds.height + pad * 2}`;
  const outside = `M${bounds.x - pad * 2} ${bounds.y - pad * 2}h${bounds.width + pad * 4}v${bounds.height + pad * 4}h${-(bounds.width + pad * 4)}z`;
  const inView = `M${view.x} ${view.y}h${view.width}v${view.height}h${-view.width}z`;

  const centreOn = (event: PointerEvent<SVGSVGElement>) => {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    void flow.setCenter(p.x, p.y, { zoom: flow.getZoom() });
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    centreOn(event);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => dragging.current && centreOn(event);
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) =>
    void flow.zoomTo(flow.getZoom() * (event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP));

  return (
    <Panel position="bottom-right" className="flow-minimap" data-testid="minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={viewBox}
        role="img"
        aria-label="Minimap of the whole flow: click or drag to move the view"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onWheel={onWheel}
      >
        {shapes.lanes.map((lane) => (
          <rect
            key={lane.phase}
            className={`minimap-lane minimap-lane-${lane.phase}`}
            x={lane.x}
            y={lane.y}
            width={lane.width}
            height={lane.height}
          />
        ))}
        <path className="minimap-blocks" d={shapes.blocks} />
        <path className="minimap-blocks error" d={shapes.blocksWithErrors} />
        <path className="minimap-mask" d={outside + inView} fillRule="evenodd" />
        <path className="minimap-view" d={inView} vectorEffect="non-scaling-stroke" />
      </svg>
    </Panel>
  );
});
