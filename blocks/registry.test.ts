import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { outcomesOf } from '../schemas/flow/outcomes.ts';
import { blockDefinitions, blockRegistry, findBlock } from './registry.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path: string) =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addKeyword('x-ui');
  ajv.addSchema(readJson('schemas/common.schema.json'));
  return ajv;
}

type Schema = { properties?: Record<string, { default?: unknown }>; required?: string[] };

/** A new block as the editor creates it: each top-level property's default. */
function defaultsOf(schema: Schema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).flatMap(([name, property]) =>
      property.default === undefined ? [] : [[name, property.default]],
    ),
  );
}

const definitions = blockDefinitions();

describe('block registry', () => {
  it('lists every block folder that has a definition', () => {
    const folders = readdirSync(join(root, 'blocks'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .filter((entry) => readdirSync(join(root, 'blocks', entry.name)).includes('definition.json'))
      .map((entry) => entry.name)
      .sort();
    expect([...blockRegistry.keys()].sort()).toEqual(folders);
  });

  it('finds blocks by id', () => {
    expect(findBlock('menu')?.handler).toBeTypeOf('function');
    expect(findBlock('callback-v2')?.handler).toBeTypeOf('function');
    expect(findBlock('click-to-call-in-match')?.handler).toBeTypeOf('function');
    expect(findBlock('nope')).toBeUndefined();
  });

  it.each(definitions.map((d) => [d.id, d] as const))(
    '%s definition matches the block-definition schema',
    (_, definition) => {
      const validate = newAjv().compile(readJson('schemas/block-definition.schema.json'));
      expect(validate(definition), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it.each(definitions.map((d) => [d.id, d] as const))(
    '%s properties schema compiles, with a title and help on every property',
    (_, definition) => {
      const schema = definition.properties as Schema & { additionalProperties?: unknown };
      expect(schema.additionalProperties).toBe(false);
      newAjv().compile(schema);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(property, name).toHaveProperty('title');
        expect(property, name).toHaveProperty('description');
      }
    },
  );

  it.each(definitions.map((d) => [d.id, d] as const))(
    '%s defaults are valid, leaving only fields the designer must fill in',
    (_, definition) => {
      const schema = definition.properties as Schema;
      const validate = newAjv().compile(schema);
      validate(defaultsOf(schema));
      // A fresh block may lack required fields that have no sensible default (a result variable,
      // a queue); nothing else may be wrong with it.
      const wrong = (validate.errors ?? []).filter(
        (error: ErrorObject) => !(error.keyword === 'required' || error.keyword === 'if'),
      );
      expect(wrong).toEqual([]);
    },
  );

  it.each(definitions.map((d) => [d.id, d] as const))(
    '%s names its fields in tabs that exist',
    (_, definition) => {
      const names = Object.keys((definition.properties as Schema).properties ?? {});
      for (const tab of definition.ui?.tabs ?? []) {
        for (const field of tab.fields) expect(names, `${tab.id}.${field}`).toContain(field);
      }
    },
  );

  it.each(definitions.map((d) => [d.id, d] as const))(
    '%s lists jumpsToFinalize among its outcomes',
    (_, definition) => {
      const outcomes = outcomesOf(definition, {}).map((o) => o.name);
      for (const name of definition.jumpsToFinalize ?? []) expect(outcomes).toContain(name);
    },
  );

  it('gives a handler to every runnable block', () => {
    const runnable = definitions.filter((d) => findBlock(d.id)?.handler !== undefined).map((d) => d.id);
    expect(runnable.sort()).toEqual([
      'assign-variables',
      'business-hours',
      'callback-v2',
      'click-to-call-in-match',
      'menu',
      'play-message',
      'route-call',
      'segmentation',
      'terminate-call',
      'user-input',
    ]);
  });
});
