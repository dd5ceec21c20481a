import { describe, expect, it } from 'vitest';
import type { Application, BlockInstance } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';
import { diffApplications } from './diff.ts';

const prompts = { $ref: 'https://ringback.dev/schemas/common.schema.json#/$defs/promptList' };
const definitions: Record<string, BlockDefinition> = {
  'play-message': {
    id: 'play-message',
    version: 1,
    title: 'Play Message',
    category: 'User Interaction',
    placement: [{ appType: 'Default', phases: ['selfService'] }],
    outcomes: [{ name: 'next', label: 'Next' }],
    promptFields: ['/prompts'],
    properties: { type: 'object', properties: { prompts: { ...prompts, title: 'Prompts' } } },
  },
  menu: {
    id: 'menu',
    version: 1,
    title: 'Menu',
    category: 'User Interaction',
    placement: [{ appType: 'Default', phases: ['selfService'] }],
    outcomes: [{ name: 'noInput', label: 'No input' }],
    dynamicOutcomes: 'menuOptions',
    promptFields: ['/prompts'],
    properties: {
      type: 'object',
      properties: {
        prompts: { ...prompts, title: 'Prompts' },
        options: { type: 'array', title: 'Options' },
        timeoutSeconds: { type: 'integer', title: 'No-input timeout (seconds)' },
      },
    },
  },
  segmentation: {
    id: 'segmentation',
    version: 1,
    title: 'Segmentation',
    category: 'Logic & Control',
    placement: [{ appType: 'Default', phases: ['selfService'] }],
    outcomes: [{ name: 'default', label: 'Default' }],
    dynamicOutcomes: 'segmentationConditions',
    expressionFields: ['/conditions/*/expression'],
    properties: {
      type: 'object',
      properties: {
        conditions: {
          type: 'array',
          title: 'Conditions',
          items: { type: 'object', properties: { expression: { type: 'string', title: 'Condition' } } },
        },
      },
    },
  },
  'route-call': {
    id: 'route-call',
    version: 1,
    title: 'Route Call',
    category: 'Routing',
    placement: [{ appType: 'Default', phases: ['assistedService'] }],
    outcomes: [{ name: 'routed', label: 'Routed' }],
    properties: {
      type: 'object',
      properties: {
        virtualQueue: { type: 'string', title: 'Virtual queue' },
        priority: {
          type: 'object',
          title: 'Priority',
          properties: { initial: { type: 'integer', title: 'Initial' } },
        },
      },
    },
  },
};

const block = (
  type: string,
  properties: object,
  next: Record<string, string> = {},
  label?: string,
): BlockInstance => ({
  type,
  typeVersion: 1,
  phase: type === 'route-call' ? 'assistedService' : 'selfService',
  properties,
  next,
  ...(label ? { label } : {}),
});

const tts = (value: string) => ({ type: 'tts', value });

const base: Application = {
  schemaVersion: 1,
  id: 'support',
  name: 'Support line',
  type: 'Default',
  variables: [{ name: 'Account', default: '' }],
  phases: { initialize: null, selfService: 'hello', assistedService: 'route', finalize: null },
  blocks: {
    hello: block('play-message', { prompts: [tts('Welcome')] }, { next: 'menu' }, 'Greeting'),
    menu: block(
      'menu',
      { prompts: [tts('Press 1')], options: [{ digit: '1', label: 'Sales' }], timeoutSeconds: 5 },
      {},
      'Main menu',
    ),
    vip: block('segmentation', { conditions: [{ expression: 'Account == "1"' }] }, {}, 'VIP?'),
    route: block('route-call', { virtualQueue: 'VQ_Sales', priority: { initial: 1 } }, {}, 'To sales'),
  },
  layout: {
    positions: {
      hello: { x: 0, y: 0 },
      menu: { x: 200, y: 0 },
      vip: { x: 400, y: 0 },
      route: { x: 0, y: 0 },
    },
  },
};

type Doc = Application;
const edit = (change: (doc: Doc) => void): Doc => {
  const doc = structuredClone(base);
  change(doc);
  return doc;
};
const summaries = (after: Doc) => diffApplications(base, after, definitions).map((c) => c.summary);

