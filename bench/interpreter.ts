/**
 * Interpreter throughput: block executions a second on a 50-block flow, in-process, one core.
 * Baseline: the same handlers called directly in a loop, without the interpreter around them.
 */
import type { BlockContext } from '../blocks/contract.ts';
import { blockRegistry } from '../blocks/registry.ts';
import { inMemoryServices } from '../runtime/calls/scripted-call.ts';
import { evaluate, mapScope } from '../runtime/expressions/index.ts';
import { startCall } from '../runtime/interpreter/call.ts';
import type { RunEnvironment } from '../runtime/interpreter/run.ts';
import { linearFlow } from './flows.ts';
import type { Report } from './report.ts';

export async function benchInterpreter(report: Report): Promise<void> {
  const application = linearFlow(50);
  const env: RunEnvironment = {
    application,
    blocks: blockRegistry,
    services: inMemoryServices([]),
    now: () => 0,
  };
  const run = async (calls: number) => {
    let blocks = 0;
    for (let i = 0; i < calls; i++) {
      const state = await startCall(
        application,
        { id: `c${i}`, tenantId: 't', version: 1, ani: '1', dnis: '2' },
        env,
      );
      blocks += state.trace.length;
    }
    return blocks;
  };
  await run(200);
  const started = performance.now();
  const executed = await run(4000);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = executed / seconds;

  // Baseline: the handlers alone, with a bare context.
  const variables = new Map<string, unknown>([['counter', 0]]);
  const scope = mapScope(variables);
  const order = Object.values(application.blocks);
  const direct = async (rounds: number) => {
    let n = 0;
    for (let r = 0; r < rounds; r++) {
      for (const instance of order) {
        const handler = blockRegistry.get(instance.type)!.handler!;
        const context = {
          properties: instance.properties,
          evaluate: (e: string) => evaluate(e, scope),
          getVariable: (k: string) => variables.get(k),
          setVariable: (k: string, v: unknown) => variables.set(k, v),
          play: () => {},
          isConnected: () => true,
        } as unknown as BlockContext<unknown>;
        await handler(context);
        n++;
      }
    }
    return n;
  };
  await direct(200);
  const baseStart = performance.now();
  const baseCount = await direct(4000);
  const baseline = baseCount / ((performance.now() - baseStart) / 1000);
  report.figure('interpreter: block executions / s (50-block flow)', perSecond, {
    target: '≥ 200,000',
    ok: perSecond >= 200_000,
  });
  report.figure('  baseline: handlers called directly / s', baseline);
  report.ratio('  interpreter ÷ bare handlers', perSecond / baseline);
}
