import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PreloadFile, preloadScript } from '../../build/designer-preload.ts';
import { applicationsApi, authApi, blocksApi } from './endpoints.ts';
import { TOKEN_KEY } from './http.ts';

const FILES: PreloadFile[] = [
  ['assets/designer-screen-x.js', 'script'],
  ['assets/designer-screen-x.css', 'style'],
];

/** Runs the page's first script (editor/build/designer-preload.ts) against a recording page. */
function runFirstScript(hash: string, token: string | null) {
  const links: Record<string, string>[] = [];
  const fetched: { path: string; headers: Record<string, string> }[] = [];
  const window: { __ringbackEarly?: Record<string, Promise<Response>> } = {};
  runInNewContext(preloadScript(FILES), {
    location: { hash },
    sessionStorage: { getItem: (key: string) => (key === TOKEN_KEY ? token : null) },
    document: {
      createElement: () => ({}),
      head: { appendChild: (link: Record<string, string>) => links.push(link) },
    },
    fetch: (path: string, init: { headers: Record<string, string> }) => {
      fetched.push({ path, headers: init.headers });
      return Promise.resolve(new Response('{}'));
    },
    window,
  });
  return { links, fetched, early: window.__ringbackEarly };
}

/** The paths the app's own API asks for when a Designer opens. */
async function designerPaths(applicationId: string): Promise<string[]> {
  const asked: string[] = [];
  vi.stubGlobal('sessionStorage', { getItem: () => null });
  vi.stubGlobal('fetch', (path: string) => {
    asked.push(path);
    return Promise.resolve(new Response('{}'));
  });
  await Promise.all([authApi.me(), applicationsApi.get(applicationId), blocksApi.list()]);
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as { __ringbackEarly?: unknown }).__ringbackEarly;
});

describe("the page's first script (a Designer opened by its address)", () => {
  it('preloads the Designer’s chunks and styles, and starts the requests the app would make', async () => {
    const id = 'Sales & Co/IVR';
    const page = runFirstScript(`#/applications/${encodeURIComponent(id)}`, 'secret-token');
    expect(page.links).toEqual([
      { rel: 'modulepreload', crossOrigin: '', href: '/assets/designer-screen-x.js' },
      { rel: 'preload', as: 'style', href: '/assets/designer-screen-x.css' },
    ]);
    const paths = await designerPaths(id);
    expect(page.fetched.map((f) => f.path).sort()).toEqual(paths.sort());
    expect(Object.keys(page.early ?? {}).sort()).toEqual(paths.sort());
    for (const request of page.fetched) expect(request.headers.authorization).toBe('Bearer secret-token');
  });

  it('does nothing on other addresses', () => {
    for (const hash of ['', '#/applications', '#/callbacks', '#/applications/a/versions']) {
      const page = runFirstScript(hash, null);
      expect(page.links).toEqual([]);
      expect(page.fetched).toEqual([]);
    }
  });

  it('hands each started request to the app once; later asks fetch again', async () => {
    (globalThis as { __ringbackEarly?: Record<string, Promise<Response>> }).__ringbackEarly = {
      '/api/v1/blocks': Promise.resolve(new Response(JSON.stringify({ items: ['early'] }))),
    };
    const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ items: ['fetched'] }))));
    vi.stubGlobal('sessionStorage', { getItem: () => null });
    vi.stubGlobal('fetch', fetch);
    expect(await blocksApi.list()).toEqual({ items: ['early'] });
    expect(fetch).not.toHaveBeenCalled();
    expect(await blocksApi.list()).toEqual({ items: ['fetched'] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
