import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import { menuApplication } from '../support/documents.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
let api: ApiClient;

beforeAll(async () => {
  started = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false' });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
});
afterAll(() => started?.stop());

describe('applications', () => {
  it('creates a draft, saves it with its revision and lists it', async () => {
    const created = await api.post('/api/v1/applications', menuApplication('app-crud'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ revision: 1, liveVersion: null, latestVersion: null });

    const renamed = { ...menuApplication('app-crud'), name: 'Renamed' };
    const saved = await api.put('/api/v1/applications/app-crud', { revision: 1, application: renamed });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);

    const list = await api.get('/api/v1/applications?search=Renamed');
    expect(list.body).toMatchObject({
      total: 1,
      page: 1,
      items: [{ id: 'app-crud', name: 'Renamed', revision: 2 }],
    });
  });

  it('refuses a second application with the same id', async () => {
    await api.post('/api/v1/applications', menuApplication('app-dup'));
    const again = await api.post('/api/v1/applications', menuApplication('app-dup'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_EXISTS');
  });

  it('refuses a save based on a stale revision and keeps the newer draft', async () => {
    await api.post('/api/v1/applications', menuApplication('app-stale'));
    const first = await api.put('/api/v1/applications/app-stale', {
      revision: 1,
      application: { ...menuApplication('app-stale'), name: 'First editor' },
    });
    expect(first.status).toBe(200);
    const second = await api.put('/api/v1/applications/app-stale', {
      revision: 1,
      application: { ...menuApplication('app-stale'), name: 'Second editor' },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'REVISION_CONFLICT', currentRevision: 2 });
    expect((await api.get('/api/v1/applications/app-stale')).body.application.name).toBe('First editor');
  });

  it('lets exactly one of several concurrent saves of one revision win', async () => {
    await api.post('/api/v1/applications', menuApplication('app-race'));
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.put('/api/v1/applications/app-race', {
          revision: 1,
          application: { ...menuApplication('app-race'), name: `Editor ${i}` },
        }),
      ),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(7);
  });

  it('publishes numbered immutable versions and rolls back by publishing an earlier one again', async () => {
    await api.post('/api/v1/applications', menuApplication('app-versions', 'Version one'));
    expect((await api.post('/api/v1/applications/app-versions/publish')).body.version).toBe(1);
    await api.put('/api/v1/applications/app-versions', {
      revision: 1,
      application: menuApplication('app-versions', 'Version two'),
    });
    expect((await api.post('/api/v1/applications/app-versions/publish')).body.version).toBe(2);

    const rollback = await api.post('/api/v1/applications/app-versions/publish', { fromVersion: 1 });
    expect(rollback.status).toBe(201);
    expect(rollback.body.version).toBe(3);

    const versions = await api.get('/api/v1/applications/app-versions/versions');
    expect(versions.body.items.map((v: { version: number; live: boolean }) => [v.version, v.live])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    const v3 = await api.get('/api/v1/applications/app-versions/versions/3');
    expect(v3.body.application.blocks.greet.properties.prompts[0].value).toBe('Version one');
    expect(v3.body.republishedFrom).toBe(1);
    expect((await api.get('/api/v1/applications/app-versions/versions/9')).status).toBe(404);
  });

  it('refuses to publish a draft with errors, listing each issue, and publishes nothing', async () => {
    const broken = menuApplication('app-broken');
    broken.blocks.menu!.next['option:1'] = 'nowhere';
    broken.blocks.bye!.type = 'no-such-block';
    await api.post('/api/v1/applications', broken);
    const reply = await api.post('/api/v1/applications/app-broken/publish');
    expect(reply.status).toBe(422);
    expect(reply.body.code).toBe('APPLICATION_INVALID');
    const codes = reply.body.issues.map((i: { code: string }) => i.code);
    expect(codes).toContain('LINK_TO_MISSING_BLOCK');
    expect(codes).toContain('UNKNOWN_BLOCK_TYPE');
    expect((await api.get('/api/v1/applications/app-broken/versions')).body.total).toBe(0);
  });

  it('validates an unsaved document and reports where each issue is', async () => {
    const document = menuApplication('app-validate');
    document.blocks.one!.properties = { assignments: [{ variable: 'undeclared', expression: "'x'" }] };
    await api.post('/api/v1/applications', menuApplication('app-validate'));
    const reply = await api.post('/api/v1/applications/app-validate/validate', { application: document });
    expect(reply.status).toBe(200);
    expect(reply.body.valid).toBe(false);
    expect(reply.body.issues).toContainEqual(
      expect.objectContaining({
        code: 'UNDECLARED_VARIABLE',
        blockId: 'one',
        pointer: '/blocks/one/properties/assignments/0/variable',
      }),
    );
  });

  it('deletes an application with its versions', async () => {
    await api.post('/api/v1/applications', menuApplication('app-delete'));
    await api.post('/api/v1/applications/app-delete/publish');
    expect((await api.delete('/api/v1/applications/app-delete')).status).toBe(204);
    expect((await api.get('/api/v1/applications/app-delete')).status).toBe(404);
  });

  it('assigns a phone number to an application and lists it', async () => {
    await api.post('/api/v1/applications', menuApplication('app-dnis'));
    expect((await api.put('/api/v1/phone-numbers/+14155550111', { applicationId: 'app-dnis' })).status).toBe(
      200,
    );
    const list = await api.get('/api/v1/phone-numbers');
    expect(list.body.items).toContainEqual({
      dnis: '+14155550111',
      applicationName: 'Menu app-dnis',
      liveVersion: null,
      applicationId: 'app-dnis',
    });
    expect((await api.put('/api/v1/phone-numbers/+14155550112', { applicationId: 'missing' })).status).toBe(
      404,
    );
  });
});
