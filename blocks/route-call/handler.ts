import type { BlockContext, BlockHandler, BlockResult, JsonValue, RouteRequest } from '../contract.ts';
import type { RouteCallProperties } from './properties.generated.ts';

type Context = BlockContext<RouteCallProperties>;

interface Waiting {
  virtualQueue: string;
  /** When the wait ends, so a resume by another signal waits only for what is left. */
  deadlineMs: number;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function requestOf(context: Context): RouteRequest {
  const { properties } = context;
  const base = { priority: properties.priority ?? 0, timeoutSeconds: properties.timeoutSeconds ?? 300 };
  if (properties.routingType === 'systemVariables') {
    const priority = context.getVariable('RoutingPriority');
    return {
      ...base,
      virtualQueue: text(context.getVariable('RoutingVirtualQueue')),
      skillExpression: text(context.getVariable('RoutingSkillExpression')),
      priority: typeof priority === 'number' ? priority : base.priority,
    };
  }
  if (properties.valueSource === 'variable') {
    const { virtualQueueVariable, skillExpressionVariable } = properties;
    return {
      ...base,
      virtualQueue: virtualQueueVariable === undefined ? '' : text(context.getVariable(virtualQueueVariable)),
      skillExpression:
        skillExpressionVariable === undefined ? '' : text(context.getVariable(skillExpressionVariable)),
    };
  }
  return {
    ...base,
    virtualQueue: properties.virtualQueue ?? '',
    skillExpression: properties.skillExpression ?? '',
  };
}

function routed(context: Context, virtualQueue: string, agentId: string): BlockResult {
  context.setVariable('RoutingVirtualQueue', virtualQueue);
  context.setVariable('RoutingAgentId', agentId);
  return { kind: 'outcome', outcome: 'routed' };
}

function waitFor(waiting: Waiting, nowMs: number): BlockResult {
  const timeoutSeconds = Math.max(0, Math.ceil((waiting.deadlineMs - nowMs) / 1000));
  return { kind: 'wait', event: 'routed', timeoutSeconds, state: { ...waiting } };
}

async function start(context: Context): Promise<BlockResult> {
  const request = requestOf(context);
  if (request.virtualQueue === '') {
    return { kind: 'error', code: 'RESOURCE_MISSING', message: 'no virtual queue to route the call to' };
  }
  const result = await context.services.routing.route(context.callId, request);
  if (result.kind === 'error') return { kind: 'error', code: result.code, message: result.message };
  if (result.kind === 'routed') return routed(context, result.virtualQueue, result.agentId);
  context.play(context.properties.treatmentPrompts ?? []);
  const deadlineMs = context.now().toMillis() + request.timeoutSeconds * 1000;
  return waitFor({ virtualQueue: result.virtualQueue, deadlineMs }, context.now().toMillis());
}

function resume(context: Context, waiting: Waiting): BlockResult {
  const signal = context.resume;
  if (signal?.kind === 'event' && signal.name === 'routed') {
    const data = signal.data as { agentId?: JsonValue } | null;
    return routed(context, waiting.virtualQueue, text(data?.agentId));
  }
  if (signal?.kind === 'timeout' || context.now().toMillis() >= waiting.deadlineMs) {
    return { kind: 'outcome', outcome: 'timeout' };
  }
  // Digits or other events do not end the wait.
  return waitFor(waiting, context.now().toMillis());
}

export const routeCall: BlockHandler<RouteCallProperties> = (context) =>
  context.resume === undefined ? start(context) : resume(context, context.state as unknown as Waiting);
