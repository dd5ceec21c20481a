import type { CallEventInput, CallState, TraceEntry } from './call-state.ts';

/** Events and trace are kept bounded; the newest are what a designer looks at. */
export const maxEvents = 2000;
export const maxTrace = 1000;

/** Appends an event; the object passed in is completed in place (it is always a fresh literal). */
export function emit(state: CallState, now: number, event: CallEventInput): void {
  const complete = event as CallState['events'][number];
  complete.seq = state.nextSeq++;
  complete.at = now;
  state.events.push(complete);
  if (state.events.length > maxEvents * 1.25) state.events.splice(0, state.events.length - maxEvents);
}

export function pushTrace(state: CallState, entry: TraceEntry): void {
  state.trace.push(entry);
  if (state.trace.length > maxTrace * 1.25) state.trace.splice(0, state.trace.length - maxTrace);
}
