import { describe, expect, it } from 'vitest';
import { harness, tts } from '../testing.ts';
import { menu } from './handler.ts';
import type { MenuProperties } from './properties.generated.ts';

const properties: MenuProperties = {
  prompts: tts('For sales press 1, for support press 2, to hear this again press star.'),
  options: [
    { digit: '1', label: 'Sales' },
    { digit: '2', label: 'Support' },
    { digit: '*', label: 'Repeat' },
  ],
  noMatchPrompts: tts('That is not an option.'),
  noInputPrompts: tts('Please choose an option.'),
  retries: 1,
};

describe('menu', () => {
  it('plays the menu and waits for one key', async () => {
    const block = harness(menu, { properties });
    expect(await block.start()).toMatchObject({
      kind: 'wait',
      input: { kind: 'digits', minDigits: 1, maxDigits: 1, terminator: null, timeoutSeconds: 5 },
    });
    expect(block.heard()).toHaveLength(1);
  });

  it.each([
    ['1', 'option:1'],
    ['2', 'option:2'],
    ['*', 'option:star'],
  ])('takes the port of the option for key %s', async (digits, outcome) => {
    const block = harness(menu, { properties });
    await block.start();
    expect(await block.resume({ kind: 'digits', digits })).toEqual({ kind: 'outcome', outcome });
  });

  it('retries a key that is not an option, then takes noMatch', async () => {
    const block = harness(menu, { properties });
    await block.start();
    expect(await block.resume({ kind: 'digits', digits: '9' })).toMatchObject({ kind: 'wait' });
    expect(block.heard()[1]).toBe('That is not an option.');
    expect(await block.resume({ kind: 'digits', digits: '#' })).toEqual({
      kind: 'outcome',
      outcome: 'noMatch',
    });
  });

  it('accepts a valid key on the retry', async () => {
    const block = harness(menu, { properties });
    await block.start();
    await block.resume({ kind: 'noInput' });
    expect(block.heard()[1]).toBe('Please choose an option.');
    expect(await block.resume({ kind: 'digits', digits: '2' })).toEqual({
      kind: 'outcome',
      outcome: 'option:2',
    });
  });

  it('takes noInput when the caller never presses a key', async () => {
    const block = harness(menu, { properties: { ...properties, retries: 0 } });
    await block.start();
    expect(await block.resume({ kind: 'noInput' })).toEqual({ kind: 'outcome', outcome: 'noInput' });
  });
});
