/** Hash routes, so the runtime can serve the editor as static files without rewrites. */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'login' }
  | { name: 'applications'; unknownPath?: string }
  | { name: 'businessHours' }
  | { name: 'callbackSettings' }
  | { name: 'designer'; applicationId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const designer = /^\/applications\/([^/]+)$/.exec(path);
  if (designer) return { name: 'designer', applicationId: decodeURIComponent(designer[1]!) };
  if (path === '/login') return { name: 'login' };
  if (path === '/business-hours') return { name: 'businessHours' };
  if (path === '/callback-settings') return { name: 'callbackSettings' };
  // Anything else falls back to the list, saying that the address asked for does not exist.
  if (path === '' || path === '/' || path === '/applications') return { name: 'applications' };
  return { name: 'applications', unknownPath: path };
}

export function navigate(path: string): void {
  window.location.hash = path;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
