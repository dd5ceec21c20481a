import { describe, expect, it } from 'vitest';
import { harness } from '../testing.ts';
import { segmentation } from './handler.ts';

const conditions = [
  { label: 'VIP', expression: "tier == 'gold'" },
  { label: 'Known', expression: 'isDefined(Account)' },
  { expression: 'len(ANI) > 0' },
];

describe('segmentation', () => {
  it('takes the first true condition, in order', async () => {
    const block = harness(segmentation, {
      properties: { conditions },
      variables: { tier: 'gold', Account: '1234', ANI: '+1' },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'condition:1' });
  });

  it('skips false conditions', async () => {
    const block = harness(segmentation, {
      properties: { conditions },
      variables: { tier: 'silver', Account: undefined, ANI: '+1' },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'condition:3' });
  });

  it('takes default when no condition is true', async () => {
    const block = harness(segmentation, {
      properties: { conditions },
      variables: { tier: 'silver', Account: undefined, ANI: '' },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'default' });
  });

  it('does not evaluate conditions after the first true one', async () => {
    const block = harness(segmentation, {
      properties: { conditions: [{ expression: 'true' }, { expression: 'undeclared' }] },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'condition:1' });
  });

  it('throws the expression error of a failing condition', async () => {
    const block = harness(segmentation, { properties: { conditions: [{ expression: 'undeclared == 1' }] } });
    await expect(block.start()).rejects.toMatchObject({ code: 'EXPRESSION_ERROR' });
  });
});
