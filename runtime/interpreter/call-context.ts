/**
 * Builds the BlockContext a handler sees for one step of a call: variables with change
 * tracking (secure values masked in events), prompts rendered to text events, and the clock.
 */
import { DateTime } from 'luxon';
import type { BlockContext, BlockServices, JsonValue, ResumeSignal } from '../../blocks/contract.ts';
import type { Application, BlockInstance } from '../../schemas/application.generated.ts';
import { type ExpressionScope, evaluate } from '../expressions/index.ts';
import { type CallState, masked } from './call-state.ts';
import { emit } from './events.ts';
import { promptText } from './prompts.ts';

export interface StepRecord {
  variableChanges: Record<string, { from: unknown; to: unknown }>;
}

export function callScope(
  state: CallState,
  declared: ReadonlySet<string>,
  nowMs: () => number,
): ExpressionScope {
  return {
    get: (name) => state.variables[name],
    has: (name) => declared.has(name) || Object.hasOwn(state.variables, name),
    nowMs,
    timeZone: () => {
      const zone = state.variables.Timezone;
      return typeof zone === 'string' && zone ? zone : 'UTC';
    },
  };
}

export function visible(state: CallState, name: string, value: unknown): unknown {
  return value !== undefined && state.secureVariables.includes(name) ? masked : value;
}

export function setCallVariable(
  state: CallState,
  record: StepRecord | undefined,
  name: string,
  value: unknown,
  now: number,
): void {
  const from = state.variables[name];
  if (Object.is(from, value)) return;
  if (value === undefined) delete state.variables[name];
  else state.variables[name] = value;
  const change = { from: visible(state, name, from), to: visible(state, name, value) };
  if (record) {
    const earlier = record.variableChanges[name];
    record.variableChanges[name] = earlier ? { from: earlier.from, to: change.to } : change;
  }
  emit(state, now, { type: 'variableChanged', name, ...change });
}

export function blockContext(args: {
  state: CallState;
  application: Application;
  blockId: string;
  instance: BlockInstance;
  services: BlockServices;
  scope: ExpressionScope;
  nowMs: number;
  resume: ResumeSignal | undefined;
  savedState: JsonValue | undefined;
  record: StepRecord;
}): BlockContext<unknown> {
  const { state, blockId, instance, scope, nowMs, record } = args;
  return {
    callId: state.id,
    blockId,
    properties: instance.properties,
    appType: args.application.type,
    resume: args.resume,
    state: args.savedState,
    now: () => DateTime.fromMillis(nowMs, { zone: scope.timeZone() }),
    evaluate: (expression) => evaluate(expression, scope),
    getVariable: (name) => state.variables[name],
    setVariable: (name, value) => setCallVariable(state, record, name, value, nowMs),
    play: (prompts, options) => {
      const bargedIn = (options?.bargeIn ?? true) && state.digitBuffer.length > 0;
      for (const prompt of prompts) {
        emit(state, nowMs, { type: 'prompt', blockId, text: promptText(prompt, scope), bargedIn });
      }
    },
    clearDigitBuffer: () => {
      state.digitBuffer = '';
    },
    isConnected: (outcome) => instance.next[outcome] !== undefined,
    services: args.services,
  };
}
