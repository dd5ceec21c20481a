/**
 * The interpreter loop. It runs blocks of the current phase, following outcome links, until the
 * call must wait (caller input, an event, a breakpoint) or ends. The four phases run in order;
 * an empty path moves to the next phase; Terminate Call, a routed call and a caller hang-up jump
 * to Finalize, which always runs before the call ends.
 */
import type { BlockResult, BlockServices, ResumeSignal } from '../../blocks/contract.ts';
import type { BlockType } from '../../blocks/registry.ts';
import type { Application, Phase } from '../../schemas/application.generated.ts';
import { outcomesOf } from '../../schemas/flow/outcomes.ts';
import type { ExpressionScope } from '../expressions/index.ts';
import { ExpressionError } from '../expressions/index.ts';
import { callScope, StepContext, type StepRecord, setCallVariable } from './call-context.ts';
import type { CallState } from './call-state.ts';
import { takeEntry } from './digits.ts';
import { emit, pushTrace } from './events.ts';

export const phaseOrder: readonly Phase[] = ['initialize', 'selfService', 'assistedService', 'finalize'];

export interface RunEnvironment {
  application: Application;
  blocks: ReadonlyMap<string, BlockType>;
  services: BlockServices;
  now: () => number;
  /** Blocks a call may run without caller input before it is ended as a runaway loop. */
  maxStepsWithoutInput?: number;
}

export const defaultMaxStepsWithoutInput = 1000;

/** A signal for the block the call is waiting in. */
export type Wakeup = ResumeSignal;

export async function run(state: CallState, env: RunEnvironment, wakeup?: Wakeup): Promise<void> {
  const scope = callScope(state, declaredNames(env.application), env.now);
  const limit = env.maxStepsWithoutInput ?? defaultMaxStepsWithoutInput;
  let resume: Wakeup | undefined = wakeup;
  let skipBreakpointOnce = state.status === 'paused';
  state.status = 'running';

  while (state.status === 'running') {
    const blockId = state.currentBlockId;
    if (blockId === null) {
      if (!nextPhase(state, env)) return;
      continue;
    }
    const instance = env.application.blocks[blockId];
    const blockType = instance && env.blocks.get(instance.type);
    if (!instance || !blockType) {
      fail(state, env, blockId, 'BLOCK_FAILED', `block ${blockId} is missing from the application`);
      return;
    }
    const resuming = resume !== undefined && state.waiting?.blockId === blockId;
    if (!resuming) {
      if ((state.stepping || state.breakpoints.includes(blockId)) && !skipBreakpointOnce) {
        state.status = 'paused';
        state.stepping = false;
        emit(state, env.now(), { type: 'paused', blockId });
        return;
      }
      if (++state.stepsSinceInput > limit) {
        fail(
          state,
          env,
          blockId,
          'STEP_LIMIT',
          `the call ran ${limit} blocks without caller input; is there a loop?`,
        );
        return;
      }
    }
    skipBreakpointOnce = false;
    const pending = step(state, env, scope, blockId, resuming ? resume : undefined);
    // Most handlers are synchronous; awaiting only real promises keeps the hot loop tight.
    const result = typeof pending === 'string' ? pending : await pending;
    resume = undefined;
    if (result === 'waiting') {
      // Input the caller typed ahead may already complete the entry.
      const early = state.waiting?.input && takeEntry(state.digitBuffer, state.waiting.input);
      if (!early) return;
      state.digitBuffer = early.rest;
      state.status = 'running';
      resume = { kind: 'digits', digits: early.digits };
      received(state, env, early.digits);
    }
  }
}

type StepEnd = 'continue' | 'waiting';

function step(
  state: CallState,
  env: RunEnvironment,
  scope: ExpressionScope,
  blockId: string,
  resume: Wakeup | undefined,
): StepEnd | Promise<StepEnd> {
  const instance = env.application.blocks[blockId]!;
  const blockType = env.blocks.get(instance.type)!;
  const { definition, handler } = blockType;
  const enteredAt = env.now();
  const savedState = resume ? state.waiting?.state : undefined;
  state.waiting = null;
  if (!resume) {
    emit(state, enteredAt, { type: 'blockEntered', blockId, blockType: instance.type, phase: state.phase });
    const props = instance.properties as { secure?: unknown; resultVariable?: unknown };
    if (props.secure === true && typeof props.resultVariable === 'string')
      markSecure(state, props.resultVariable);
  }
  const record: StepRecord = { variableChanges: {} };
  let result: BlockResult | Promise<BlockResult>;
  if (instance.disabled) {
    result = { kind: 'outcome', outcome: outcomesOf(definition, instance.properties)[0]?.name ?? 'next' };
  } else if (!handler) {
    result = {
      kind: 'error',
      code: 'BLOCK_FAILED',
      message: `${definition.title} cannot run in this version`,
    };
  } else {
    const context = new StepContext(
      state,
      env.application,
      blockId,
      instance,
      env.services,
      scope,
      enteredAt,
      resume,
      savedState,
      record,
    );
    try {
      result = handler(context);
    } catch (error) {
      result = failure(error);
    }
  }
  if (result instanceof Promise) {
    return result.then(
      (settled) => finish(state, env, blockId, enteredAt, record, settled),
      (error) => finish(state, env, blockId, enteredAt, record, failure(error)),
    );
  }
  return finish(state, env, blockId, enteredAt, record, result);
}

function failure(error: unknown): BlockResult {
  return error instanceof ExpressionError
    ? { kind: 'error', code: error.code, message: error.message }
    : {
        kind: 'error',
        code: 'BLOCK_FAILED',
        message: error instanceof Error ? error.message : String(error),
      };
}