describe('version diff', () => {
  it('finds nothing between a document and its copy with keys in another order', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const copy = reversed(base) as Doc;
    expect(diffApplications(base, copy, definitions)).toEqual([]);
  });

  it('names added and removed blocks with their type and label', () => {
    const after = edit((d) => {
      delete d.blocks.vip;
      d.blocks.bye = block('play-message', { prompts: [] }, {}, 'Goodbye');
    });
    const changes = diffApplications(base, after, definitions);
    expect(changes.map((c) => [c.kind, c.blockId, c.summary])).toEqual([
      ['blockAdded', 'bye', 'Added Play Message “Goodbye” in Self Service'],
      ['blockRemoved', 'vip', 'Removed Segmentation “VIP?” from Self Service'],
    ]);
  });

  it('shows a changed prompt as its old and new text', () => {
    const after = edit((d) => {
      (d.blocks.hello!.properties as { prompts: unknown[] }).prompts = [
        tts('Hello there'),
        tts('Calls are recorded'),
      ];
    });
    expect(summaries(after)).toEqual([
      'Greeting › Prompts #1: “Welcome” → “Hello there”',
      'Greeting › Prompts #2 added: “Calls are recorded”',
    ]);
  });

  it('lists menu options added and removed by their key', () => {
    const after = edit((d) => {
      (d.blocks.menu!.properties as { options: unknown[] }).options = [{ digit: '2', label: 'Support' }];
    });
    const changes = diffApplications(base, after, definitions);
    expect(changes.map((c) => [c.kind, c.summary])).toEqual([
      ['optionAdded', 'Main menu: option 2 (Support) added'],
      ['optionRemoved', 'Main menu: option 1 (Sales) removed'],
    ]);
  });

  it('labels queue, expression and nested property changes with schema titles and paths', () => {
    const after = edit((d) => {
      d.blocks.route!.properties = { virtualQueue: 'VQ_Support', priority: { initial: 5 } };
      (d.blocks.vip!.properties as { conditions: { expression: string }[] }).conditions[0]!.expression =
        'Account == "2"';
      (d.blocks.menu!.properties as { timeoutSeconds: number }).timeoutSeconds = 10;
    });
    const changes = diffApplications(base, after, definitions);
    expect(changes.map((c) => [c.summary, c.path, c.topic])).toEqual([
      ['Main menu › No-input timeout (seconds): 5 → 10', '/blocks/menu/properties/timeoutSeconds', undefined],
      [
        'VIP? › Conditions #1 › Condition: “Account == "1"” → “Account == "2"”',
        '/blocks/vip/properties/conditions/0/expression',
        'expression',
      ],
      [
        'To sales › Virtual queue: “VQ_Sales” → “VQ_Support”',
        '/blocks/route/properties/virtualQueue',
        'queue',
      ],
      ['To sales › Priority › Initial: 1 → 5', '/blocks/route/properties/priority/initial', undefined],
    ]);
  });

  it('tells a block that only moved from one whose links changed', () => {
    const after = edit((d) => {
      d.layout!.positions!.vip = { x: 420, y: 80 };
      d.blocks.hello!.next = { next: 'vip' };
      d.blocks.menu!.next = { 'option:1': 'vip' };
    });
    const changes = diffApplications(base, after, definitions);
    expect(changes.map((c) => [c.kind, c.summary])).toEqual([
      ['blockRewired', 'Greeting › Next now goes to VIP? (was Main menu)'],
      ['blockRewired', 'Main menu › 1: Sales now goes to VIP?'],
      ['blockMoved', 'VIP? moved (layout only)'],
    ]);
  });

  it('reports variables added, removed and changed, and a new phase start', () => {
    const after = edit((d) => {
      d.variables = [
        { name: 'Account', default: '0000' },
        { name: 'Language', default: 'en' },
      ];
      d.phases.selfService = 'menu';
    });
    expect(summaries(after)).toEqual([
      'Self Service now starts at Main menu (was Greeting)',
      'Variable Account default: “” → “0000”',
      'Variable Language added (default “en”)',
    ]);
    const removed = edit((d) => {
      d.variables = [];
    });
    expect(summaries(removed)).toEqual(['Variable Account removed']);
  });
});
