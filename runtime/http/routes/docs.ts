import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { openApiDocument } from '../openapi.ts';
import { defineRoute, routeSpecs } from '../route-spec.ts';
import { docsPage } from './docs-page.ts';

export function docsRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    { method: 'get', path: '/openapi.json', summary: 'This description', tag: 'Docs', roles: 'public' },
    (c) => c.json(openApiDocument(routeSpecs, '0.1.0')),
  );
  defineRoute(
    app,
    { method: 'get', path: '/docs', summary: 'Interactive API reference', tag: 'Docs', roles: 'public' },
    (c) => c.html(docsPage),
  );
}
