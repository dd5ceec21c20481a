/**
 * Auto-save: a short pause after the last edit saves the draft with the revision it was based on.
 * A stale revision is a conflict; it is shown to the user and nothing is overwritten silently.
 */
import { useEffect } from 'react';
import { applicationsApi } from '../../api/endpoints.ts';
import { ApiProblem, describeError } from '../../api/http.ts';
import { designer, useDesigner } from './designer-store.ts';
import { type History, onlyViewMoved } from './history.ts';
import { saveHistory } from './saved-history.ts';
import { cancelIdle, whenIdle } from './when-idle.ts';

export const AUTOSAVE_DELAY_MS = 800;
const HISTORY_QUIET_MS = 1000;

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

  // Persist undo history (store/saved-history.ts) as each save lands, before "Saved" shows, so a
  // reload after it finds the history; edits not yet saved are written once things are quiet,
  // when the browser is idle. In IndexedDB a write is a structured clone that shares the blocks
  // undo steps have in common: 5–15 ms for a 1,000-block flow, where the JSON written to
  // sessionStorage before took a few hundred. A pan or zoom (only the viewport moved) is not
  // written at all: the view is not undone, and it travels with the next real save. Leaving the
  // page or the Designer writes what is pending (which may not land if the page is going away).
  useEffect(() => {
    let pending: { revision: number; history: History } | null = null;
    let timer = 0;
    let idle = 0;
    const flush = () => {
      clearTimeout(timer);
      cancelIdle(idle);
      if (pending) saveHistory(pending.revision, pending.history);
      pending = null;
    };
    const off = useDesigner.subscribe((s, old) => {
      if (s.revision === old.revision && onlyViewMoved(s.history, old.history)) return;
      pending = { revision: s.revision, history: s.history };
      if (s.revision !== old.revision) return flush();
      clearTimeout(timer);
      cancelIdle(idle);
      timer = window.setTimeout(() => {
        idle = whenIdle(flush);
      }, HISTORY_QUIET_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      off();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

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
