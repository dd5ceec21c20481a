import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
let api: ApiClient;

beforeAll(async () => {
  // Tuesday 10:00 in Los Angeles: the Sales office is open.
  started = await startRuntime({ RINGBACK_CLOCK: 'virtual', RINGBACK_CLOCK_START: '2026-11-24T18:00:00Z' });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
});
afterAll(() => started?.stop());

describe('a test call follows the callback it booked', () => {
  it('shows the callback queued, a busy first dial, the retry and the agent connection', async () => {
    const caller = '+14155550142';
    const script = await api.put(`/api/v1/sim/dialer/${encodeURIComponent(caller)}`, {
      outcomes: [
        { outcome: 'busy', afterSeconds: 3 },
        { outcome: 'answer', afterSeconds: 4 },
      ],
    });
    expect(script.status).toBe(200);

    const start = await api.post('/api/v1/test-calls', { dnis: '+18005550199', ani: caller });
    expect(start.status).toBe(201);
    const id = start.body.id;
    await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    const booked = await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    expect(booked.body.callback).toMatchObject({ virtualQueue: 'Sales_VQ', state: 'QUEUED', attempts: 0 });

    // Busy, the 120 s retry delay, the answer, then the agent's 240 s conversation.
    for (let i = 0; i < 14; i++) await started.runtime.virtualClock!.advance(30_000);
    const followed = await api.get(`/api/v1/test-calls/${id}`);
    expect(followed.body.callback).toMatchObject({
      state: 'COMPLETED',
      reason: 'AGENT_CONNECTED',
      attempts: 2,
    });
    const reasons = followed.body.callback.audit.map(
      (a: { to: string; reason: string }) => `${a.to}:${a.reason}`,
    );
    expect(reasons[0]).toBe('QUEUED:BOOKED');
    expect(reasons.at(-1)).toBe('COMPLETED:AGENT_CONNECTED');
    expect(reasons.filter((r: string) => r.startsWith('ROUTING'))).toHaveLength(2);
  });

  it('says in the trace which rule refused a keyed-in number, and shows the number the callback will call', async () => {
    const start = await api.post('/api/v1/test-calls', { dnis: '+18005550199', ani: '+14155550123' });
    const id = start.body.id;
    await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '2' });
    const refused = await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '19002345678#' });
    const offer = refused.body.trace.find((t: { blockId: string }) => t.blockId === 'offer');
    expect(offer.notes).toEqual([
      'Rule North_America refused +19002345678: it matches the blocked pattern ^\\+1900[0-9]+$',
    ]);
    const booked = await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '14155550177#' });
    expect(booked.body.callback).toMatchObject({ virtualQueue: 'Sales_VQ', phoneNumber: '+14155550177' });
  });

  it('refuses a dialer script with an unknown outcome', async () => {
    const reply = await api.put('/api/v1/sim/dialer/%2B14155550000', { outcomes: [{ outcome: 'maybe' }] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].pointer).toBe('/outcomes/0/outcome');
  });
});
