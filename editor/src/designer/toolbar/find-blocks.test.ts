import { describe, expect, it } from 'vitest';
import { newApplication } from '../flow/new-application.ts';
import { definitions } from '../test-support/definitions.ts';
import { findBlocks } from './find-blocks.ts';

const byId = Object.fromEntries(definitions.map((d) => [d.id, d]));

describe('findBlocks', () => {
  const doc = newApplication('Find', 'Default', 'find');
  doc.blocks = {
    greet: {
      type: 'play-message',
      typeVersion: 1,
      phase: 'selfService',
      label: 'Welcome',
      properties: { prompts: [{ type: 'tts', value: 'Hello there' }] },
      next: {},
    },
    menu: { type: 'menu', typeVersion: 1, phase: 'selfService', properties: { prompts: [] }, next: {} },
  };

  it('finds by label, property text and block title, ignoring case', () => {
    expect(findBlocks(doc, byId, 'welcome')).toEqual(['greet']);
    expect(findBlocks(doc, byId, 'HELLO')).toEqual(['greet']);
    expect(findBlocks(doc, byId, byId.menu!.title)).toContain('menu');
  });

  it('finds nothing for an empty query', () => {
    expect(findBlocks(doc, byId, '  ')).toEqual([]);
  });
});
