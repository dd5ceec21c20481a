import type { Hono } from 'hono';
import { blockRegistry } from '../../../blocks/registry.ts';
import type { AppEnv } from '../app-env.ts';
import { defineRoute } from '../route-spec.ts';

export function blockRoutes(app: Hono<AppEnv>) {
  const items = [...blockRegistry.values()].map((b) => ({
    ...b.definition,
    runnable: b.handler !== undefined,
  }));
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/blocks', summary: 'Every block definition', tag: 'Blocks', roles: 'any' },
    (c) => c.json({ items }),
  );
}
