import { describe, expect, it } from 'vitest';
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
});
