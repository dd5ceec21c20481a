import { describe, expect, it } from 'vitest';
import { errorCountByGroup, errorsByField, fieldOfPointer, withoutField } from './field-errors.ts';

describe('problems placed on the fields their pointers name', () => {
  it('puts each server problem beside the field its pointer names', () => {
    const errors = errorsByField([
      { pointer: '/skillExpression', message: 'unexpected end at 8' },
      { pointer: '/callbackApplication', message: 'must be a Callback-type application' },
      { pointer: '/capacityRule', message: 'no rule named Easter' },
    ]);
    expect(errors.fields).toEqual({
      skillExpression: 'unexpected end at 8',
      callbackApplication: 'must be a Callback-type application',
      capacityRule: 'no rule named Easter',
    });
    expect(errors.form).toEqual([]);
  });

  it('reads escaped and nested pointers', () => {
    expect(fieldOfPointer('/body/maxDialAttempts')).toBe('maxDialAttempts');
    expect(fieldOfPointer('/routingPoint')).toBe('routingPoint');
    expect(fieldOfPointer('/not~1a~0field')).toBeUndefined();
  });

  it('keeps problems that name no field for the form as a whole', () => {
    const errors = errorsByField([
      { pointer: '', message: 'must match "else" schema' },
      { pointer: '/body', message: 'is invalid' },
    ]);
    expect(errors.fields).toEqual({});
    expect(errors.form).toEqual(['must match "else" schema', '/body: is invalid']);
  });

  it('joins two problems on one field', () => {
    const errors = errorsByField([
      { pointer: '/routingPoint', message: 'is required' },
      { pointer: '/routingPoint', message: 'is too long' },
    ]);
    expect(errors.fields.routingPoint).toBe('is required; is too long');
  });

  it('counts problems per group, so the group can say it has one', () => {
    const errors = errorsByField([
      { pointer: '/skillExpression', message: 'does not parse' },
      { pointer: '/businessHours', message: 'no business hours named X' },
      { pointer: '/retryDelaySeconds', message: 'must be >= 0' },
    ]);
    expect(errorCountByGroup(errors)).toEqual({ queue: 2, calling: 1 });
  });

  it('drops a field’s problem once the field is changed', () => {
    const errors = errorsByField([
      { pointer: '/skillExpression', message: 'does not parse' },
      { pointer: '/routingPoint', message: 'is required' },
    ]);
    expect(withoutField(errors, 'skillExpression').fields).toEqual({ routingPoint: 'is required' });
  });
});
