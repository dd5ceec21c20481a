import { describe, expect, it } from 'vitest';
import * as ops from '../flow/document-ops.ts';
import { newApplication } from '../flow/new-application.ts';
import { menu, playMessage, terminate } from '../test-support/definitions.ts';
import { keyboardPlacement, ROW_GAP } from './keyboard-placement.ts';

describe('adding a block from the palette with the keyboard', () => {
  it('uses the first phase the block is allowed in when nothing is selected', () => {
    const doc = newApplication('Support', 'Default', 'support');
    expect(keyboardPlacement(doc, playMessage, [])).toEqual({
      phase: 'selfService',
      position: { x: 40, y: 60 },
    });
    expect(keyboardPlacement(doc, terminate, [])?.phase).toBe('initialize');
  });

  it("goes into the selected block's phase, below the lowest block there", () => {
    let doc = newApplication('Support', 'Default', 'support');
    const a = ops.addBlock(doc, playMessage, 'assistedService', { x: 40, y: 60 });
    const b = ops.addBlock(a.doc, playMessage, 'assistedService', { x: 300, y: 200 });
    doc = b.doc;
    expect(keyboardPlacement(doc, menu, [a.id])).toEqual({
      phase: 'assistedService',
      position: { x: 40, y: 200 + ROW_GAP },
    });
  });

  it("falls back when the selected block's phase does not allow the block", () => {
    const start = newApplication('Support', 'Default', 'support');
    const t = ops.addBlock(start, terminate, 'initialize', { x: 40, y: 60 });
    expect(keyboardPlacement(t.doc, playMessage, [t.id])?.phase).toBe('selfService');
  });
});
