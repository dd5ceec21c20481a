import { saveNow } from '../store/autosave.ts';
import { useDesigner } from '../store/designer-store.ts';

const LABELS = {
  saved: 'Saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  conflict: 'Conflict',
  error: 'Not saved',
} as const;

export function SaveStatusBadge() {
  const status = useDesigner((s) => s.saveStatus);
  const revision = useDesigner((s) => s.revision);
  return (
    <span className={`save-status ${status}`} data-testid="save-status" title={`Revision ${revision}`}>
      {LABELS[status]}
      {status === 'error' && (
        <button type="button" className="link" onClick={() => void saveNow()}>
          retry
        </button>
      )}
    </span>
  );
}
