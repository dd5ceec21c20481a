import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import { menuApplication } from '../support/documents.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
let api: ApiClient;

beforeAll(async () => {
  started = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false' });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
  await api.post('/api/v1/applications', menuApplication('live-ivr'));
  await api.post('/api/v1/applications', menuApplication('new-ivr'));
});
afterAll(() => started?.stop());

const holderOf = async (dnis: string) =>
  (await api.get('/api/v1/phone-numbers')).body.items.find((n: { dnis: string }) => n.dnis === dnis)
    ?.applicationId;

describe('phone numbers', () => {
  it('refuses a number that is not a valid E.164 number, with the failing field', async () => {
    for (const dnis of ['12345', '+12345', '+1 800 555 0100', '+15550001111']) {
      const reply = await api.put(`/api/v1/phone-numbers/${encodeURIComponent(dnis)}`, {
        applicationId: 'live-ivr',
      });
      expect(reply.status, dnis).toBe(400);
      expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/path/dnis' }] });
      expect(reply.body.corrId).toEqual(expect.any(String));
    }
  });

  it('refuses to move a number off the application that holds it, naming the holder', async () => {
    expect((await api.put('/api/v1/phone-numbers/+18005550123', { applicationId: 'live-ivr' })).status).toBe(
      200,
    );
    const refused = await api.put('/api/v1/phone-numbers/+18005550123', { applicationId: 'new-ivr' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'NUMBER_HELD',
      holder: { applicationId: 'live-ivr', name: 'Menu live-ivr' },
      errors: [{ pointer: '/move' }],
    });
    expect(await holderOf('+18005550123')).toBe('live-ivr');
  });

  it('moves a held number when the request says move: true, and reports where it came from', async () => {
    await api.put('/api/v1/phone-numbers/+18005550124', { applicationId: 'live-ivr' });
    const moved = await api.put('/api/v1/phone-numbers/+18005550124', {
      applicationId: 'new-ivr',
      move: true,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ dnis: '+18005550124', applicationId: 'new-ivr', movedFrom: 'live-ivr' });
    expect(await holderOf('+18005550124')).toBe('new-ivr');
  });

  it('assigns a number again to the application that holds it without asking', async () => {
    await api.put('/api/v1/phone-numbers/+18005550125', { applicationId: 'live-ivr' });
    const again = await api.put('/api/v1/phone-numbers/+18005550125', { applicationId: 'live-ivr' });
    expect(again.status).toBe(200);
    expect(again.body.movedFrom).toBeNull();
  });

  it('lists each number with the name and live version of the application it serves', async () => {
    await api.put('/api/v1/phone-numbers/+18005550126', { applicationId: 'live-ivr' });
    await api.post('/api/v1/applications/live-ivr/publish', {});
    const list = await api.get('/api/v1/phone-numbers');
    expect(list.body.items).toContainEqual({
      dnis: '+18005550126',
      applicationId: 'live-ivr',
      applicationName: 'Menu live-ivr',
      liveVersion: 1,
    });
  });

  it('releases a number, and answers 404 for a number nobody holds', async () => {
    await api.put('/api/v1/phone-numbers/+18005550127', { applicationId: 'live-ivr' });
    expect((await api.delete('/api/v1/phone-numbers/+18005550127')).status).toBe(204);
    expect(await holderOf('+18005550127')).toBeUndefined();
    const again = await api.delete('/api/v1/phone-numbers/+18005550127');
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('NOT_FOUND');
  });
});
