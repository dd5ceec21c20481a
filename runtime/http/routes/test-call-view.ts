import type { Application } from '../../../schemas/application.generated.ts';
import { visible } from '../../interpreter/call-context.ts';
import type { CallState } from '../../interpreter/call-state.ts';

/**
 * The public view of a call: what a designer sees in the test panel (secure values masked). Each
 * trace entry shows the block's inputs (its properties in the version the call runs).
 */
export function testCallView(state: CallState, application: Application) {
  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(state.variables)) variables[name] = visible(state, name, value);
  return {
    id: state.id,
    state: state.status,
    applicationId: state.applicationId,
    version: state.version,
    /** True when the call runs the unpublished draft (a copy taken when it started). */
    draft: state.version === 0,
    ani: state.ani,
    dnis: state.dnis,
    currentBlockId: state.status === 'ended' ? null : (state.waiting?.blockId ?? state.currentBlockId),
    currentPhase: state.phase,
    pendingInput: state.status === 'waitingInput' ? (state.waiting?.input ?? null) : null,
    waitingFor: state.status === 'waitingEvent' ? (state.waiting?.event ?? null) : null,
    timeoutAt: state.waiting?.deadline ? new Date(state.waiting.deadline).toISOString() : null,
    breakpoints: state.breakpoints,
    prompts: state.events.flatMap((e) =>
      e.type === 'prompt' ? [{ seq: e.seq, blockId: e.blockId, text: e.text }] : [],
    ),
    variables,
    trace: state.trace.map((t) => ({
      ...t,
      enteredAt: new Date(t.enteredAt).toISOString(),
      durationMs: t.durationMs < 0 ? null : t.durationMs,
      inputs: application.blocks[t.blockId]?.properties ?? null,
      // Labelled from the document the call ran, which may differ from today's draft.
      label: application.blocks[t.blockId]?.label ?? null,
    })),
    endReason: state.endReason && state.status === 'ended' ? state.endReason : null,
    error: state.error,
    startedAt: new Date(state.startedAt).toISOString(),
    endedAt: state.endedAt === null ? null : new Date(state.endedAt).toISOString(),
  };
}
