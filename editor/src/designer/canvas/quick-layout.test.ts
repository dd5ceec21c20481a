import { describe, expect, it } from 'vitest';
import { newApplication } from '../flow/new-application.ts';
import { COLUMNS_PER_BAND, missingPositions } from './quick-layout.ts';

function chain(count: number) {
  const doc = newApplication('Imported', 'Default', 'imported');
  for (let i = 0; i < count; i++) {
    doc.blocks[`b${i}`] = {
      type: 'play-message',
      typeVersion: 1,
      phase: 'selfService',
      properties: { prompts: [{ type: 'tts', value: `Step ${i}` }] },
      next: i + 1 < count ? { next: `b${i + 1}` } : {},
    };
  }
  doc.phases.selfService = 'b0';
  return doc;
}

describe('missingPositions', () => {
  it('lays a chain out left to right from the phase start, no two blocks on one spot', () => {
    const positions = missingPositions(chain(4), () => 60);
    const xs = ['b0', 'b1', 'b2', 'b3'].map((id) => positions[id]!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(Object.values(positions).map((p) => `${p.x},${p.y}`)).size).toBe(4);
  });

  it('stacks branches of one column and places blocks nothing links to', () => {
    const doc = chain(2);
    doc.blocks.b0!.next = { next: 'b1' };
    doc.blocks.orphan = { ...doc.blocks.b1!, next: {} };
    const positions = missingPositions(doc, () => 60);
    expect(Object.keys(positions).sort()).toEqual(['b0', 'b1', 'orphan']);
    expect(positions.orphan!.y).not.toBe(positions.b0!.y);
  });

  it('leaves placed blocks alone and puts new ones below them', () => {
    const doc = chain(2);
    doc.layout = { positions: { b0: { x: 40, y: 300 } } };
    const positions = missingPositions(doc, () => 60);
    expect(Object.keys(positions)).toEqual(['b1']);
    expect(positions.b1!.y).toBeGreaterThan(300);
  });

  it('wraps a long chain into bands below one another instead of one long row', () => {
    const positions = missingPositions(chain(1000), () => 60);
    expect(Object.keys(positions)).toHaveLength(1000);
    const xs = new Set(Object.values(positions).map((p) => p.x));
    const ys = new Set(Object.values(positions).map((p) => p.y));
    expect(xs.size).toBe(COLUMNS_PER_BAND);
    expect(ys.size).toBe(Math.ceil(1000 / COLUMNS_PER_BAND));
    expect(new Set(Object.values(positions).map((p) => `${p.x},${p.y}`)).size).toBe(1000);
    // Band after band, top to bottom: step 16 starts the second band, under the first one.
    expect(positions.b16!.x).toBe(positions.b0!.x);
    expect(positions.b16!.y).toBeGreaterThan(positions.b15!.y + 60);
  });
});
