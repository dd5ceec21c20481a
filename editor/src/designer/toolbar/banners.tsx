import { useEffect } from 'react';
import { saveNow } from '../store/autosave.ts';
import { designer, useDesigner } from '../store/designer-store.ts';

/** A stale revision: offer to reload the server's draft or, deliberately, to overwrite it. */
export function ConflictBanner({ onReload }: { onReload: () => void }) {
  const status = useDesigner((s) => s.saveStatus);
  const message = useDesigner((s) => s.saveError);
  if (status !== 'conflict') return null;
  return (
    <div className="banner conflict" role="alert">
      {message} Your recent changes are not saved.
      <button type="button" onClick={onReload}>
        Reload their version
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => {
          if (window.confirm('Replace the saved draft with your version?')) void saveNow({ overwrite: true });
        }}
      >
        Keep mine (overwrite)
      </button>
    </div>
  );
}

export function SaveErrorBanner() {
  const status = useDesigner((s) => s.saveStatus);
  const message = useDesigner((s) => s.saveError);
  if (status !== 'error') return null;
  return (
    <div className="banner error" role="alert">
      Saving failed: {message}
      <button type="button" onClick={() => void saveNow()}>
        Retry
      </button>
    </div>
  );
}

/** Short messages from canvas gestures (e.g. a refused drop), cleared after a few seconds. */
export function NoticeToast() {
  const notice = useDesigner((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => designer.notify(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className="toast" role="status">
      {notice}
    </div>
  );
}
