import { describe, expect, it } from 'vitest';
import { e164 } from './e164.ts';

describe('e164', () => {
  it('accepts a valid number written in E.164', () => {
    expect(e164('+18005550100')).toBe('+18005550100');
    expect(e164('+33142685300')).toBe('+33142685300');
  });

  it('refuses digits that are no phone number', () => {
    expect(e164('12345')).toBeNull();
    expect(e164('+12345')).toBeNull();
    expect(e164('+15550001111')).toBeNull();
  });

  it('refuses a valid number in another spelling', () => {
    expect(e164('+1 800 555 0100')).toBeNull();
  });
});
