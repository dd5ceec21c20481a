import { useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesigner, useDesigner } from '../store/designer-store.ts';
import type { DesignerNode } from './flow-elements.ts';
import { paintLightScene } from './light-paint.ts';
import { blockAtPoint, type LightScene, lightScene } from './light-scene.ts';

/**
 * The scene of the light drawing, rebuilt when blocks, positions or lanes change (not on a pan,
 * zoom or selection); null while blocks are drawn in full, so editing there pays nothing for it.
 */
export function useLightScene(enabled: boolean): LightScene | null {
  const blocks = useDesigner((s) => s.history.present.blocks);
  const positions = useDesigner((s) => s.history.present.layout?.positions);
  const phases = useDesigner((s) => s.history.present.phases);
  const type = useDesigner((s) => s.history.present.type);
  const lanes = useDesigner((s) => s.lanes);
  const definitions = useDesigner((s) => s.definitions);
  return useMemo(() => {
    if (!enabled) return null;
    // Read together with the slices above; the viewport in `layout` changes after every pan and
    // must not rebuild the scene.
    const doc = { ...getDesigner().history.present, blocks, phases, type, layout: { positions } };
    const measured = new Map(getDesigner().nodes.map((n) => [n.id, n.measured?.height]));
    return lightScene({ doc, lanes, definitions, measuredHeight: (id) => measured.get(id) });
  }, [enabled, blocks, positions, phases, type, lanes, definitions]);
}

/**
 * The whole flow on one <canvas> over React Flow's pane, while blocks are too small to read
 * (canvas.tsx, LOW_DETAIL_ZOOM). React Flow keeps handling pan and zoom, with the blocks hidden
 * and no links, so a frame moves four lanes and repaints this canvas: a 1,000-block flow at full
 * view pans and zooms at the display's frame rate (bench/editor.ts). Pointer events pass through
 * to the pane; hovering names a block, and canvas.tsx selects the block a click lands on.
 */
export function LightDrawing({ scene }: { scene: LightScene }) {
  const { t } = useTranslation('designer');
  const ref = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi<DesignerNode>();

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    const wrapper = canvas?.parentElement;
    if (!canvas || !ctx || !wrapper) return;
    let hovered: string | null = null;
    let selectedIn: DesignerNode[] | null = null;
    let selected = new Set<string>();

    // Painted at once, in the same task as React Flow's own transform, so lanes and blocks never
    // drift apart by a frame.
    const paint = () => {
      const { transform, width, height } = flowStore.getState();
      const ratio = window.devicePixelRatio || 1;
      const pixelsWide = Math.round(width * ratio);
      const pixelsHigh = Math.round(height * ratio);
      if (canvas.width !== pixelsWide) canvas.width = pixelsWide;
      if (canvas.height !== pixelsHigh) canvas.height = pixelsHigh;
      const s = getDesigner();
      if (s.nodes !== selectedIn) {
        selectedIn = s.nodes;
        selected = new Set(s.nodes.flatMap((n) => (n.type === 'block' && n.selected ? [n.id] : [])));
      }
      const marks = {
        selected,
        severity: s.issueSeverity,
        searchMatches: s.searchMatches,
        searchCurrent: s.searchCurrent,
        current: s.run.currentBlockId,
        visited: s.run.visited,
        taken: s.run.takenEdges,
        hovered,
      };
      const [x, y, zoom] = transform;
      const drawn = paintLightScene(ctx, scene, marks, { x, y, zoom, width, height, ratio });
      // For the browser test and the benchmark: how many blocks the last frame drew.
      if (canvas.dataset.blocks !== String(drawn)) canvas.dataset.blocks = String(drawn);
    };

    // Where the pointer rests over the pane, in its pixels: a wheel zoom moves the blocks under it.
    let pointer: { x: number; y: number } | null = null;
    const blockUnderPointer = () => {
      if (!pointer) return null;
      const [x, y, zoom] = flowStore.getState().transform;
      return blockAtPoint(scene, { x: (pointer.x - x) / zoom, y: (pointer.y - y) / zoom })?.id ?? null;
    };
    const hover = (id: string | null) => {
      if (id === hovered) return false;
      hovered = id;
      wrapper.toggleAttribute('data-light-hover', !!id);
      return true;
    };
    const onPointerMove = (event: PointerEvent) => {
      // Panning moves the pointer too; a panel (minimap, zoom buttons) covers the flow.
      const overPanel = event.target instanceof Element && event.target.closest('.react-flow__panel');
      if (event.buttons || overPanel) pointer = null;
      else {
        const box = wrapper.getBoundingClientRect();
        pointer = { x: event.clientX - box.left, y: event.clientY - box.top };
      }
      if (hover(blockUnderPointer())) paint();
    };
    const onPointerLeave = () => {
      pointer = null;
      if (hover(null)) paint();
    };

    paint();
    const offFlow = flowStore.subscribe((s, old) => {
      if (s.transform === old.transform && s.width === old.width && s.height === old.height) return;
      hover(blockUnderPointer());
      paint();
    });
    const offDesigner = useDesigner.subscribe((s, old) => {
      if (
        s.nodes !== old.nodes ||
        s.issueSeverity !== old.issueSeverity ||
        s.searchMatches !== old.searchMatches ||
        s.searchCurrent !== old.searchCurrent ||
        s.run !== old.run
      )
        paint();
    });
    wrapper.addEventListener('pointermove', onPointerMove);
    wrapper.addEventListener('pointerleave', onPointerLeave);
    return () => {
      offFlow();
      offDesigner();
      wrapper.removeEventListener('pointermove', onPointerMove);
      wrapper.removeEventListener('pointerleave', onPointerLeave);
      wrapper.removeAttribute('data-light-hover');
    };
  }, [flowStore, scene]);

  return (
    <canvas
      ref={ref}
      className="light-drawing"
      data-testid="light-drawing"
      role="img"
      aria-label={t('canvas.lightDrawing', { count: scene.blocks.length })}
    />
  );
}
