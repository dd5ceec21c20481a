/**
 * A harness for handler tests: a real BlockContext over a plain variable map, the real
 * expression evaluator, prompts recorded as the text the caller would hear, and small
 * in-process services the test passes in. No mocking library.
 */
import { DateTime } from 'luxon';
import { evaluate, mapScope, renderTemplate, toText } from '../runtime/expressions/index.ts';
import type { Prompt } from '../schemas/common.generated.ts';
import type {
  BlockContext,
  BlockHandler,
  BlockResult,
  BlockServices,
  BusinessHoursStatus,
  JsonValue,
  ResumeSignal,
  RouteRequest,
  RouteResult,
} from './contract.ts';

export interface HarnessOptions<Properties> {
  properties: Properties;
  variables?: Record<string, unknown>;
  /** The clock's instant (ISO 8601); default 2025-03-14T09:30:00Z, a Friday. */
  now?: string;
  /** Outcomes linked to a next block; by default every outcome is. */
  connected?: readonly string[];
  services?: Partial<BlockServices>;
  appType?: 'Default' | 'Callback';
}

export interface Played {
  /** Prompts as the caller hears them: tts rendered, variables evaluated, audio as [audio:name]. */
  texts: string[];
  bargeIn: boolean;
}

const noServices: BlockServices = {
  businessHours: { status: async () => undefined },
  routing: { route: async () => ({ kind: 'error', code: 'NO_ROUTER', message: 'no router in this test' }) },
};

export class BlockHarness<Properties> {
  readonly variables: Map<string, unknown>;
  readonly played: Played[] = [];
  digitBufferClears = 0;
  private state: JsonValue | undefined;
  private readonly nowMs: number;

  constructor(
    private readonly handler: BlockHandler<Properties>,
    private readonly options: HarnessOptions<Properties>,
  ) {
    this.variables = new Map(Object.entries({ Timezone: 'UTC', ...options.variables }));
    this.nowMs = DateTime.fromISO(options.now ?? '2025-03-14T09:30:00Z').toMillis();
  }

  /** Runs the block from its start. */
  start(): Promise<BlockResult> {
    this.state = undefined;
    return this.step(undefined);
  }

  /** Resumes the block after the wait it last asked for. */
  resume(signal: ResumeSignal): Promise<BlockResult> {
    if (this.state === undefined) throw new Error('the block is not waiting');
    return this.step(signal);
  }

  /** Every prompt text played so far, in order. */
  heard(): string[] {
    return this.played.flatMap((p) => p.texts);
  }

  private async step(resume: ResumeSignal | undefined): Promise<BlockResult> {
    const result = await this.handler(this.context(resume));
    // A result must survive the session being saved while the call waits.
    const copy = JSON.parse(JSON.stringify(result)) as BlockResult;
    this.state = copy.kind === 'wait' ? copy.state : undefined;
    return copy;
  }

  private context(resume: ResumeSignal | undefined): BlockContext<Properties> {
    const scope = mapScope(this.variables, { nowMs: () => this.nowMs });
    const { connected } = this.options;
    return {
      callId: 'call-1',
      blockId: 'block-1',
      properties: this.options.properties,
      appType: this.options.appType ?? 'Default',
      resume,
      state: this.state,
      now: () => DateTime.fromMillis(this.nowMs, { zone: scope.timeZone() }),
      evaluate: (expression) => evaluate(expression, scope),
      getVariable: (name) => this.variables.get(name),
      setVariable: (name, value) => this.variables.set(name, value),
      play: (prompts, options) => {
        const texts = prompts.map((prompt) => this.speak(prompt, (source) => evaluate(source, scope), scope));
        this.played.push({ texts, bargeIn: options?.bargeIn ?? true });
      },
      clearDigitBuffer: () => {
        this.digitBufferClears += 1;
      },
      isConnected: (outcome) => connected === undefined || connected.includes(outcome),
      services: { ...noServices, ...this.options.services },
    };
  }

  private speak(
    prompt: Prompt,
    run: (source: string) => unknown,
    scope: ReturnType<typeof mapScope>,
  ): string {
    if (prompt.type === 'audio') return `[audio:${prompt.value}]`;
    if (prompt.type === 'variable') return toText(run(prompt.value));
    return renderTemplate(prompt.value, scope);
  }
}

export function harness<Properties>(
  handler: BlockHandler<Properties>,
  options: HarnessOptions<Properties>,
): BlockHarness<Properties> {
  return new BlockHarness(handler, options);
}

export function tts(...texts: string[]): Prompt[] {
  return texts.map((value) => ({ type: 'tts', value }));
}

type StatusAt = (atMs: number, timeZoneOverride?: string) => BusinessHoursStatus;

export interface BusinessHoursQuery {
  name: string;
  atMs: number;
  timeZoneOverride?: string;
}

/**
 * Business hours by resource name, each a fixed status or one computed from the instant;
 * the queries it was asked are kept in `calls`.
 */
export function businessHoursTable(
  table: Record<string, BusinessHoursStatus | StatusAt>,
): BlockServices['businessHours'] & { calls: BusinessHoursQuery[] } {
  const calls: BusinessHoursQuery[] = [];
  return {
    calls,
    status: async (name, atMs, timeZoneOverride) => {
      calls.push({ name, atMs, ...(timeZoneOverride === undefined ? {} : { timeZoneOverride }) });
      if (!Object.hasOwn(table, name)) return undefined;
      const entry = table[name]!;
      return typeof entry === 'function' ? entry(atMs, timeZoneOverride) : entry;
    },
  };
}

/**
 * A router over fixed agent pools: a call to a queue with a free agent is routed at once, else
 * it is queued behind earlier calls; an unknown queue is an error.
 */
type RoutingService = BlockServices['routing'];

export class InProcessRouter implements RoutingService {
  readonly requests: RouteRequest[] = [];
  private readonly waiting = new Map<string, string[]>();

  constructor(private readonly freeAgents: Record<string, string[]>) {}

  async route(callId: string, request: RouteRequest): Promise<RouteResult> {
    this.requests.push(request);
    const agents = this.freeAgents[request.virtualQueue];
    if (agents === undefined) {
      return { kind: 'error', code: 'UNKNOWN_QUEUE', message: `no virtual queue ${request.virtualQueue}` };
    }
    const agentId = agents.shift();
    if (agentId !== undefined) return { kind: 'routed', agentId, virtualQueue: request.virtualQueue };
    const queue = this.waiting.get(request.virtualQueue) ?? [];
    queue.push(callId);
    this.waiting.set(request.virtualQueue, queue);
    return { kind: 'queued', virtualQueue: request.virtualQueue, position: queue.length };
  }
}
