/**
 * Runs a whole call in memory with a script of caller entries: each entry is typed when the call
 * waits for input; when the script has run out (or an entry leaves the input incomplete), the
 * caller stays silent and the wait times out. Used by `ringback test-call` and golden tests.
 */
import type { BlockServices } from '../../blocks/contract.ts';
import { blockRegistry } from '../../blocks/registry.ts';
import type { Application } from '../../schemas/application.generated.ts';
import type { BusinessHours } from '../../schemas/business-hours.generated.ts';
import { compileBusinessHours } from '../business-hours/index.ts';
import { pressDigits, startCall, timeOut } from '../interpreter/call.ts';
import type { CallState } from '../interpreter/call-state.ts';
import type { RunEnvironment } from '../interpreter/run.ts';
import { inProcessRouter } from '../routing/in-process-router.ts';

export interface ScriptedCall {
  application: Application;
  version?: number;
  ani: string;
  dnis: string;
  entries: string[];
  atMs: number;
  businessHours: BusinessHours[];
  /** Silences allowed after the script ran out, before the call is hung up. */
  maxSilences?: number;
}

export function inMemoryServices(hours: BusinessHours[]): BlockServices {
  const calendars = new Map(hours.map((h) => [h.name, compileBusinessHours(h)]));
  return {
    businessHours: { status: async (name, atMs, zone) => calendars.get(name)?.status(atMs, zone) },
    routing: inProcessRouter(),
  };
}

export async function runScriptedCall(call: ScriptedCall): Promise<CallState> {
  let now = call.atMs;
  const env: RunEnvironment = {
    application: call.application,
    blocks: blockRegistry,
    services: inMemoryServices(call.businessHours),
    now: () => now,
  };
  const state = await startCall(
    call.application,
    { id: 'scripted-call', tenantId: 'cli', version: call.version ?? 1, ani: call.ani, dnis: call.dnis },
    env,
  );
  const entries = [...call.entries];
  let silences = 0;
  while (state.status !== 'ended') {
    if (state.status === 'waitingInput') {
      const entry = entries.shift();
      if (entry) {
        now += 2000;
        const waitingAt = state.waiting?.blockId;
        const seq = state.nextSeq;
        await pressDigits(state, entry, env);
        // Still waiting in the same entry: the caller stopped typing, so it times out.
        if (
          state.status === 'waitingInput' &&
          state.waiting?.blockId === waitingAt &&
          !consumed(state, seq)
        ) {
          now = state.waiting?.deadline ?? now;
          await timeOut(state, env);
        }
        continue;
      }
    }
    if (state.status === 'paused' || ++silences > (call.maxSilences ?? 20)) break;
    now = state.waiting?.deadline ?? now + 1000;
    await timeOut(state, env);
  }
  return state;
}

function consumed(state: CallState, sinceSeq: number): boolean {
  return state.events.some((e) => e.seq >= sinceSeq && e.type === 'inputReceived');
}
