import { describe, expect, it } from 'vitest';
import type { DigitsRequest } from '../../blocks/contract.ts';
import { takeEntry } from './digits.ts';

const request = (over: Partial<DigitsRequest> = {}): DigitsRequest => ({
  kind: 'digits',
  minDigits: 1,
  maxDigits: 4,
  terminator: '#',
  timeoutSeconds: 5,
  ...over,
});

describe('takeEntry', () => {
  it('ends an entry at the terminator and drops it', () => {
    expect(takeEntry('12#9', request())).toEqual({ digits: '12', rest: '9' });
  });
  it('ends an entry at maxDigits and keeps the rest buffered', () => {
    expect(takeEntry('123456', request())).toEqual({ digits: '1234', rest: '56' });
  });
  it('consumes a terminator that follows a full entry', () => {
    expect(takeEntry('1234#5', request())).toEqual({ digits: '1234', rest: '5' });
  });
  it('waits while the entry is incomplete', () => {
    expect(takeEntry('12', request())).toBeUndefined();
  });
  it('treats the terminator as a digit when the block has none', () => {
    expect(takeEntry('#', request({ terminator: null, maxDigits: 1 }))).toEqual({ digits: '#', rest: '' });
  });
  it('returns an empty entry when the caller presses only the terminator', () => {
    expect(takeEntry('#', request())).toEqual({ digits: '', rest: '' });
  });
});
