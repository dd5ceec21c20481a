import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.ts';
import { menuApplication } from '../support/documents.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
let api: ApiClient;

beforeAll(async () => {
  // Tuesday 24 November 2026, 10:00 in Los Angeles: the seeded office is open.
  started = await startRuntime({ RINGBACK_CLOCK: 'virtual', RINGBACK_CLOCK_START: '2026-11-24T18:00:00Z' });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
});
afterAll(() => started?.stop());

const texts = (call: { prompts: { text: string }[] }) => call.prompts.map((p) => p.text);

describe('test calls over HTTP', () => {
  it('runs the seeded IVR from its DNIS to an agent, with a masked account number', async () => {
    const start = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550123' });
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({
      state: 'waitingInput',
      currentBlockId: 'mainMenu',
      applicationId: 'inbound-ivr',
      version: 1,
    });
    expect(texts(start.body)[0]).toBe('Welcome to Ringback Customer Care.');

    const id = start.body.id;
    const afterMenu = await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '2' });
    expect(afterMenu.body).toMatchObject({ state: 'waitingInput', currentBlockId: 'askAccount' });
    const done = await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '912345#' });
    expect(done.body).toMatchObject({ state: 'ended', endReason: 'routed', error: null });
    expect(done.body.variables).toMatchObject({
      department: 'Billing',
      accountNumber: '••••',
      isVip: true,
      RoutingPriority: 10,
      RoutingVirtualQueue: 'Billing_VQ',
    });
    expect(texts(done.body)).toContain('Thank you. Connecting you to Billing.');
    const path = done.body.trace.map(
      (t: { blockId: string; outcome: string | null }) => `${t.blockId}:${t.outcome}`,
    );
    expect(path).toEqual([
      'setDefaults:next',
      'welcome:next',
      'checkHours:open',
      'mainMenu:option:2',
      'chooseBilling:next',
      'askAccount:next',
      'segment:condition:1',
      'markVip:next',
      'thanks:next',
      'setQueue:next',
      'routeToQueue:routed',
      'logEnd:next',
    ]);
    expect(JSON.stringify(done.body)).not.toContain('912345');
    expect(done.body.trace[1]).toMatchObject({
      blockId: 'welcome',
      inputs: { prompts: [{ type: 'tts', value: 'Welcome to Ringback Customer Care.' }] },
    });
  });

  it('times out a silent caller on the virtual clock and plays the no-input prompts', async () => {
    const start = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550123' });
    const id = start.body.id;
    await api.post('/api/v1/sim/clock/advance', { seconds: 6 });
    const call = await api.get(`/api/v1/test-calls/${id}`);
    expect(texts(call.body)).toContain('Sorry, I did not hear a choice.');
    expect(call.body).toMatchObject({ state: 'waitingInput', currentBlockId: 'mainMenu' });
  });

  it('keeps a call on the version live when it arrived while a new version is published', async () => {
    await api.post('/api/v1/applications', menuApplication('pinned', 'Old greeting'));
    await api.post('/api/v1/applications/pinned/publish');
    const first = await api.post('/api/v1/test-calls', { applicationId: 'pinned', ani: '+14155550100' });
    await api.put('/api/v1/applications/pinned', {
      revision: 1,
      application: menuApplication('pinned', 'New greeting'),
    });
    expect((await api.post('/api/v1/applications/pinned/publish')).body.version).toBe(2);

    const finished = await api.post(`/api/v1/test-calls/${first.body.id}/dtmf`, { digits: '1' });
    expect(finished.body).toMatchObject({ version: 1, state: 'ended' });
    expect(texts(finished.body)).toEqual(['Old greeting', 'Press 1 or 2.', 'You chose one. Goodbye.']);
    const second = await api.post('/api/v1/test-calls', { applicationId: 'pinned', ani: '+14155550100' });
    expect(second.body.version).toBe(2);
    expect(texts(second.body)[0]).toBe('New greeting');
  });

  it('pauses at a breakpoint, steps one block, takes a changed variable and continues', async () => {
    await api.post('/api/v1/applications', menuApplication('debug'));
    await api.post('/api/v1/applications/debug/publish');
    const start = await api.post('/api/v1/test-calls', {
      applicationId: 'debug',
      ani: '+14155550100',
      breakpoints: ['one'],
    });
    const id = start.body.id;
    const paused = await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '1' });
    expect(paused.body).toMatchObject({ state: 'paused', currentBlockId: 'one' });

    const stepped = await api.post(`/api/v1/test-calls/${id}/step`);
    expect(stepped.body).toMatchObject({ state: 'paused', currentBlockId: 'bye' });
    expect(stepped.body.variables.choice).toBe('one');

    expect((await api.put(`/api/v1/test-calls/${id}/variables/choice`, { value: 'changed' })).status).toBe(
      200,
    );
    const ended = await api.post(`/api/v1/test-calls/${id}/continue`);
    expect(ended.body.state).toBe('ended');
    expect(texts(ended.body)).toContain('You chose changed. Goodbye.');
  });

  it('streams the call as Server-Sent Events, ending with the final state', async () => {
    await api.post('/api/v1/applications', menuApplication('streamed'));
    await api.post('/api/v1/applications/streamed/publish');
    const start = await api.post('/api/v1/test-calls', { applicationId: 'streamed', ani: '+14155550100' });
    const id = start.body.id;
    const response = await fetch(`${started.baseUrl}/api/v1/test-calls/${id}/events`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    const read = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value);
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    await api.post(`/api/v1/test-calls/${id}/dtmf`, { digits: '2' });
    await read;
    expect(text).toContain('event: callStarted');
    expect(text).toContain('event: inputRequested');
    expect(text).toContain('"text":"You chose two. Goodbye."');
    expect(text).toMatch(/event: state\ndata: \{"type":"state","call":\{[^\n]*"state":"ended"/);
  });

  it('ends a call whose caller hangs up, still running Finalize', async () => {
    const start = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550123' });
    const ended = await api.post(`/api/v1/test-calls/${start.body.id}/hangup`);
    expect(ended.body).toMatchObject({ state: 'ended', endReason: 'callerHangup' });
    expect(ended.body.trace.at(-1)).toMatchObject({ blockId: 'logEnd', phase: 'finalize' });
  });
});
