import { describe, expect, it } from 'vitest';
import apiSchema from './api.schema.json' with { type: 'json' };
import { schemaValidator } from './validation/index.ts';

describe('API body schemas', () => {
  it.each(Object.keys(apiSchema.$defs))('compiles %s under strict Ajv', (name) => {
    expect(() => schemaValidator().validate(`${apiSchema.$id}#/$defs/${name}`, {})).not.toThrow();
  });
  it('reports every failing field of a body at once', () => {
    const issues = schemaValidator().validate(`${apiSchema.$id}#/$defs/testCallStart`, {
      ani: 'x',
      version: 0,
    });
    expect(issues.map((i) => i.pointer).sort()).toEqual(['/ani', '/version']);
  });
});
