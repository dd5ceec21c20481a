/**
 * Issue 8: the estimated wait time comes from the interactions agents took (callbacks and Route
 * Call calls alike), kept in the database, so it is the same in every process and after a
 * restart; each mode is checked against a hand computation (contact-center/README.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TUESDAY_9AM } from '../callbacks/support.ts';
import { ApiClient } from '../support/client.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ringback-ewt-'));
let database: Awaited<ReturnType<typeof freshDatabaseUrl>> | undefined;
let env: Record<string, string>;
let started: StartedRuntime;
let api: ApiClient;

async function start() {
  started = await startRuntime(env);
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
}
const ges = (method: string, path: string, body?: unknown) =>
  api.request(method, `/engagement/v3${path}`, body, { 'x-api-key': started.apiKey });
const advance = (seconds: number) => api.post('/api/v1/sim/clock/advance', { seconds });
async function ewt(queue: string, mode: string) {
  const reply = await ges('GET', `/estimated-wait-time?virtual-queues=${queue}&mode=${mode}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data[0] as { estimatedWaitTime: number; resultCode: number; message: string };
}

beforeAll(async () => {
  database = testDatabaseKind === 'postgres' ? await freshDatabaseUrl() : undefined;
  env = {
    RINGBACK_DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? '',
    RINGBACK_CLOCK: 'virtual',
    RINGBACK_CLOCK_START: TUESDAY_9AM,
  };
  await start();
});
afterAll(async () => {
  await started?.stop();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('estimated wait time from the queue history', () => {
  it('reports an unknown virtual queue as unknown, not as "no interactions yet"', async () => {
    expect(await ewt('Nowhere_VQ', 'mode2')).toEqual({
      virtualQueue: 'Nowhere_VQ',
      estimatedWaitTime: -3,
      message: 'Unknown virtual queue',
      resultCode: -3,
    });
    expect((await ewt('Sales_VQ', 'mode1')).resultCode).toBe(-1);
  });

  it('gives mode2 a number before any history when callbacks wait and matching agents are logged in', async () => {
    for (const id of ['alice', 'bob', 'carol'])
      await api.put(`/api/v1/agents/${id}/state`, { state: 'NotReady' });
    await advance(1);
    for (const n of ['+14155550401', '+14155550402'])
      expect(
        (await ges('POST', '/callbacks/create', { serviceName: 'Sales_VQ', phoneNumber: n })).status,
      ).toBe(200);
    // A newcomer is third; three Sales agents logged in, 240 s each: 3 × 240 / 3.
    expect(await ewt('Sales_VQ', 'mode2')).toMatchObject({ estimatedWaitTime: 240, resultCode: 0 });
    // mode1 and mode3 still need history.
    expect((await ewt('Sales_VQ', 'mode1')).resultCode).toBe(-1);
    expect((await ewt('Sales_VQ', 'mode3')).resultCode).toBe(-1);
  });

  it('computes each mode from the callbacks agents took, as by hand', async () => {
    for (const id of ['alice', 'bob', 'carol'])
      await api.put(`/api/v1/agents/${id}/state`, { state: 'Ready' });
    const t0 = Date.parse((await api.get('/api/v1/sim/clock')).body.now);
    // Both dialled at t0, answered and taken by agents at t0+5 s, conversations end at t0+245 s.
    await advance(250);
    expect(Date.parse((await api.get('/api/v1/sim/clock')).body.now)).toBe(t0 + 250_000);
    // Two departures (t0+5, three agents logged in each), handle times 240 and 240; a newcomer is first.
    // mode1 = 1 × (250 − 5) / 2 = 122.5; mode2 = mode1 × 3 / 3; mode3 = 1 × 240 / 3 agents working.
    expect(await ewt('Sales_VQ', 'mode1')).toMatchObject({ estimatedWaitTime: 123, resultCode: 0 });
    expect(await ewt('Sales_VQ', 'mode2')).toMatchObject({ estimatedWaitTime: 123, resultCode: 0 });
    expect(await ewt('Sales_VQ', 'mode3')).toMatchObject({ estimatedWaitTime: 80, resultCode: 0 });
  });

  it('counts calls routed by Route Call as interactions too', async () => {
    const call = await api.post('/api/v1/test-calls', { dnis: '+18005550199', ani: '+14155550499' });
    expect(call.status, JSON.stringify(call.body)).toBe(201);
    const routed = await api.post(`/api/v1/test-calls/${call.body.id}/dtmf`, { digits: '9' });
    expect(routed.body, JSON.stringify(routed.body)).toMatchObject({ state: 'ended', endReason: 'routed' });
    // Third departure at t0+250 (now): mode1 = 1 × 245 / 3 ≈ 81.7.
    expect(await ewt('Sales_VQ', 'mode1')).toMatchObject({ estimatedWaitTime: 82, resultCode: 0 });
    await advance(240);
    // The call's 240 s joins the handle times: mode3 = 1 × 240 / 3 still; mode1 = 1 × 485 / 3.
    expect(await ewt('Sales_VQ', 'mode1')).toMatchObject({ estimatedWaitTime: 162, resultCode: 0 });
    expect(await ewt('Sales_VQ', 'mode3')).toMatchObject({ estimatedWaitTime: 80, resultCode: 0 });
  });

  it('keeps the history across a restart of the runtime', async () => {
    const before = await ewt('Sales_VQ', 'mode1');
    const now = (await api.get('/api/v1/sim/clock')).body.now;
    await started.stop();
    env = { ...env, RINGBACK_CLOCK_START: now };
    await start();
    // The restarted process has a fresh simulator; the history is the database's.
    expect(await ewt('Sales_VQ', 'mode1')).toEqual(before);
    expect((await ewt('Sales_VQ', 'mode3')).estimatedWaitTime).toBe(80);
  });
});
