/**
 * Auto-save: a short pause after the last edit saves the draft with the revision it was based on.
 * A stale revision is a conflict; it is shown to the user and nothing is overwritten silently.
 */
import { useEffect } from 'react';
import { applicationsApi } from '../../api/endpoints.ts';
import { ApiProblem, describeError } from '../../api/http.ts';
import { designer, useDesigner } from './designer-store.ts';
import { saveHistory } from './history.ts';

export const AUTOSAVE_DELAY_MS = 800;

let inFlight: Promise<void> | null = null;

/** Saves now if there is anything to save; resolves once the draft on the server is current. */
export async function saveNow(options: { overwrite?: boolean } = {}): Promise<void> {
  while (inFlight) await inFlight;
  const state = useDesigner.getState();
  const doc = state.history.present;
  if (!state.applicationId || doc === state.savedDoc) return;
  if (state.saveStatus === 'conflict' && !options.overwrite) return;
  inFlight = (async () => {
    designer.saving();
    try {
      let revision = state.revision;
      if (options.overwrite) revision = (await applicationsApi.get(doc.id)).revision;
      const saved = await applicationsApi.save(doc.id, revision, doc);
      designer.saved(saved.revision, doc);
    } catch (error) {
      const conflict = error instanceof ApiProblem && error.code === 'REVISION_CONFLICT';
      designer.saveFailed(
        conflict ? 'conflict' : 'error',
        conflict ? 'Someone else saved this application since you opened it.' : describeError(error),
      );
    } finally {
      inFlight = null;
    }
  })();
  await inFlight;
}

export function useAutosave(): void {
  const doc = useDesigner((s) => s.history.present);
  const savedDoc = useDesigner((s) => s.savedDoc);
  const status = useDesigner((s) => s.saveStatus);

  // Persist undo history whenever the document or the saved revision changes.
  useEffect(
    () =>
      useDesigner.subscribe((s, old) => {
        if (s.history !== old.history || s.revision !== old.revision)
          saveHistory(sessionStorage, s.revision, s.history);
      }),
    [],
  );

  useEffect(() => {
    if (doc === savedDoc || status === 'conflict' || status === 'saving' || status === 'error') return;
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, savedDoc, status]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      const s = useDesigner.getState();
      if (s.history.present !== s.savedDoc) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
}
