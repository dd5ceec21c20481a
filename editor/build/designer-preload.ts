/**
 * A page opened on a Designer address (a link, a reload) needs the Designer's code and its first
 * requests (session, draft, block catalogue), which the entry only asks for once it has been
 * fetched and run: round trips one after the other. This plugin writes a tiny script, loaded async
 * from index.html, that starts them all at once when the address is a Designer's, in parallel
 * with the entry: the chunks as module preloads, the requests as fetches the app's `request`
 * (api/http.ts) takes over instead of asking again. A file rather than an inline script, because
 * the content security policy allows only this origin's scripts.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { TOKEN_KEY } from '../src/api/http.ts';

/** The module whose chunk the Designer address needs, relative to the editor's root. */
const DESIGNER_MODULE = 'src/designer/designer-screen.tsx';
/** The hash routes of a Designer (shell/route.ts's parseRoute). */
const DESIGNER_ROUTE = String.raw`^#\/applications\/([^/]+)$`;

export type PreloadFile = [file: string, kind: 'script' | 'style'];

/**
 * The script: module preloads for the Designer's chunks, preloads for its styles, and the GET
 * requests of a Designer opening (the paths api/endpoints.ts asks), left in
 * `window.__ringbackEarly` by path for the app to use once.
 */
export function preloadScript(files: readonly PreloadFile[]): string {
  return `(function () {
  var match = new RegExp(${JSON.stringify(DESIGNER_ROUTE)}).exec(location.hash);
  if (!match) return;
  ${JSON.stringify(files)}.forEach(function (file) {
    var link = document.createElement('link');
    if (file[1] === 'style') { link.rel = 'preload'; link.as = 'style'; }
    else { link.rel = 'modulepreload'; link.crossOrigin = ''; }
    link.href = '/' + file[0];
    document.head.appendChild(link);
  });
  var id;
  try { id = decodeURIComponent(match[1]); } catch (e) { return; }
  var headers = { accept: 'application/json' };
  try {
    var token = sessionStorage.getItem(${JSON.stringify(TOKEN_KEY)});
    if (token) headers.authorization = 'Bearer ' + token;
  } catch (e) {}
  var early = (window.__ringbackEarly = {});
  ['/api/v1/auth/me', '/api/v1/applications/' + encodeURIComponent(id), '/api/v1/blocks'].forEach(function (path) {
    var response = fetch(path, { method: 'GET', headers: headers, credentials: 'same-origin' });
    // A failure is the app's to report when it takes the request; not an unhandled rejection here.
    response.catch(function () {});
    early[path] = response;
  });
})();
`;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  facadeModuleId?: string | null;
  isEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export function designerPreload(editorRoot: string): Plugin {
  return {
    name: 'ringback:designer-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (file): file is ChunkLike & typeof file => file.type === 'chunk',
      );
      const designer = chunks.find(
        (chunk) => chunk.facadeModuleId && relative(editorRoot, chunk.facadeModuleId) === DESIGNER_MODULE,
      );
      const html = bundle['index.html'];
      if (!designer || !html || html.type !== 'asset') {
        this.error(`designer-preload: no chunk for ${DESIGNER_MODULE} or no index.html in the build`);
      }
      // What the entry loads anyway is left out: the Designer's own chunks and their styles.
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk as ChunkLike]));
      const entryFiles = new Set<string>();
      const collect = (name: string, into: Set<string>) => {
        if (into.has(name)) return;
        into.add(name);
        for (const imported of byName.get(name)?.imports ?? []) collect(imported, into);
      };
      for (const chunk of chunks) if (chunk.isEntry) collect(chunk.fileName, entryFiles);
      const designerFiles = new Set<string>();
      collect(designer.fileName, designerFiles);
      const scripts = [...designerFiles].filter((name) => !entryFiles.has(name));
      const styles = scripts.flatMap((name) => [...(byName.get(name)?.viteMetadata?.importedCss ?? [])]);
      const files: PreloadFile[] = [
        ...scripts.map((name): PreloadFile => [name, 'script']),
        ...styles.map((name): PreloadFile => [name, 'style']),
      ];
      const source = preloadScript(files);
      const fileName = `assets/designer-preload-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName, source });
      const page = String(html.source);
      html.source = page.replace('<title>', `<script async src="/${fileName}"></script>\n    <title>`);
    },
  };
}
