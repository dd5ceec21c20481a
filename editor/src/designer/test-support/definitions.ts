/** Block definitions shaped like the runtime's, for editor unit tests. */
import type { RunnableBlockDefinition } from '../../api/types.ts';

export const playMessage: RunnableBlockDefinition = {
  id: 'play-message',
  version: 1,
  title: 'Play Message',
  category: 'User Interaction',
  placement: [
    { appType: 'Default', phases: ['selfService', 'assistedService'] },
    { appType: 'Callback', phases: ['selfService', 'assistedService'] },
  ],
  outcomes: [{ name: 'next', label: 'Next' }],
  properties: {
    type: 'object',
    properties: {
      prompts: { $ref: 'https://ringback.dev/schemas/common.schema.json#/$defs/promptList' },
      disableBargeIn: { type: 'boolean', default: false },
    },
  },
  runnable: true,
};

export const menu: RunnableBlockDefinition = {
  id: 'menu',
  version: 1,
  title: 'Menu',
  category: 'User Interaction',
  placement: [{ appType: 'Default', phases: ['selfService', 'assistedService'] }],
  outcomes: [
    { name: 'noInput', label: 'No input' },
    { name: 'noMatch', label: 'No match' },
  ],
  dynamicOutcomes: 'menuOptions',
  properties: {
    type: 'object',
    properties: {
      options: {
        type: 'array',
        title: 'Options',
        default: [{ digit: '1', label: 'Sales' }],
        items: { type: 'object', properties: { digit: { type: 'string' }, label: { type: 'string' } } },
      },
    },
  },
  runnable: true,
};

export const terminate: RunnableBlockDefinition = {
  id: 'terminate-call',
  version: 1,
  title: 'Terminate Call',
  category: 'Logic & Control',
  placement: [{ appType: 'Default', phases: ['initialize', 'selfService', 'assistedService'] }],
  outcomes: [],
  endsCall: true,
  properties: { type: 'object', properties: {} },
  runnable: true,
};

export const definitions = [playMessage, menu, terminate];
