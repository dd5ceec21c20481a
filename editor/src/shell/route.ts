/** Hash routes, so the runtime can serve the editor as static files without rewrites. */
import { useSyncExternalStore } from 'react';

export type AccessSection = 'users' | 'groups' | 'lines';

export type Route =
  | { name: 'login' }
  | { name: 'home' }
  | { name: 'applications'; unknownPath?: string }
  | { name: 'businessHours' }
  | { name: 'callbackSettings' }
  | { name: 'access'; section: AccessSection }
  | { name: 'callIn' }
  | { name: 'callbacks' }
  | { name: 'monitor'; queue?: string }
  | { name: 'reports' }
  | { name: 'tools'; page?: string }
  | { name: 'developer' }
  | { name: 'designer'; applicationId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const designer = /^\/applications\/([^/]+)$/.exec(path);
  if (designer) return { name: 'designer', applicationId: decodeURIComponent(designer[1]!) };
  if (path === '/login') return { name: 'login' };
  if (path === '/applications') return { name: 'applications' };
  if (path === '/business-hours') return { name: 'businessHours' };
  if (path === '/callback-settings') return { name: 'callbackSettings' };
  if (path === '/call-in') return { name: 'callIn' };
  if (path === '/callbacks') return { name: 'callbacks' };
  const monitor = /^\/monitor(?:\/([^/]+))?$/.exec(path);
  if (monitor)
    return monitor[1] ? { name: 'monitor', queue: decodeURIComponent(monitor[1]) } : { name: 'monitor' };
  if (path === '/reports') return { name: 'reports' };
  const tools = /^\/tools(?:\/([^/]+))?$/.exec(path);
  if (tools) return tools[1] ? { name: 'tools', page: tools[1] } : { name: 'tools' };
  if (path === '/developer') return { name: 'developer' };
  const access = /^\/access(?:\/(users|groups|lines))?$/.exec(path);
  if (access) return { name: 'access', section: (access[1] as AccessSection | undefined) ?? 'users' };
  if (path === '' || path === '/') return { name: 'home' };
  // Anything else falls back to the list, saying that the address asked for does not exist.
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
