import { describe, expect, it } from 'vitest';
import { newSettingsRow, rowForSaving, SETTINGS_COLUMNS } from './settings-columns.ts';

const column = (field: string) => SETTINGS_COLUMNS.find((c) => c.field === field);

describe('settings columns from the schema', () => {
  it('types each cell from its schema property', () => {
    expect(column('virtualQueue')?.kind).toBe('key');
    expect(column('callDirection')).toMatchObject({
      kind: 'enum',
      options: ['USERTERMINATED', 'USERORIGINATED'],
    });
    expect(column('slotDurationMinutes')).toMatchObject({
      kind: 'enum',
      options: [5, 10, 15, 20, 30, 60, 120],
    });
    expect(column('immediateEnabled')?.kind).toBe('boolean');
    expect(column('maxDialAttempts')).toMatchObject({ kind: 'integer', minimum: 1, maximum: 10 });
    expect(column('skillExpression')).toMatchObject({ kind: 'text', required: true });
  });

  it('offers pickers for the columns that name other resources', () => {
    expect(column('callbackApplication')?.kind).toBe('application');
    expect(column('businessHours')?.kind).toBe('businessHours');
    expect(column('immediateOfferHours')?.kind).toBe('businessHours');
  });

  it('starts a new row from the defaults and leaves empty cells out when saving', () => {
    const row = newSettingsRow();
    expect(row).toMatchObject({
      callDirection: 'USERTERMINATED',
      slotDurationMinutes: 15,
      purgeAtEndOfDay: true,
    });
    expect(row.virtualQueue).toBeUndefined();
    expect(rowForSaving({ ...row, virtualQueue: 'Sales_VQ', routingPoint: '' })).not.toHaveProperty(
      'routingPoint',
    );
  });
});
