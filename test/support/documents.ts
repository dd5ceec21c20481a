import type { Application } from '../../schemas/application.generated.ts';

/** A minimal valid Default application: a menu that plays a message per option and ends. */
export function menuApplication(id: string, greeting = 'Hello'): Application {
  return {
    schemaVersion: 1,
    id,
    name: `Menu ${id}`,
    type: 'Default',
    variables: [{ name: 'choice', default: '' }],
    phases: { initialize: null, selfService: 'greet', assistedService: null, finalize: null },
    blocks: {
      greet: {
        type: 'play-message',
        typeVersion: 1,
        phase: 'selfService',
        properties: { prompts: [{ type: 'tts', value: greeting }] },
        next: { next: 'menu' },
      },
      menu: {
        type: 'menu',
        typeVersion: 1,
        phase: 'selfService',
        properties: {
          prompts: [{ type: 'tts', value: 'Press 1 or 2.' }],
          options: [
            { digit: '1', label: 'One' },
            { digit: '2', label: 'Two' },
          ],
          timeoutSeconds: 5,
          retries: 1,
        },
        next: { 'option:1': 'one', 'option:2': 'two', noInput: 'bye', noMatch: 'bye' },
      },
      one: {
        type: 'assign-variables',
        typeVersion: 1,
        phase: 'selfService',
        properties: { assignments: [{ variable: 'choice', expression: "'one'" }] },
        next: { next: 'bye' },
      },
      two: {
        type: 'assign-variables',
        typeVersion: 1,
        phase: 'selfService',
        properties: { assignments: [{ variable: 'choice', expression: "'two'" }] },
        next: { next: 'bye' },
      },
      bye: {
        type: 'play-message',
        typeVersion: 1,
        phase: 'selfService',
        properties: { prompts: [{ type: 'tts', value: 'You chose {choice}. Goodbye.' }] },
        next: {},
      },
    },
  };
}
