import '@xyflow/react/dist/style.css';
import './designer.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { applicationsApi, blocksApi } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import { Canvas } from './canvas/canvas.tsx';
import { designerData } from './designer-prefetch.ts';
import { useLiveValidation } from './issues/use-validation.ts';
import { Palette } from './palette/palette.tsx';
import { SidePanel } from './side-panel.tsx';
import { useAutosave } from './store/autosave.ts';
import { designer } from './store/designer-store.ts';
import { fromStored } from './store/saved-history.ts';
import { ConflictBanner, NoticeToast, SaveErrorBanner } from './toolbar/banners.tsx';
import { DesignerToolbar } from './toolbar/designer-toolbar.tsx';
import { ShortcutHelp } from './toolbar/shortcut-help.tsx';
import { useShortcuts } from './toolbar/use-shortcuts.ts';

/** The Designer for one application: palette, canvas with the four phase lanes, side panels. */
export default function DesignerScreen({ applicationId }: { applicationId: string }) {
  const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');

  const load = useCallback(
    async (keepHistory: boolean) => {
      setState('loading');
      try {
        // A reload from the conflict banner starts afresh, without the saved undo history.
        const [draft, blocks, saved] = keepHistory
          ? await designerData(applicationId)
          : await Promise.all([applicationsApi.get(applicationId), blocksApi.list(), undefined]);
        const history = fromStored(saved, applicationId, draft.revision);
        designer.load({
          doc: draft.application,
          revision: draft.revision,
          definitions: blocks.items,
          history,
        });
        setState('ready');
      } catch (e) {
        setState({ error: describeError(e) });
      }
    },
    [applicationId],
  );

  useEffect(() => {
    void load(true);
  }, [load]);

  if (state === 'loading') return <div className="splash">Loading application…</div>;
  if (typeof state === 'object') {
    return (
      <div className="splash error" role="alert">
        {state.error}
        <a href="#/applications">Back to applications</a>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <DesignerLayout onReload={() => void load(false)} />
    </ReactFlowProvider>
  );
}

function DesignerLayout({ onReload }: { onReload: () => void }) {
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useAutosave();
  useLiveValidation();
  useShortcuts({ onHelp: openHelp });
  return (
    <div className="designer">
      <DesignerToolbar />
      <ConflictBanner onReload={onReload} />
      <SaveErrorBanner />
      <div className="designer-body">
        <Palette />
        <Canvas />
        <SidePanel />
      </div>
      <NoticeToast />
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
