import { useReactFlow, useStoreApi } from '@xyflow/react';
import { autoLayout } from '../canvas/auto-layout.ts';
import { showBlocks } from '../canvas/fit-view.ts';
import type { DesignerNode, LinkEdge } from '../canvas/flow-elements.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { FlowSearch } from './flow-search.tsx';
import { SaveStatusBadge } from './save-status-badge.tsx';

export function DesignerToolbar() {
  const name = useDesigner((s) => s.history.present.name);
  const type = useDesigner((s) => s.history.present.type);
  const canUndo = useDesigner((s) => s.history.past.length > 0);
  const canRedo = useDesigner((s) => s.history.future.length > 0);
  const flow = useReactFlow<DesignerNode, LinkEdge>();
  const store = useStoreApi();
  const fit = () => showBlocks(flow, store);

  const layout = async () => {
    const state = useDesigner.getState();
    const heights = new Map(state.nodes.map((n) => [n.id, n.measured?.height ?? 80]));
    designer.applyLayout(await autoLayout(state.history.present, (id) => heights.get(id) ?? 80));
    requestAnimationFrame(fit);
  };

  return (
    <div className="designer-toolbar">
      <input
        className="app-name"
        aria-label="Application name"
        value={name}
        onChange={(e) => designer.rename(e.target.value, 'name')}
      />
      <span className="badge">{type}</span>
      <SaveStatusBadge />
      <span className="spacer" />
      <button type="button" onClick={designer.undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={designer.redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <button type="button" onClick={() => void layout()} title="Arrange each phase automatically">
        Auto layout
      </button>
      <button type="button" onClick={fit} title="Zoom to fit the blocks">
        Fit
      </button>
      <FlowSearch />
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }))}
      >
        ?
      </button>
    </div>
  );
}
