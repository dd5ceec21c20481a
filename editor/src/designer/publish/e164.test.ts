import { describe, expect, it } from 'vitest';
import { e164Problem } from './e164.ts';

describe('e164Problem', () => {
  it('accepts a valid number written in E.164', () => {
    expect(e164Problem('+18005550100')).toBeNull();
  });
  it('says what is wrong with digits that are not a number', () => {
    expect(e164Problem('12345')).toBe('missingPlus');
    expect(e164Problem('+12345')).toBe('notANumber');
    expect(e164Problem('+1 800 555 0100')).toBe('notE164');
  });
});
