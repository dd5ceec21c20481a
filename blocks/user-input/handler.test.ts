import { describe, expect, it } from 'vitest';
import { harness, tts } from '../testing.ts';
import { userInput } from './handler.ts';
import type { UserInputProperties } from './properties.generated.ts';

const base: UserInputProperties = {
  prompts: tts('Enter your account number.'),
  noInputPrompts: tts('I did not hear anything.'),
  noMatchPrompts: tts('That is not valid.'),
  resultVariable: 'Account',
  minDigits: 4,
  maxDigits: 6,
  retries: 1,
};

describe('user-input', () => {
  it('asks for digits with the configured limits', async () => {
    const block = harness(userInput, { properties: { ...base, secure: true } });
    expect(await block.start()).toEqual({
      kind: 'wait',
      input: { kind: 'digits', minDigits: 4, maxDigits: 6, terminator: '#', timeoutSeconds: 5, secure: true },
      state: { failed: 0 },
    });
    expect(block.heard()).toEqual(['Enter your account number.']);
  });

  it('stores valid digits and continues at next', async () => {
    const block = harness(userInput, { properties: base });
    await block.start();
    expect(await block.resume({ kind: 'digits', digits: '12345' })).toEqual({
      kind: 'outcome',
      outcome: 'next',
    });
    expect(block.variables.get('Account')).toBe('12345');
  });

  it('retries after no input with the no-input prompt, then the main prompt', async () => {
    const block = harness(userInput, { properties: base });
    await block.start();
    expect(await block.resume({ kind: 'noInput' })).toMatchObject({ kind: 'wait', state: { failed: 1 } });
    expect(block.heard()).toEqual([
      'Enter your account number.',
      'I did not hear anything.',
      'Enter your account number.',
    ]);
    expect(await block.resume({ kind: 'digits', digits: '1234' })).toEqual({
      kind: 'outcome',
      outcome: 'next',
    });
  });

  it('rejects too few digits as no match', async () => {
    const block = harness(userInput, { properties: base });
    await block.start();
    await block.resume({ kind: 'digits', digits: '12' });
    expect(block.heard()).toContain('That is not valid.');
  });

  it('takes noMatch with undefined when retries run out', async () => {
    const block = harness(userInput, { properties: base, variables: { Account: 'old' } });
    await block.start();
    await block.resume({ kind: 'digits', digits: '1' });
    expect(await block.resume({ kind: 'digits', digits: '2' })).toEqual({
      kind: 'outcome',
      outcome: 'noMatch',
    });
    expect(block.variables.has('Account')).toBe(true);
    expect(block.variables.get('Account')).toBeUndefined();
  });

  it('takes noInput when the last failure was no input', async () => {
    const block = harness(userInput, { properties: base });
    await block.start();
    await block.resume({ kind: 'digits', digits: '1' });
    expect(await block.resume({ kind: 'noInput' })).toEqual({ kind: 'outcome', outcome: 'noInput' });
  });

  it('continues at next with undefined when the failure port is not connected', async () => {
    const block = harness(userInput, { properties: { ...base, retries: 0 }, connected: ['next'] });
    await block.start();
    expect(await block.resume({ kind: 'noInput' })).toEqual({ kind: 'outcome', outcome: 'next' });
    expect(block.variables.get('Account')).toBeUndefined();
  });

  it('fixes the length of dates and stores them as YYYY-MM-DD', async () => {
    const block = harness(userInput, { properties: { ...base, inputType: 'date', terminator: '' } });
    expect(await block.start()).toMatchObject({ input: { minDigits: 8, maxDigits: 8, terminator: null } });
    await block.resume({ kind: 'digits', digits: '20250314' });
    expect(block.variables.get('Account')).toBe('2025-03-14');
  });

  it.each([
    ['number', '0042', 42],
    ['boolean', '2', false],
    ['time', '1745', '17:45'],
    ['currency', '19*99', 19.99],
  ] as const)('stores %s input %s as %j', async (inputType, digits, value) => {
    const block = harness(userInput, { properties: { ...base, inputType, minDigits: 1 } });
    await block.start();
    expect(await block.resume({ kind: 'digits', digits })).toEqual({ kind: 'outcome', outcome: 'next' });
    expect(block.variables.get('Account')).toBe(value);
  });

  it('stores a national phone number as E.164 for the default country', async () => {
    const block = harness(userInput, {
      properties: { ...base, inputType: 'phone', defaultCountry: 'FR', minDigits: 1, maxDigits: 15 },
    });
    await block.start();
    await block.resume({ kind: 'digits', digits: '0612345678' });
    expect(block.variables.get('Account')).toBe('+33612345678');
  });

  it('plays prompts without barge-in when disabled', async () => {
    const block = harness(userInput, { properties: { ...base, disableBargeIn: true } });
    await block.start();
    expect(block.played[0]?.bargeIn).toBe(false);
  });
});
