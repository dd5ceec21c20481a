/**
 * Builds the BlockContext a handler sees for one step of a call: variables with change
 * tracking (secure values masked in events), prompts rendered to text events, and the clock.
 */
import { DateTime } from 'luxon';
import type { BlockContext, BlockServices, JsonValue, ResumeSignal } from '../../blocks/contract.ts';
import type { Application, BlockInstance } from '../../schemas/application.generated.ts';
import type { Prompt } from '../../schemas/common.generated.ts';
import { type ExpressionScope, evaluate } from '../expressions/index.ts';
import { type CallState, masked } from './call-state.ts';
import { emit } from './events.ts';
import { promptText } from './prompts.ts';

export interface StepRecord {
  variableChanges: Record<string, { from: unknown; to: unknown }>;
  /** What the block explained while it ran (see BlockContext.note). */
  notes?: string[];
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

/** Longest value an event or trace entry records whole; longer ones are shown as a preview. */
export const maxRecordedLength = 1000;

/**
 * A variable's value as events and traces record it: masked when secure, and a preview when long.
 * A call keeps thousands of events and trace entries, each with the value before and after: a
 * loop rewriting a long variable would otherwise keep thousands of copies of it.
 */
export function visible(state: CallState, name: string, value: unknown): unknown {
  if (value === undefined) return value;
  if (state.secureVariables.includes(name)) return masked;
  if (typeof value === 'string')
    return value.length > maxRecordedLength ? preview(value, `${value.length} characters`) : value;
  if (typeof value === 'object' && value !== null) {
    const json = JSON.stringify(value);
    return json.length > maxRecordedLength ? preview(json, `${json.length} characters of JSON`) : value;
  }
  return value;
}

function preview(text: string, size: string): string {
  return `${text.slice(0, 200)}… (${size})`;
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

/**
 * The context of one block step. A class rather than an object of closures: the interpreter
 * makes one per block executed, so its cost is on the hot path.
 */
export class StepContext implements BlockContext<unknown> {
  readonly callId: string;
  readonly properties: unknown;
  readonly appType: 'Default' | 'Callback';

  constructor(
    private readonly call: CallState,
    application: Application,
    readonly blockId: string,
    private readonly instance: BlockInstance,
    readonly services: BlockServices,
    private readonly scope: ExpressionScope,
    private readonly nowMs: number,
    readonly resume: ResumeSignal | undefined,
    readonly state: JsonValue | undefined,
    private readonly record: StepRecord,
  ) {
    this.callId = call.id;
    this.properties = instance.properties;
    this.appType = application.type;
  }

  now(): DateTime {
    return DateTime.fromMillis(this.nowMs, { zone: this.scope.timeZone() });
  }

  evaluate(expression: string): unknown {
    return evaluate(expression, this.scope);
  }

  getVariable(name: string): unknown {
    return this.call.variables[name];
  }

  setVariable(name: string, value: unknown): void {
    setCallVariable(this.call, this.record, name, value, this.nowMs);
  }

  play(prompts: readonly Prompt[], options?: { bargeIn?: boolean }): void {
    const bargedIn = (options?.bargeIn ?? true) && this.call.digitBuffer.length > 0;
    for (const prompt of prompts) {
      emit(this.call, this.nowMs, {
        type: 'prompt',
        blockId: this.blockId,
        text: promptText(prompt, this.scope),
        bargedIn,
      });
    }
  }

  clearDigitBuffer(): void {
    this.call.digitBuffer = '';
  }

  note(text: string): void {
    this.record.notes ??= [];
    this.record.notes.push(text);
  }

  isConnected(outcome: string): boolean {
    return this.instance.next[outcome] !== undefined;
  }
}
