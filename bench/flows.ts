import type { Application, BlockInstance } from '../schemas/application.generated.ts';

/** A linear Self Service flow of `count` blocks (assignments, segmentation, prompts), no input. */
export function linearFlow(count: number, id = 'bench-linear'): Application {
  const blocks: Record<string, BlockInstance> = {};
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? `b${i + 1}` : undefined;
    const kind = i % 3;
    blocks[`b${i}`] =
      kind === 0
        ? {
            type: 'assign-variables',
            typeVersion: 1,
            phase: 'selfService',
            properties: { assignments: [{ variable: 'counter', expression: 'counter + 1' }] },
            next: next ? { next } : {},
          }
        : kind === 1
          ? {
              type: 'segmentation',
              typeVersion: 1,
              phase: 'selfService',
              properties: { conditions: [{ label: 'big', expression: 'counter > 1000' }] },
              next: next ? { 'condition:1': next, default: next } : {},
            }
          : {
              type: 'play-message',
              typeVersion: 1,
              phase: 'selfService',
              properties: { prompts: [{ type: 'tts', value: 'Step {counter}' }] },
              next: next ? { next } : {},
            };
  }
  return {
    schemaVersion: 1,
    id,
    name: `Linear ${count}`,
    type: 'Default',
    variables: [{ name: 'counter', default: 0 }, { name: 'choice' }],
    phases: { initialize: null, selfService: 'b0', assistedService: null, finalize: null },
    blocks,
  };
}

/** A 10-step call: five blocks, a one-digit input, four more blocks. */
export function tenStepFlow(id = 'bench-ten'): Application {
  const flow = linearFlow(9, id);
  const b4 = flow.blocks.b4!;
  b4.next = Object.fromEntries(Object.keys(b4.next).map((outcome) => [outcome, 'ask']));
  flow.blocks.ask = {
    type: 'user-input',
    typeVersion: 1,
    phase: 'selfService',
    properties: { inputType: 'digits', minDigits: 1, maxDigits: 1, resultVariable: 'choice', retries: 0 },
    next: { next: 'b5', noInput: 'b5', noMatch: 'b5' },
  };
  return flow;
}

/** A wide application: `count` blocks in menus and branches, as a large real flow would be. */
export function largeFlow(count: number): Application {
  const flow = linearFlow(count, 'bench-large');
  return flow;
}
