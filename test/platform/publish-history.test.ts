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

async function saveDraft(id: string, greeting: string) {
  const { revision } = (await api.get(`/api/v1/applications/${id}`)).body;
  const saved = await api.put(`/api/v1/applications/${id}`, {
    revision,
    application: menuApplication(id, greeting),
  });
  expect(saved.status).toBe(200);
}

describe('publishing with a note and rolling back', () => {
  it('keeps the publisher’s note in the version history', async () => {
    await api.post('/api/v1/applications', menuApplication('noted'));
    const published = await api.post('/api/v1/applications/noted/publish', {
      note: 'First greeting for launch',
    });
    expect(published.status).toBe(201);
    const versions = await api.get('/api/v1/applications/noted/versions');
    expect(versions.body.items).toEqual([
      expect.objectContaining({ version: 1, note: 'First greeting for launch', live: true }),
    ]);
    expect((await api.get('/api/v1/applications/noted/versions/1')).body.note).toBe(
      'First greeting for launch',
    );
  });

  it('refuses a note longer than 500 characters without publishing', async () => {
    await api.post('/api/v1/applications', menuApplication('long-note'));
    const refused = await api.post('/api/v1/applications/long-note/publish', { note: 'x'.repeat(501) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].pointer).toBe('/note');
    expect((await api.get('/api/v1/applications/long-note/versions')).body.total).toBe(0);
  });

  it('rolls back the draft with the live version when asked, so the draft matches what is live', async () => {
    await api.post('/api/v1/applications', menuApplication('rolled', 'Version one'));
    await api.post('/api/v1/applications/rolled/publish', {});
    await saveDraft('rolled', 'Version two');
    await api.post('/api/v1/applications/rolled/publish', {});
    const before = (await api.get('/api/v1/applications/rolled')).body.revision;

    const rolled = await api.post('/api/v1/applications/rolled/publish', {
      fromVersion: 1,
      restoreDraft: true,
      note: 'Version two confused callers',
    });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toMatchObject({ version: 3, draftRestored: true, revision: before + 1 });
    const draft = (await api.get('/api/v1/applications/rolled')).body;
    expect(draft.revision).toBe(before + 1);
    expect(draft.application.blocks.greet.properties.prompts[0].value).toBe('Version one');
    const [latest] = (await api.get('/api/v1/applications/rolled/versions')).body.items;
    expect(latest).toMatchObject({ version: 3, republishedFrom: 1, note: 'Version two confused callers' });
  });

  it('leaves the draft alone on a roll back that does not ask to restore it', async () => {
    await api.post('/api/v1/applications', menuApplication('kept', 'Version one'));
    await api.post('/api/v1/applications/kept/publish', {});
    await saveDraft('kept', 'Work in progress');
    const rolled = await api.post('/api/v1/applications/kept/publish', { fromVersion: 1 });
    expect(rolled.body.draftRestored).toBe(false);
    const draft = (await api.get('/api/v1/applications/kept')).body;
    expect(draft.application.blocks.greet.properties.prompts[0].value).toBe('Work in progress');
  });
});

describe('test calls on the draft', () => {
  it('runs the unpublished draft and keeps running its copy after the draft changes', async () => {
    await api.post('/api/v1/applications', menuApplication('drafty', 'Draft greeting'));
    const call = await api.post('/api/v1/test-calls', {
      applicationId: 'drafty',
      draft: true,
      ani: '+14155550123',
    });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({ draft: true, version: 0, state: 'waitingInput' });
    expect(call.body.prompts[0].text).toBe('Draft greeting');

    await saveDraft('drafty', 'Changed meanwhile');
    const next = await api.post(`/api/v1/test-calls/${call.body.id}/dtmf`, { digits: '1' });
    expect(next.body.state).toBe('ended');
    expect(next.body.prompts.at(-1).text).toBe('You chose one. Goodbye.');
    expect(next.body.trace[0]).toMatchObject({
      blockId: 'greet',
      inputs: { prompts: [{ value: 'Draft greeting' }] },
    });
  });

  it('refuses a draft test call while the draft has errors, listing them', async () => {
    const broken = menuApplication('broken-draft');
    broken.blocks.greet!.next = { next: 'nowhere' };
    await api.post('/api/v1/applications', broken);
    const refused = await api.post('/api/v1/test-calls', {
      applicationId: 'broken-draft',
      draft: true,
      ani: '+14155550123',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('APPLICATION_INVALID');
    expect(refused.body.issues.length).toBeGreaterThan(0);
  });

  it('refuses draft together with a version', async () => {
    const refused = await api.post('/api/v1/test-calls', {
      applicationId: 'drafty',
      draft: true,
      version: 1,
      ani: '+14155550123',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].pointer).toBe('/draft');
  });
});