function finish(
  state: CallState,
  env: RunEnvironment,
  blockId: string,
  enteredAt: number,
  record: StepRecord,
  result: BlockResult,
): StepEnd {
  const instance = env.application.blocks[blockId]!;
  const { definition } = env.blocks.get(instance.type)!;
  if (result.kind === 'wait') {
    const deadline = result.timeoutSeconds ?? result.input?.timeoutSeconds;
    state.waiting = {
      blockId,
      state: result.state,
      ...(result.input ? { input: result.input } : {}),
      ...(result.event ? { event: result.event } : {}),
      ...(deadline !== undefined ? { deadline: env.now() + deadline * 1000 } : {}),
    };
    state.status = result.input ? 'waitingInput' : 'waitingEvent';
    if (result.input) emit(state, env.now(), { type: 'inputRequested', blockId, request: result.input });
    traceStep(state, blockId, instance.type, enteredAt, env.now(), null, record);
    return 'waiting';
  }

  let outcome: string | null = null;
  if (result.kind === 'outcome') {
    outcome = result.outcome;
    if (outcome === 'routed') noteRouted(state, env, blockId);
    state.currentBlockId = instance.next[outcome] ?? null;
    if (definition.jumpsToFinalize?.includes(outcome)) jumpToFinalize(state, outcome);
  } else if (result.kind === 'end') {
    jumpToFinalize(state, result.reason || 'terminated');
  } else {
    setCallVariable(state, record, 'LastErrorCode', result.code, env.now());
    setCallVariable(state, record, 'LastErrorMessage', result.message, env.now());
    emit(state, env.now(), { type: 'error', blockId, code: result.code, message: result.message });
    const errorPort = outcomesOf(definition, instance.properties).some((o) => o.name === 'error');
    if (errorPort) {
      outcome = 'error';
      state.currentBlockId = instance.next.error ?? null;
    } else {
      state.error = { code: result.code, message: result.message };
      jumpToFinalize(state, 'error');
    }
  }
  emit(state, env.now(), { type: 'blockExited', blockId, outcome });
  traceStep(state, blockId, instance.type, enteredAt, env.now(), outcome, record);
  return 'continue';
}

function traceStep(
  state: CallState,
  blockId: string,
  blockType: string,
  enteredAt: number,
  now: number,
  outcome: string | null,
  record: StepRecord,
): void {
  // A block resumed after a wait extends its own trace entry rather than adding a second one.
  const last = state.trace[state.trace.length - 1];
  if (last && last.blockId === blockId && last.outcome === null && last.durationMs === -1) {
    last.durationMs = now - last.enteredAt;
    last.outcome = outcome;
    Object.assign(last.variableChanges, record.variableChanges);
    if (record.notes) last.notes = [...(last.notes ?? []), ...record.notes];
    if (outcome === null) last.durationMs = -1;
    return;
  }
  pushTrace(state, {
    seq: state.nextSeq,
    blockId,
    blockType,
    phase: state.phase,
    enteredAt,
    durationMs: outcome === null ? -1 : now - enteredAt,
    outcome,
    variableChanges: record.variableChanges,
    ...(record.notes ? { notes: record.notes } : {}),
  });
}

function nextPhase(state: CallState, env: RunEnvironment): boolean {
  const index = phaseOrder.indexOf(state.phase);
  if (state.phase === 'finalize' || index === phaseOrder.length - 1) {
    end(state, env, state.endReason ?? 'completed');
    return false;
  }
  const phase = state.finalizing ? 'finalize' : phaseOrder[index + 1]!;
  state.phase = phase;
  state.currentBlockId = env.application.phases[phase];
  emit(state, env.now(), { type: 'phaseStarted', phase });
  return true;
}

export function jumpToFinalize(state: CallState, reason: string): void {
  state.endReason ??= reason;
  if (state.phase === 'finalize') {
    state.currentBlockId = null;
    return;
  }
  state.finalizing = true;
  state.currentBlockId = null;
}

function fail(
  state: CallState,
  env: RunEnvironment,
  blockId: string | null,
  code: string,
  message: string,
): void {
  state.error = { code, message };
  emit(state, env.now(), { type: 'error', blockId, code, message });
  end(state, env, 'error');
}

export function end(state: CallState, env: { now: () => number }, reason: string): void {
  state.status = 'ended';
  state.endReason = reason;
  state.waiting = null;
  state.currentBlockId = null;
  state.endedAt = env.now();
  emit(state, env.now(), { type: 'ended', reason });
}

export function received(state: CallState, env: { now: () => number }, digits: string | null): void {
  state.stepsSinceInput = 0;
  const blockId = state.waiting?.blockId ?? state.currentBlockId ?? '';
  const shown = digits !== null && state.waiting?.input?.secure ? '•'.repeat(digits.length) : digits;
  emit(state, env.now(), { type: 'inputReceived', blockId, digits: shown });
}

function noteRouted(state: CallState, env: RunEnvironment, blockId: string): void {
  const agentId = state.variables.RoutingAgentId;
  const virtualQueue = state.variables.RoutingVirtualQueue;
  emit(state, env.now(), {
    type: 'routed',
    blockId,
    agentId: typeof agentId === 'string' ? agentId : '',
    virtualQueue: typeof virtualQueue === 'string' ? virtualQueue : '',
  });
}

function markSecure(state: CallState, name: string): void {
  if (!state.secureVariables.includes(name)) state.secureVariables.push(name);
}

const declaredCache = new WeakMap<Application, ReadonlySet<string>>();

function declaredNames(application: Application): ReadonlySet<string> {
  let names = declaredCache.get(application);
  if (!names) {
    names = new Set(application.variables.map((v) => v.name));
    declaredCache.set(application, names);
  }
  return names;
}
