import { describe, expect, it } from 'vitest';
import { outcomesOf } from './outcomes.ts';

const names = (ports: { name: string }[]) => ports.map((p) => p.name);

describe('outcomesOf', () => {
  it('lists fixed outcomes of a block without dynamic ones', () => {
    expect(outcomesOf({ outcomes: [{ name: 'next', label: 'Next' }] }, {})).toEqual([
      { name: 'next', label: 'Next' },
    ]);
  });

  it('puts one port per menu option before the fixed ones, spelling out * and #', () => {
    const definition = {
      dynamicOutcomes: 'menuOptions' as const,
      outcomes: [
        { name: 'noInput', label: 'No input' },
        { name: 'noMatch', label: 'No match' },
      ],
    };
    const ports = outcomesOf(definition, {
      options: [
        { digit: '1', label: 'Sales' },
        { digit: '*' },
        { digit: '#', label: '' },
        { digit: '1' },
        { digit: 'x' },
      ],
    });
    expect(ports).toEqual([
      { name: 'option:1', label: '1: Sales' },
      { name: 'option:star', label: 'Press *' },
      { name: 'option:hash', label: 'Press #' },
      { name: 'noInput', label: 'No input' },
      { name: 'noMatch', label: 'No match' },
    ]);
  });

  it('names segmentation ports by position and labels them by the condition label', () => {
    const definition = {
      dynamicOutcomes: 'segmentationConditions' as const,
      outcomes: [{ name: 'default', label: 'Default' }],
    };
    expect(
      outcomesOf(definition, { conditions: [{ label: 'VIP', expression: 'vip' }, { expression: 'x' }] }),
    ).toEqual([
      { name: 'condition:1', label: 'VIP' },
      { name: 'condition:2', label: 'Condition 2' },
      { name: 'default', label: 'Default' },
    ]);
  });

  it('gives seven match ports for three criteria, fewest criteria first', () => {
    const definition = {
      dynamicOutcomes: 'matchCombinations' as const,
      outcomes: [{ name: 'nothingMatched', label: 'Nothing matched' }],
    };
    expect(names(outcomesOf(definition, { matchCriteria: ['dnis', 'accessCode', 'ani'] }))).toEqual([
      'match:accessCode',
      'match:ani',
      'match:dnis',
      'match:accessCode+ani',
      'match:accessCode+dnis',
      'match:ani+dnis',
      'match:accessCode+ani+dnis',
      'nothingMatched',
    ]);
    expect(names(outcomesOf(definition, { matchCriteria: ['ani'] }))).toEqual([
      'match:ani',
      'nothingMatched',
    ]);
  });

  it('tolerates incomplete properties while the designer edits', () => {
    const definition = { dynamicOutcomes: 'menuOptions' as const, outcomes: [] };
    expect(outcomesOf(definition, undefined)).toEqual([]);
    expect(outcomesOf(definition, { options: [null, 3] })).toEqual([]);
  });
});
