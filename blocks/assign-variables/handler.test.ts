import { describe, expect, it } from 'vitest';
import { harness } from '../testing.ts';
import { assignVariables } from './handler.ts';

describe('assign-variables', () => {
  it('assigns in order, each seeing the ones before', async () => {
    const block = harness(assignVariables, {
      properties: {
        assignments: [
          { variable: 'Count', expression: 'Count + 1' },
          { variable: 'Label', expression: "concat('try ', Count)" },
          { variable: 'RoutingVirtualQueue', expression: "Count > 1 ? 'Retry_VQ' : 'Sales_VQ'" },
        ],
      },
      variables: { Count: 1, Label: undefined, RoutingVirtualQueue: undefined },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'next' });
    expect(Object.fromEntries(block.variables)).toMatchObject({
      Count: 2,
      Label: 'try 2',
      RoutingVirtualQueue: 'Retry_VQ',
    });
  });

  it('keeps earlier assignments when a later expression fails', async () => {
    const block = harness(assignVariables, {
      properties: {
        assignments: [
          { variable: 'A', expression: '1' },
          { variable: 'B', expression: 'missing.x' },
        ],
      },
      variables: { A: 0, B: 0 },
    });
    await expect(block.start()).rejects.toThrow(/unknown variable missing/);
    expect(block.variables.get('A')).toBe(1);
    expect(block.variables.get('B')).toBe(0);
  });
});
