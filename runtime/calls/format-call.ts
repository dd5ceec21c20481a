import type { CallEvent, CallState } from '../interpreter/call-state.ts';

const show = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value));

function line(event: CallEvent): string | undefined {
  switch (event.type) {
    case 'callStarted':
      return `call to ${event.applicationId} v${event.version} from ${event.ani} to ${event.dnis || '(no DNIS)'}`;
    case 'phaseStarted':
      return `── ${event.phase}`;
    case 'blockEntered':
      return `→ ${event.blockId} (${event.blockType})`;
    case 'prompt':
      return `    🔊 ${event.text}${event.bargedIn ? ' [barged in]' : ''}`;
    case 'inputRequested':
      return `    ⌨  waiting for ${event.request.minDigits}-${event.request.maxDigits} digit(s)`;
    case 'inputReceived':
      return `    ⌨  ${event.digits === null ? '(no input)' : event.digits || '(empty)'}`;
    case 'variableChanged':
      return `    = ${event.name}: ${show(event.from)} → ${show(event.to)}`;
    case 'blockExited':
      return `    ↳ ${event.outcome ?? '(end of path)'}`;
    case 'routed':
      return `    ☎ routed to ${event.agentId} on ${event.virtualQueue}`;
    case 'error':
      return `    ✖ ${event.code}: ${event.message}`;
    case 'paused':
      return `    ⏸ paused at ${event.blockId}`;
    case 'ended':
      return `■ ended: ${event.reason}`;
    default:
      return undefined;
  }
}

/** The call as a readable transcript: phases, blocks, prompts, digits, variables and outcomes. */
export function formatCall(state: CallState): string {
  const lines = state.events.flatMap((e) => line(e) ?? []);
  const steps = state.trace.length;
  lines.push(
    `${steps} block(s) run; status ${state.status}${state.error ? `; error ${state.error.code}` : ''}`,
  );
  return lines.join('\n');
}
