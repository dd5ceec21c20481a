/**
 * A page opened on a Designer address (a link, a reload) starts the Designer's code and its first
 * requests at once, so they run while the session is checked, instead of one after the other:
 * session, then the Designer's code, then the draft and the block catalogue (shell/app.tsx).
 * Part of the first bundle, so it must stay small: no Designer code here but the saved undo
 * history's small store, read beside the requests.
 */
import { applicationsApi, blocksApi } from '../api/endpoints.ts';
import { readHistory, type StoredHistory } from './store/saved-history.ts';

type DesignerData = readonly [
  Awaited<ReturnType<typeof applicationsApi.get>>,
  Awaited<ReturnType<typeof blocksApi.list>>,
  StoredHistory | undefined,
];

const fetchAll = (applicationId: string): Promise<DesignerData> =>
  Promise.all([applicationsApi.get(applicationId), blocksApi.list(), readHistory(applicationId)] as const);

const started = new Map<string, Promise<DesignerData>>();

export function prefetchDesigner(applicationId: string): void {
  if (started.has(applicationId)) return;
  const data = fetchAll(applicationId);
  started.set(applicationId, data);
  // A failed prefetch (signed out, no such application) is forgotten: opening asks again, and
  // shows that answer.
  data.catch(() => started.delete(applicationId));
}

/**
 * The draft, block catalogue and saved undo history (store/saved-history.ts) for opening a
 * Designer: the prefetched ones once, else asked for now.
 */
export function designerData(applicationId: string): Promise<DesignerData> {
  const prefetched = started.get(applicationId);
  started.delete(applicationId);
  return prefetched ?? fetchAll(applicationId);
}
