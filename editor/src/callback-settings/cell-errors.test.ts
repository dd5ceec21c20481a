import { describe, expect, it } from 'vitest';
import { errorsByCell } from './cell-errors.ts';

const fields = new Set(['skillExpression', 'routingPoint', 'callbackApplication']);

describe('errorsByCell', () => {
  it('marks the cell each pointer names', () => {
    const errors = errorsByCell(
      [
        { pointer: '/skillExpression', message: 'does not parse' },
        { pointer: '/callbackApplication', message: 'is not a published Callback application' },
      ],
      fields,
    );
    expect(errors.cells).toEqual({
      skillExpression: 'does not parse',
      callbackApplication: 'is not a published Callback application',
    });
    expect(errors.row).toEqual([]);
  });

  it('keeps problems that name no column for the row', () => {
    const errors = errorsByCell(
      [
        { pointer: '', message: 'must have required property routingPoint' },
        { pointer: '/body', message: 'is invalid' },
      ],
      fields,
    );
    expect(errors.cells).toEqual({});
    expect(errors.row).toEqual(['must have required property routingPoint', '/body: is invalid']);
  });

  it('joins two problems on one cell', () => {
    const errors = errorsByCell(
      [
        { pointer: '/routingPoint', message: 'is required' },
        { pointer: '/routingPoint', message: 'is too long' },
      ],
      fields,
    );
    expect(errors.cells.routingPoint).toBe('is required; is too long');
  });
});
