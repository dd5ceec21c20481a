/** An ExpressionScope over a plain Map of variables: for tests, the simulator and tools. */
import type { ExpressionScope } from './scope.ts';

export interface MapScopeOptions {
  nowMs?: () => number;
  /** Defaults to the Timezone variable, then UTC. */
  timeZone?: string;
}

export function mapScope(
  variables: ReadonlyMap<string, unknown>,
  options: MapScopeOptions = {},
): ExpressionScope {
  return {
    get: (name) => variables.get(name),
    has: (name) => variables.has(name),
    nowMs: options.nowMs ?? (() => Date.now()),
    timeZone: () => options.timeZone ?? (variables.get('Timezone') as string | undefined) ?? 'UTC',
  };
}
