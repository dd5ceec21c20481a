import { describe, expect, it } from 'vitest';
import type { BlockServices } from '../../blocks/contract.ts';
import { blockRegistry } from '../../blocks/registry.ts';
import type { Application, BlockInstance } from '../../schemas/application.generated.ts';
import { continueCall, deliverEvent, hangUp, pressDigits, startCall, timeOut } from './call.ts';
import type { CallState } from './call-state.ts';
import type { RunEnvironment } from './run.ts';

type Phase = BlockInstance['phase'];
const say = (phase: Phase, text: string, next: Record<string, string> = {}): BlockInstance => ({
  type: 'play-message',
  typeVersion: 1,
  phase,
  properties: { prompts: [{ type: 'tts', value: text }] },
  next,
});
const assign = (
  phase: Phase,
  variable: string,
  expression: string,
  next: Record<string, string> = {},
): BlockInstance => ({
  type: 'assign-variables',
  typeVersion: 1,
  phase,
  properties: { assignments: [{ variable, expression }] },
  next,
});
const ask = (next: Record<string, string>, extra: Record<string, unknown> = {}): BlockInstance => ({
  type: 'user-input',
  typeVersion: 1,
  phase: 'selfService',
  properties: {
    inputType: 'digits',
    minDigits: 2,
    maxDigits: 4,
    resultVariable: 'entry',
    retries: 0,
    timeoutSeconds: 5,
    ...extra,
  },
  next,
});

function app(
  blocks: Record<string, BlockInstance>,
  phases: Partial<Application['phases']>,
  variables: Application['variables'] = [],
): Application {
  return {
    schemaVersion: 1,
    id: 'unit',
    name: 'Unit',
    type: 'Default',
    variables: [{ name: 'entry' }, { name: 'n', default: 0 }, ...variables],
    phases: { initialize: null, selfService: null, assistedService: null, finalize: null, ...phases },
    blocks,
  };
}

const router: BlockServices['routing'] = {
  async route(_id, request) {
    return request.virtualQueue === 'busy'
      ? { kind: 'queued', virtualQueue: 'busy', position: 1 }
      : { kind: 'routed', agentId: 'a1', virtualQueue: request.virtualQueue };
  },
};

function env(application: Application, clock = { now: 1_000 }): RunEnvironment {
  return {
    application,
    blocks: blockRegistry,
    services: { businessHours: { status: async () => undefined }, routing: router },
    now: () => clock.now,
  };
}

const call = { id: 'c1', tenantId: 't', version: 1, ani: '+1', dnis: '+2' };
const prompts = (state: CallState) => state.events.flatMap((e) => (e.type === 'prompt' ? [e.text] : []));
const path = (state: CallState) => state.trace.map((t) => `${t.blockId}:${t.outcome}`);

