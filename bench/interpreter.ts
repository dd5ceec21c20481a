/**
 * Interpreter throughput: block executions a second on a 50-block flow, in-process, one core.
 * Baseline: the same handlers called directly in a loop, without the interpreter around them.
 */
import { blockRegistry } from '../blocks/registry.ts';
import { inMemoryServices } from '../runtime/calls/scripted-call.ts';
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
      if (state.status !== 'ended' || state.error || state.trace.length !== 50)
        throw new Error('the bench call went wrong');
      blocks += state.trace.length;
    }
    return blocks;
  };
  await run(200);
  const started = performance.now();
  const executed = await run(4000);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = executed / seconds;

  // Baseline: the same 50 steps hand-written in plain JavaScript (no interpreter, no expression
  // engine), still recording a trace entry and an event per step as the interpreter does.
  const native = (calls: number) => {
    let n = 0;
    for (let c = 0; c < calls; c++) {
      let counter = 0;
      const trace: { step: number; outcome: string }[] = [];
      const events: { type: string; text?: string }[] = [];
      for (let i = 0; i < 50; i++) {
        const kind = i % 3;
        if (kind === 0) counter += 1;
        else if (kind === 1) events.push({ type: counter > 1000 ? 'big' : 'default' });
        else events.push({ type: 'prompt', text: `Step ${counter}` });
        trace.push({ step: i, outcome: 'next' });
        n++;
      }
    }
    return n;
  };
  native(2000);
  const baseStart = performance.now();
  const baseCount = native(40_000);
  const baseline = baseCount / ((performance.now() - baseStart) / 1000);
  report.figure('interpreter: block executions / s (50-block flow)', perSecond, {
    target: '≥ 200,000',
    ok: perSecond >= 200_000,
  });
  report.figure('  baseline: the same steps as plain JavaScript / s', baseline);
  report.ratio('  interpreter ÷ plain JavaScript', perSecond / baseline);
}
