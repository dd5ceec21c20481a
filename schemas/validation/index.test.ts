import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledSchemas, createSchemaValidator, schemaValidator } from './index.ts';

const schemasFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const validator = createSchemaValidator();

const application = () => ({
  schemaVersion: 1,
  id: 'support',
  name: 'Support',
  type: 'Default',
  variables: [],
  phases: { initialize: null, selfService: null, assistedService: null, finalize: null },
  blocks: {},
});

describe('schema validator', () => {
  it('preloads every schema in schemas/', () => {
    const files = readdirSync(schemasFolder).filter((name) => name.endsWith('.schema.json'));
    expect(bundledSchemas.map((s) => s.$id.split('/').pop()).sort()).toEqual(files.sort());
  });

  it('finds schemas by $id or by file name, and refuses unknown ones', () => {
    expect(validator.validate('https://ringback.dev/schemas/application.schema.json', application())).toEqual(
      [],
    );
    expect(validator.validate('application.schema.json', application())).toEqual([]);
    expect(validator.validate('api.schema.json#/$defs/loginRequest', { username: 'ada' })).toEqual([
      { pointer: '/password', message: 'is required' },
    ]);
    expect(() => validator.validate('nope.schema.json', {})).toThrow(/unknown schema/);
  });

  it('names the missing and the extra property in the pointer', () => {
    const { name: _, ...unnamed } = application();
    expect(validator.validate('application.schema.json', { ...unnamed, colour: 'red' })).toEqual([
      { pointer: '/name', message: 'is required' },
      { pointer: '/colour', message: 'is not allowed here' },
    ]);
  });

  it('writes readable messages for enums, constants and empty strings', () => {
    const issues = validator.validate('application.schema.json', {
      ...application(),
      schemaVersion: 2,
      type: 'Outbound',
      name: '',
    });
    expect(issues).toEqual([
      { pointer: '/schemaVersion', message: 'must be 1' },
      { pointer: '/name', message: 'must not be empty' },
      { pointer: '/type', message: "must be one of 'Default', 'Callback'" },
    ]);
  });

  it('reports the branch that mattered when no alternative of an anyOf matches', () => {
    const issues = validator.validate('application.schema.json', {
      ...application(),
      phases: { initialize: '1st', selfService: 3, assistedService: null, finalize: null },
    });
    expect(issues).toEqual([
      { pointer: '/phases/initialize', message: 'must match pattern "^[A-Za-z][A-Za-z0-9_-]{0,63}$"' },
      { pointer: '/phases/selfService', message: 'must be string or null' },
    ]);
  });

  it('reports a conditional requirement on its field, without the if/else summary', () => {
    const row = {
      virtualQueue: 'Sales_VQ',
      callbackApplication: 'a',
      businessHours: 'h',
      skillExpression: 'x',
    };
    expect(validator.validate('callback-settings.schema.json', row)).toEqual([
      { pointer: '/routingPoint', message: 'is required' },
    ]);
    expect(
      validator.validate('callback-settings.schema.json', { ...row, callDirection: 'USERORIGINATED' }),
    ).toEqual([]);
  });

  it('reports an invalid property name at that name', () => {
    const issues = validator.validate('application.schema.json', {
      ...application(),
      blocks: { '9lives': {} },
    });
    expect(issues[0]).toEqual({
      pointer: '/blocks/9lives',
      message: 'name must match pattern "^[A-Za-z][A-Za-z0-9_-]{0,63}$"',
    });
  });

  it('compiles block property schemas that use common definitions and x-ui, once per schema', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['prompts'],
      properties: {
        prompts: { $ref: 'https://ringback.dev/schemas/common.schema.json#/$defs/promptList' },
        label: { type: 'string', 'x-ui': { order: 1 } },
      },
    };
    const check = validator.compile(schema);
    expect(validator.compile(schema)).toBe(check);
    expect(check({ prompts: [{ type: 'tts', value: 'Hello' }] })).toEqual([]);
    expect(check({ prompts: [{ type: 'video', value: 'x' }] })).toEqual([
      { pointer: '/prompts/0/type', message: "must be one of 'tts', 'audio', 'variable'" },
    ]);
  });

  it('shares one validator across the process', () => {
    expect(schemaValidator()).toBe(schemaValidator());
  });
});
