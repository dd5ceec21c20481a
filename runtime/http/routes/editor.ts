/**
 * Serves the built editor (editor/dist) at /, with index.html for client-side routes. Before the
 * first build a short page says how to build it. Files under /assets/ are named by their content,
 * so browsers keep them for a year without asking again; everything else (index.html, which names
 * the current assets) is checked on every load. The build writes Brotli and gzip copies beside
 * each asset, sent to browsers that accept them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { projectRoot } from '../../project-root.ts';
import type { AppEnv } from '../app-env.ts';

const distDir = join(projectRoot, 'editor', 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function editorRoutes(app: Hono<AppEnv>) {
  const indexPath = join(distDir, 'index.html');
  const assets = serveStatic({
    root: distDir,
    precompressed: true,
    onFound: (path, c) => {
      c.header('Cache-Control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE);
    },
  });
  const isApi = (path: string) => path.startsWith('/api/') || path.startsWith('/engagement/');
  app.get('*', (c, next) => (isApi(c.req.path) || c.req.path === '/' ? next() : assets(c, next)));
  app.get('*', (c, next) => {
    if (isApi(c.req.path)) return next();
    if (!existsSync(indexPath)) {
      return c.html(
        '<!doctype html><title>Ringback</title><h1>Ringback</h1><p>The editor is not built yet: run <code>npm run build:editor</code>. The API is at <a href="/docs">/docs</a>.</p>',
      );
    }
    c.header('Cache-Control', REVALIDATE);
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
