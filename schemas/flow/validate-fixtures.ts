/**
 * Small documents for the validator's tests: a valid Default application that each test bends
 * to break one rule. Pure data, so it imports nothing from blocks/.
 */
import type { Application, BlockInstance, Phase } from '../application.generated.ts';
import type { FlowIssue } from './validate-issues.ts';

export function instance(
  type: string,
  phase: Phase,
  properties: Record<string, unknown> = {},
  next: Record<string, string> = {},
): BlockInstance {
  return { type, typeVersion: 1, phase, properties, next };
}

/** Welcome prompt, a question into Choice, then hang up: valid and warning-free. */
export function validApplication(): Application {
  return {
    schemaVersion: 1,
    id: 'support',
    name: 'Support line',
    type: 'Default',
    variables: [{ name: 'Choice' }],
    phases: { initialize: null, selfService: 'welcome', assistedService: null, finalize: null },
    blocks: {
      welcome: instance(
        'play-message',
        'selfService',
        { prompts: [{ type: 'tts', value: 'Hello {ANI}' }] },
        { next: 'ask' },
      ),
      ask: instance(
        'user-input',
        'selfService',
        { resultVariable: 'Choice', prompts: [{ type: 'audio', value: 'ask-choice' }] },
        { next: 'bye', noInput: 'bye', noMatch: 'bye' },
      ),
      bye: instance('terminate-call', 'selfService'),
    },
  };
}

/** The valid application after `edit`. */
export function edited(edit: (application: Application) => void): Application {
  const application = validApplication();
  edit(application);
  return application;
}

/** Issues as code@pointer (block), compact enough to compare whole lists. */
export function summary(issues: readonly FlowIssue[]): string[] {
  return issues.map((i) => `${i.code}@${i.pointer ?? ''}${i.blockId ? ` (${i.blockId})` : ''}`);
}

/** A chain of `count` blocks in Self Service, with expressions, prompts and a loop back through input. */
export function generatedApplication(count: number): Application {
  const application: Application = {
    schemaVersion: 1,
    id: 'generated',
    name: `Generated ${count}`,
    type: 'Default',
    variables: [{ name: 'Counter', default: 0 }, { name: 'Choice' }, { name: 'Greeting' }],
    phases: { initialize: null, selfService: 'b0', assistedService: null, finalize: null },
    blocks: {},
  };
  const id = (index: number) => `b${index}`;
  for (let index = 0; index < count; index++) {
    const next = index + 1 < count ? id(index + 1) : id(0);
    application.blocks[id(index)] = generatedBlock(index, next);
  }
  return application;
}

function generatedBlock(index: number, next: string): BlockInstance {
  switch (index % 4) {
    case 0:
      return instance(
        'assign-variables',
        'selfService',
        { assignments: [{ variable: 'Counter', expression: `Counter + ${index}` }] },
        { next },
      );
    case 1:
      return instance(
        'play-message',
        'selfService',
        { prompts: [{ type: 'tts', value: `Step ${index} for {ANI}, count {Counter}` }] },
        { next },
      );
    case 2:
      return instance(
        'segmentation',
        'selfService',
        { conditions: [{ label: 'High', expression: `Counter > ${index}` }] },
        { 'condition:1': next, default: next },
      );
    default:
      return instance(
        'user-input',
        'selfService',
        { resultVariable: 'Choice', prompts: [{ type: 'variable', value: 'Greeting' }] },
        { next, noInput: next, noMatch: next },
      );
  }
}
