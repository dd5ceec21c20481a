import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
beforeAll(async () => {
  started = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false' });
});
afterAll(() => started?.stop());

describe('API description', () => {
  it('documents every fixed route of api.md with its roles', async () => {
    const document: any = await (await fetch(`${started.baseUrl}/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of [
      'GET /api/v1/blocks',
      'GET /api/v1/applications',
      'POST /api/v1/applications',
      'PUT /api/v1/applications/{id}',
      'POST /api/v1/applications/{id}/validate',
      'POST /api/v1/applications/{id}/publish',
      'GET /api/v1/applications/{id}/versions/{version}',
      'PUT /api/v1/phone-numbers/{dnis}',
      'PUT /api/v1/business-hours/{name}',
      'POST /api/v1/test-calls',
      'POST /api/v1/test-calls/{id}/dtmf',
      'GET /api/v1/test-calls/{id}/events',
      'GET /healthz',
      'GET /readyz',
    ]) {
      expect(routes).toContain(route);
    }
    expect(document.paths['/api/v1/applications'].post['x-roles']).toEqual(['administrator', 'developer']);
    expect(
      document.paths['/api/v1/test-calls'].post.requestBody.content['application/json'].schema.$ref,
    ).toContain('api.schema.json#/$defs/testCallStart');
  });

  it('serves an interactive reference at /docs and health at /healthz and /readyz', async () => {
    expect(await (await fetch(`${started.baseUrl}/docs`)).text()).toContain('/openapi.json');
    expect((await fetch(`${started.baseUrl}/healthz`)).status).toBe(200);
    const ready: any = await (await fetch(`${started.baseUrl}/readyz`)).json();
    expect(ready.status).toBe('ready');
  });
});
