/**
 * What can happen to a call from outside: it starts, the caller presses digits or stays silent,
 * an awaited event arrives, the caller hangs up, a designer continues from a breakpoint or
 * changes a variable. Each operation mutates the CallState and runs the interpreter on.
 */
import { DateTime } from 'luxon';
import type { JsonValue } from '../../blocks/contract.ts';
import type { Application } from '../../schemas/application.generated.ts';
import { findSystemVariable } from '../../schemas/expressions/index.ts';
import { setCallVariable } from './call-context.ts';
import type { CallState } from './call-state.ts';
import { takeEntry } from './digits.ts';
import { emit } from './events.ts';
import { end, jumpToFinalize, type RunEnvironment, received, run } from './run.ts';

export interface NewCall {
  id: string;
  tenantId: string;
  version: number;
  ani: string;
  dnis: string;
  timeZone?: string;
  breakpoints?: string[];
  /** A Callback application's call: the callback it executes (system variable CallbackId). */
  callbackId?: string;
  /** How the engine connected the customer (system variable CallbackConnectResult). */
  callbackConnectResult?: 'connected' | 'failed' | 'expired';
}

export function createCallState(application: Application, call: NewCall, now: number): CallState {
  const timeZone = call.timeZone ?? 'UTC';
  const variables: Record<string, unknown> = {
    ANI: call.ani,
    DNIS: call.dnis,
    CallUUID: call.id,
    ApplicationId: application.id,
    ApplicationVersion: call.version,
    CallStartTime: DateTime.fromMillis(now, { zone: timeZone }).toISO(),
    Timezone: timeZone,
    AppLanguageName: 'en-US',
    ...(call.callbackId ? { CallbackId: call.callbackId } : {}),
    ...(call.callbackConnectResult ? { CallbackConnectResult: call.callbackConnectResult } : {}),
  };
  for (const declaration of application.variables) {
    if (declaration.default !== undefined) variables[declaration.name] = structuredClone(declaration.default);
  }
  return {
    id: call.id,
    tenantId: call.tenantId,
    applicationId: application.id,
    version: call.version,
    ani: call.ani,
    dnis: call.dnis,
    status: 'running',
    phase: 'initialize',
    currentBlockId: application.phases.initialize,
    variables,
    secureVariables: application.variables.filter((v) => v.secure).map((v) => v.name),
    digitBuffer: '',
    waiting: null,
    finalizing: false,
    endReason: null,
    error: null,
    breakpoints: call.breakpoints ?? [],
    stepping: false,
    stepsSinceInput: 0,
    nextSeq: 1,
    events: [],
    trace: [],
    startedAt: now,
    endedAt: null,
  };
}

export async function startCall(
  application: Application,
  call: NewCall,
  env: RunEnvironment,
): Promise<CallState> {
  const state = createCallState(application, call, env.now());
  emit(state, env.now(), {
    type: 'callStarted',
    applicationId: application.id,
    version: call.version,
    ani: call.ani,
    dnis: call.dnis,
  });
  emit(state, env.now(), { type: 'phaseStarted', phase: 'initialize' });
  await run(state, env);
  return state;
}

export class CallOperationError extends Error {
  constructor(
    readonly code:
      | 'CALL_ENDED'
      | 'INVALID_DTMF'
      | 'NOT_PAUSED'
      | 'READ_ONLY_VARIABLE'
      | 'UNDECLARED_VARIABLE',
    message: string,
  ) {
    super(message);
  }
}

function assertLive(state: CallState): void {
  if (state.status === 'ended') throw new CallOperationError('CALL_ENDED', `call ${state.id} has ended`);
}

/** Digits typed by the caller: buffered, and completing the entry the call waits for if they can. */
export async function pressDigits(state: CallState, digits: string, env: RunEnvironment): Promise<void> {
  assertLive(state);
  if (!/^[0-9*#]{1,64}$/.test(digits)) {
    throw new CallOperationError('INVALID_DTMF', 'digits must be 1-64 of 0-9, * and #');
  }
  state.digitBuffer += digits;
  const input = state.status === 'waitingInput' ? state.waiting?.input : undefined;
  if (!input) return;
  const entry = takeEntry(state.digitBuffer, input);
  if (!entry) return;
  state.digitBuffer = entry.rest;
  received(state, env, entry.digits);
  await run(state, env, { kind: 'digits', digits: entry.digits });
}

/** The wait timed out: for input, what was typed so far is the entry, or no input at all. */
export async function timeOut(state: CallState, env: RunEnvironment): Promise<void> {
  assertLive(state);
  if (state.status === 'waitingInput') {
    const digits = state.digitBuffer;
    state.digitBuffer = '';
    received(state, env, digits || null);
    await run(state, env, digits ? { kind: 'digits', digits } : { kind: 'noInput' });
  } else if (state.status === 'waitingEvent') {
    await run(state, env, { kind: 'timeout' });
  }
}

export async function deliverEvent(state: CallState, name: string, data: JsonValue, env: RunEnvironment) {
  assertLive(state);
  if (state.status !== 'waitingEvent' || state.waiting?.event !== name) return false;
  await run(state, env, { kind: 'event', name, data });
  return true;
}

/** The caller hangs up: nothing more is collected; Finalize still runs. */
export async function hangUp(state: CallState, env: RunEnvironment): Promise<void> {
  if (state.status === 'ended') return;
  state.waiting = null;
  state.breakpoints = [];
  state.stepping = false;
  if (state.phase === 'finalize' && state.status !== 'paused') {
    end(state, env, 'callerHangup');
    return;
  }
  jumpToFinalize(state, 'callerHangup');
  state.status = 'running';
  await run(state, env);
}

/** Leaves a breakpoint: `step` pauses again before the next block. */
export async function continueCall(state: CallState, env: RunEnvironment, step = false): Promise<void> {
  assertLive(state);
  if (state.status !== 'paused') throw new CallOperationError('NOT_PAUSED', 'the call is not paused');
  state.stepping = step;
  emit(state, env.now(), { type: 'resumed', blockId: state.currentBlockId ?? '' });
  await run(state, env);
}

/** A designer changes a variable while the call is paused or waiting. */
export function overrideVariable(
  state: CallState,
  application: Application,
  name: string,
  value: unknown,
  now: number,
) {
  assertLive(state);
  const system = findSystemVariable(name);
  if (system?.readOnly) throw new CallOperationError('READ_ONLY_VARIABLE', `${name} is read-only`);
  if (!system && !application.variables.some((v) => v.name === name)) {
    throw new CallOperationError('UNDECLARED_VARIABLE', `${name} is not declared`);
  }
  setCallVariable(state, undefined, name, value, now);
}