describe('interpreter', () => {
  it('runs the four phases in order, skipping empty ones', async () => {
    const a = app(
      { i: assign('initialize', 'n', 'n + 1'), s: say('selfService', 'self {n}'), f: say('finalize', 'bye') },
      { initialize: 'i', selfService: 's', finalize: 'f' },
    );
    const state = await startCall(a, call, env(a));
    expect(prompts(state)).toEqual(['self 1', 'bye']);
    expect(
      state.events.filter((e) => e.type === 'phaseStarted').map((e) => (e as { phase: string }).phase),
    ).toEqual(['initialize', 'selfService', 'assistedService', 'finalize']);
    expect(state).toMatchObject({ status: 'ended', endReason: 'completed' });
  });

  it('jumps from Terminate Call straight to Finalize', async () => {
    const a = app(
      {
        s: say('selfService', 'hello', { next: 'end' }),
        end: {
          type: 'terminate-call',
          typeVersion: 1,
          phase: 'selfService',
          properties: { reason: 'done' },
          next: {},
        },
        later: say('assistedService', 'never'),
        f: say('finalize', 'finally'),
      },
      { selfService: 's', assistedService: 'later', finalize: 'f' },
    );
    const state = await startCall(a, call, env(a));
    expect(prompts(state)).toEqual(['hello', 'finally']);
    expect(state.endReason).toBe('done');
  });

  it('jumps to Finalize when Route Call routes, and waits for the agent when queued', async () => {
    const route = (queue: string): BlockInstance => ({
      type: 'route-call',
      typeVersion: 1,
      phase: 'assistedService',
      properties: { routingType: 'skillExpression', virtualQueue: queue, timeoutSeconds: 30 },
      next: { timeout: 'sorry' },
    });
    const a = app(
      { r: route('busy'), sorry: say('assistedService', 'sorry'), f: say('finalize', 'wrap') },
      { assistedService: 'r', finalize: 'f' },
    );
    const environment = env(a);
    const state = await startCall(a, call, environment);
    expect(state).toMatchObject({ status: 'waitingEvent', waiting: { event: 'routed', deadline: 31_000 } });
    expect(await deliverEvent(state, 'routed', { agentId: 'a7' }, environment)).toBe(true);
    expect(path(state)).toEqual(['r:routed', 'f:next']);
    expect(state.endReason).toBe('routed');
  });

  it('takes the timeout port when nobody answers a queued call', async () => {
    const a = app(
      {
        r: {
          type: 'route-call',
          typeVersion: 1,
          phase: 'assistedService',
          properties: { routingType: 'skillExpression', virtualQueue: 'busy', timeoutSeconds: 30 },
          next: { timeout: 'sorry' },
        },
        sorry: say('assistedService', 'sorry'),
      },
      { assistedService: 'r' },
    );
    const environment = env(a);
    const state = await startCall(a, call, environment);
    await timeOut(state, environment);
    expect(prompts(state)).toContain('sorry');
  });

  it('uses digits typed ahead for the next input, and consumes only one entry', async () => {
    const a = app(
      {
        q: ask({ next: 'again' }),
        again: ask({ next: 'done' }, { resultVariable: 'n' }),
        done: say('selfService', '{entry}/{n}'),
      },
      { selfService: 'q' },
    );
    const environment = env(a);
    const state = await startCall(a, call, environment);
    await pressDigits(state, '12#345#', environment);
    expect(prompts(state)).toEqual(['12/345']);
  });

  it('treats what was typed before a timeout as the entry', async () => {
    const a = app(
      { q: ask({ next: 'done' }), done: say('selfService', 'got {entry}') },
      { selfService: 'q' },
    );
    const environment = env(a);
    const state = await startCall(a, call, environment);
    await pressDigits(state, '77', environment);
    expect(state.status).toBe('waitingInput');
    await timeOut(state, environment);
    expect(prompts(state)).toEqual(['got 77']);
  });

  it('takes the error port on a failing expression, or ends the call without one', async () => {
    const failing = app({ x: assign('selfService', 'n', 'n.a.b') }, { selfService: 'x' });
    const state = await startCall(failing, call, env(failing));
    expect(state).toMatchObject({ status: 'ended', endReason: 'error', error: { code: 'EXPRESSION_ERROR' } });
    expect(state.variables.LastErrorCode).toBe('EXPRESSION_ERROR');
  });

  it('ends a runaway loop with STEP_LIMIT', async () => {
    const a = app(
      {
        x: assign('selfService', 'n', 'n + 1', { next: 'y' }),
        y: assign('selfService', 'n', 'n + 1', { next: 'x' }),
      },
      { selfService: 'x' },
    );
    const state = await startCall(a, call, { ...env(a), maxStepsWithoutInput: 50 });
    expect(state).toMatchObject({ status: 'ended', error: { code: 'STEP_LIMIT' } });
    expect(state.variables.n).toBe(50);
  });

  it('ends a loop of blocks doubling a text with EXPRESSION_LIMIT, recording previews of long values', async () => {
    const a = app(
      {
        x: assign('selfService', 'text', "text + text + 'x'", { next: 'y' }),
        y: assign('selfService', 'text', 'text + text', { next: 'x' }),
      },
      { selfService: 'x' },
      [{ name: 'text', default: 'ab' }],
    );
    const started = performance.now();
    const state = await startCall(a, call, env(a));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(state).toMatchObject({ status: 'ended', error: { code: 'EXPRESSION_LIMIT' } });
    // Far fewer rounds than the step limit: the value bound, not the loop guard, ended it.
    expect(state.stepsSinceInput).toBeLessThan(40);
    const recorded = JSON.stringify({ events: state.events, trace: state.trace });
    expect(recorded.length).toBeLessThan(200_000);
    expect(recorded).toMatch(/… \(\d+ characters\)/);
  });

  it('skips a disabled block through its first outcome', async () => {
    const a = app(
      {
        x: { ...assign('selfService', 'n', '99', { next: 'y' }), disabled: true },
        y: say('selfService', 'n={n}'),
      },
      { selfService: 'x' },
    );
    expect(prompts(await startCall(a, call, env(a)))).toEqual(['n=0']);
  });

  it('pauses before a breakpoint and steps one block at a time', async () => {
    const a = app(
      { x: assign('selfService', 'n', '1', { next: 'y' }), y: say('selfService', 'n={n}') },
      { selfService: 'x' },
    );
    const environment = env(a);
    const state = await startCall(a, { ...call, breakpoints: ['x'] }, environment);
    expect(state).toMatchObject({ status: 'paused', currentBlockId: 'x' });
    await continueCall(state, environment, true);
    expect(state).toMatchObject({ status: 'paused', currentBlockId: 'y', variables: { n: 1 } });
    await continueCall(state, environment);
    expect(state.status).toBe('ended');
  });

  it('runs Finalize when the caller hangs up while waiting', async () => {
    const a = app(
      { q: ask({ next: 'done' }), done: say('selfService', 'x'), f: say('finalize', 'bye') },
      { selfService: 'q', finalize: 'f' },
    );
    const environment = env(a);
    const state = await startCall(a, call, environment);
    await hangUp(state, environment);
    expect(prompts(state)).toEqual(['bye']);
    expect(state.endReason).toBe('callerHangup');
  });

  it('masks secure variables in events and traces', async () => {
    const a = app(
      { q: ask({ next: 'done' }, { secure: true }), done: say('selfService', 'ok') },
      { selfService: 'q' },
      [{ name: 'pin', secure: true, default: '1234' }],
    );
    const environment = env(a);
    const state = await startCall(a, call, environment);
    await pressDigits(state, '9876', environment);
    const serialised = JSON.stringify({ events: state.events, trace: state.trace });
    expect(serialised).not.toContain('9876');
    expect(state.variables.entry).toBe('9876');
  });
});
