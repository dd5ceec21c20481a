import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import { menuApplication } from '../support/documents.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
let api: ApiClient;

beforeAll(async () => {
  // Tuesday 10:00 in Los Angeles: the seeded IVR is open and waits in its menu.
  started = await startRuntime({
    RINGBACK_MAX_BODY_BYTES: '65536',
    RINGBACK_CLOCK: 'virtual',
    RINGBACK_CLOCK_START: '2026-11-24T18:00:00Z',
  });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
});
afterAll(() => started?.stop());

function expectProblem(reply: { status: number; body: any; headers: Headers }, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(reply.body).toMatchObject({ status, code });
  expect(reply.body.corrId).toMatch(/^[0-9a-f-]{36}$/);
}

describe('bad input gets a specific 4xx and writes nothing', () => {
  it('malformed JSON', async () => {
    expectProblem(await api.post('/api/v1/applications', '{"id": '), 400, 'MALFORMED_JSON');
  });

  it('schema violations, every failing field at once', async () => {
    const document = { ...menuApplication('bad-schema'), type: 'Outbound', name: '', extra: true } as unknown;
    const reply = await api.post('/api/v1/applications', document);
    expectProblem(reply, 400, 'VALIDATION_FAILED');
    const pointers = reply.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(['/extra', '/name', '/type']);
    expect((await api.get('/api/v1/applications/bad-schema')).status).toBe(404);
  });

  it('unknown block types and type versions, and links to missing blocks, block publishing', async () => {
    const document = menuApplication('bad-blocks');
    document.blocks.one!.type = 'teleport';
    document.blocks.two!.typeVersion = 7;
    document.blocks.greet!.next.next = 'ghost';
    await api.post('/api/v1/applications', document);
    const reply = await api.post('/api/v1/applications/bad-blocks/publish');
    expectProblem(reply, 422, 'APPLICATION_INVALID');
    const codes = reply.body.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['UNKNOWN_BLOCK_TYPE', 'UNKNOWN_BLOCK_VERSION', 'LINK_TO_MISSING_BLOCK']),
    );
  });

  it('an oversized body', async () => {
    const huge = { ...menuApplication('too-big'), description: 'x'.repeat(100_000) };
    expectProblem(await api.post('/api/v1/applications', huge), 413, 'PAYLOAD_TOO_LARGE');
    expect((await api.get('/api/v1/applications/too-big')).status).toBe(404);
  });

  it('a body that is not JSON', async () => {
    const reply = await api.request('POST', '/api/v1/applications', 'id=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown DNIS', async () => {
    expectProblem(
      await api.post('/api/v1/test-calls', { dnis: '+19999999999', ani: '+14155550100' }),
      404,
      'UNKNOWN_DNIS',
    );
  });

  it('a call to an application that was never published', async () => {
    await api.post('/api/v1/applications', menuApplication('never-published'));
    expectProblem(
      await api.post('/api/v1/test-calls', { applicationId: 'never-published', ani: '+1415' }),
      409,
      'NOT_PUBLISHED',
    );
  });

  it('digits outside 0-9, * and #', async () => {
    const call = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550100' });
    const reply = await api.post(`/api/v1/test-calls/${call.body.id}/dtmf`, { digits: '12a' });
    expectProblem(reply, 400, 'VALIDATION_FAILED');
    expect(reply.body.errors[0].pointer).toBe('/digits');
  });

  it('input to a finished call', async () => {
    const call = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550100' });
    await api.post(`/api/v1/test-calls/${call.body.id}/hangup`);
    expectProblem(
      await api.post(`/api/v1/test-calls/${call.body.id}/dtmf`, { digits: '1' }),
      409,
      'CALL_ENDED',
    );
  });

  it('a test call naming neither a DNIS nor an application', async () => {
    expectProblem(await api.post('/api/v1/test-calls', { ani: '+14155550100' }), 400, 'VALIDATION_FAILED');
  });

  it('continuing a call that is not paused', async () => {
    const call = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550100' });
    expectProblem(await api.post(`/api/v1/test-calls/${call.body.id}/continue`), 409, 'CALL_NOT_PAUSED');
  });

  it('changing a read-only system variable of a call', async () => {
    const call = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550100' });
    const reply = await api.put(`/api/v1/test-calls/${call.body.id}/variables/ANI`, { value: '+1' });
    expectProblem(reply, 400, 'VALIDATION_FAILED');
  });

  it('no sign-in, a wrong password and a missing role', async () => {
    const anonymous = new ApiClient(started.baseUrl);
    expectProblem(await anonymous.get('/api/v1/applications'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await anonymous.post('/api/v1/auth/login', { username: 'admin', password: 'nope' }),
      401,
      'INVALID_CREDENTIALS',
    );
    const created = await api.post('/api/v1/users', {
      username: 'viewer',
      password: 'viewer-password',
      roles: ['businessUser'],
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(await api.get('/api/v1/users'))).not.toContain('viewer-password');
    expectProblem(
      await api.post('/api/v1/users', { username: 'viewer', password: 'x', roles: [] }),
      400,
      'VALIDATION_FAILED',
    );
    const viewer = await new ApiClient(started.baseUrl).login('viewer', 'viewer-password');
    expect((await viewer.get('/api/v1/applications')).status).toBe(200);
    expectProblem(await viewer.post('/api/v1/applications', menuApplication('forbidden')), 403, 'FORBIDDEN');
    expectProblem(await viewer.get('/api/v1/users'), 403, 'FORBIDDEN');
    expect((await api.delete('/api/v1/users/viewer')).status).toBe(204);
    expectProblem(await viewer.get('/api/v1/applications'), 401, 'UNAUTHENTICATED');
  });

  it('an unknown route and a bad page size', async () => {
    expectProblem(await api.get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await api.get('/api/v1/applications?pageSize=10000'), 400, 'VALIDATION_FAILED');
  });

  it('a changed application type on save', async () => {
    await api.post('/api/v1/applications', menuApplication('typed'));
    const callback = { ...menuApplication('typed'), type: 'Callback' };
    expectProblem(
      await api.put('/api/v1/applications/typed', { revision: 1, application: callback }),
      422,
      'APPLICATION_TYPE_MISMATCH',
    );
  });
});

describe('sessions', () => {
  it('expire after 20 idle minutes and slide while used', async () => {
    const client = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
    const advance = (minutes: number) => started.runtime.virtualClock!.advance(minutes * 60_000);
    await advance(15);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    await advance(15);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    await advance(21);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});
