/**
 * The classes of input that once answered 500, each refused at the input boundary with a 400
 * naming the field, on /api/v1 (problem+json) and /engagement/v3 (the GES envelope).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Reply } from '../support/client.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
let api: ApiClient;

beforeAll(async () => {
  started = await startRuntime({ RINGBACK_ENGINE: 'off' });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
});
afterAll(() => started?.stop());

const ges = (method: string, path: string, body?: unknown) =>
  api.request(method, `/engagement/v3${path}`, body, { 'x-api-key': started.apiKey });

function refusedNaming(reply: Reply, pointer: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  const body = reply.body.status?.corrId ? reply.body.data : reply.body;
  expect(body.code).toBe('VALIDATION_FAILED');
  expect(body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
}

describe('text the database cannot store', () => {
  it('refuses NUL in a body string, naming the member', async () => {
    refusedNaming(
      await api.post('/api/v1/auth/login', { username: 'a\u0000b', password: 'whatever1' }),
      '/username',
    );
  });

  it('refuses NUL in a path parameter, sent as %00', async () => {
    refusedNaming(await api.get('/api/v1/applications/a%00b'), '/path/id');
    refusedNaming(await api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/%00'), '/path/virtualQueue');
  });

  it('refuses NUL in a query parameter', async () => {
    refusedNaming(await api.get('/api/v1/applications?search=a%00b'), '/query/search');
    refusedNaming(await api.get('/api/v1/callbacks?search=%00'), '/query/search');
  });

  it('refuses NUL in GES user data and in member names', async () => {
    const booking = { serviceName: 'Sales_VQ', phoneNumber: '+14155550177' };
    refusedNaming(
      await ges('POST', '/callbacks/create', { ...booking, userData: { note: 'x\u0000' } }),
      '/userData/note',
    );
    refusedNaming(
      await ges('POST', '/callbacks/create', { ...booking, userData: { 'n\u0000': 1 } }),
      '/userData/n\\u0000',
    );
  });

  it('refuses lone UTF-16 surrogates in bodies and in paths', async () => {
    refusedNaming(
      await api.request('POST', '/api/v1/auth/login', '{"username":"a\\ud800","password":"whatever1"}'),
      '/username',
    );
    refusedNaming(await ges('POST', '/callbacks/retrieve', '{"id":"\\udc00"}'), '/id');
    refusedNaming(await api.get('/api/v1/applications/a%ED%A0%80'), '/path/id');
  });
});

describe('malformed percent-encoding in a path segment', () => {
  for (const segment of ['%E0%A4%A', '%', '%zz']) {
    it(`refuses ${segment}`, async () => {
      refusedNaming(
        await api.put(`/api/v1/phone-numbers/${segment}`, { applicationId: 'inbound-ivr' }),
        '/path/dnis',
      );
      refusedNaming(await ges('GET', `/callbacks/queue-status/${segment}`), '/path/queueName');
    });
  }

  it('reads an encoded + in a number once', async () => {
    const reply = await api.put('/api/v1/sim/dialer/%2B14155550000', { outcomes: [{ outcome: 'busy' }] });
    expect(reply.status).toBe(200);
    expect(reply.body.number).toBe('+14155550000');
  });
});

describe('integers beyond the column range', () => {
  it('refuses a revision or fromVersion above PostgreSQL integers', async () => {
    refusedNaming(
      await api.put('/api/v1/applications/inbound-ivr', { revision: 1e12, application: {} }),
      '/revision',
    );
    refusedNaming(
      await api.post('/api/v1/applications/inbound-ivr/publish', { fromVersion: 2 ** 31 }),
      '/fromVersion',
    );
  });

  it('answers 404 for a version number no version can have', async () => {
    expect((await api.get('/api/v1/applications/inbound-ivr/versions/99999999999')).status).toBe(404);
  });

  it('refuses startMS beyond the year 9999', async () => {
    const reply = await ges('GET', '/callbacks/availability/Sales_VQ?startMS=99999999999999999999');
    refusedNaming(reply, '/query/startMS');
    expect(reply.body.status.code).toBe(400);
  });
});

describe('values nested thousands deep', () => {
  it('refuses a deep body on /api/v1 and on /engagement/v3', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const reply = await api.request('PUT', '/api/v1/sim/dialer/+14155550100', `{"outcomes":${deep}}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].message).toMatch(/nest deeper/);
    const booking = `{"serviceName":"Sales_VQ","phoneNumber":"+14155550177","userData":{"a":${deep}}}`;
    expect((await ges('POST', '/callbacks/create', booking)).body.data.errors[0].message).toMatch(
      /nest deeper/,
    );
  });
});

describe('the GES envelope for what fails before a route runs', () => {
  it('answers an unknown GES route with the envelope', async () => {
    const reply = await ges('POST', '/no-such-route', {});
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ status: { code: 404 }, data: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('answers a body that is not JSON with 415 in the envelope', async () => {
    const reply = await api.request('POST', '/engagement/v3/callbacks/retrieve', 'id=1', {
      'x-api-key': started.apiKey,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({ status: { code: 415 }, data: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });
});
