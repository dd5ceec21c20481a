import { describe, expect, it } from 'vitest';
import callbackV2 from '../../../../blocks/callback-v2/definition.json' with { type: 'json' };
import { isVisible, type JsonSchema, orderedFields, resolve } from './json-schema.ts';

describe('property schema helpers', () => {
  it('resolves a reference to the common prompt list', () => {
    const root: JsonSchema = { type: 'object' };
    const list = resolve(
      { $ref: 'https://ringback.dev/schemas/common.schema.json#/$defs/promptList', title: 'Greeting' },
      root,
    );
    expect(list.type).toBe('array');
    expect(list.title).toBe('Greeting');
    expect(list['x-ui']?.widget).toBe('prompts');
    expect(resolve(list.items, root).properties?.type?.enum).toEqual(['tts', 'audio', 'variable']);
  });

  it('resolves local $defs of the block schema', () => {
    const root: JsonSchema = { $defs: { queue: { type: 'string', title: 'Queue' } } };
    expect(resolve({ $ref: '#/$defs/queue' }, root).title).toBe('Queue');
  });

  it('orders fields by x-ui order, then as declared', () => {
    const schema: JsonSchema = {
      properties: {
        b: { type: 'string' },
        a: { type: 'string', 'x-ui': { order: 1 } },
        c: { type: 'string' },
      },
    };
    expect(orderedFields(schema, schema).map(([name]) => name)).toEqual(['a', 'b', 'c']);
  });

  it('hides a field whose visibleIf condition does not hold', () => {
    const field: JsonSchema = {
      type: 'number',
      'x-ui': { visibleIf: { field: 'inputType', equals: 'digits' } },
    };
    expect(isVisible(field, { inputType: 'digits' })).toBe(true);
    expect(isVisible(field, { inputType: 'date' })).toBe(false);
  });

  it("shows Callback V2's caller-time fields only when the block asks the caller when", () => {
    const root = callbackV2.properties as JsonSchema;
    const visible = (siblings: Record<string, unknown>) =>
      orderedFields(root, root)
        .filter(([, field]) => isVisible(field, siblings))
        .map(([name]) => name);
    const asked = [
      'dayInputForm',
      'timeInputForm',
      'dayEntryPrompts',
      'timeEntryPrompts',
      'requestRefusedPrompts',
    ];
    const literal = { virtualQueueSource: 'literal' };
    expect(visible(literal)).toContain('askRequestedTime');
    expect(visible(literal)).not.toEqual(expect.arrayContaining(['dayInputForm']));
    expect(visible({ ...literal, askRequestedTime: true })).toEqual(expect.arrayContaining(asked));
    expect(visible({ ...literal, askRequestedTime: true })).not.toContain('amPmPrompts');
    expect(visible({ ...literal, askRequestedTime: true, timeInputForm: 'hhmm12' })).toContain('amPmPrompts');
    expect(resolve(root.properties?.dayEntryPrompts, root)['x-ui']?.widget).toBe('prompts');
  });
});
