import { describe, expect, it } from 'vitest';
import { effectiveReaders, queuePermissionBody, toggled } from './access-forms.ts';

describe('access forms', () => {
  it('toggles an item in or out of a sorted list', () => {
    expect(toggled(['Sales'], 'Billing', true)).toEqual(['Billing', 'Sales']);
    expect(toggled(['Billing', 'Sales'], 'Sales', false)).toEqual(['Billing']);
    expect(toggled(['Sales'], 'Sales', true)).toEqual(['Sales']);
  });
  it('sends null for no folder and for an inherited read list', () => {
    expect(queuePermissionBody('', true, ['Sales'])).toEqual({ folder: null, read: null });
    expect(queuePermissionBody('Sales line', false, ['Service', 'Sales'])).toEqual({
      folder: 'Sales line',
      read: ['Sales', 'Service'],
    });
  });
  it('tells every group from nobody from a list', () => {
    expect(effectiveReaders(null).key).toBe('lines.everyone');
    expect(effectiveReaders([]).key).toBe('lines.nobody');
    expect(effectiveReaders(['Sales', 'Billing']).groups).toBe('Sales, Billing');
  });
});
