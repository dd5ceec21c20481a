import { describe, expect, it } from 'vitest';
import { harness, tts } from '../testing.ts';
import { playMessage } from './handler.ts';

describe('play-message', () => {
  it('plays its prompts, with expressions filled in, and continues at next', async () => {
    const block = harness(playMessage, {
      properties: {
        prompts: [
          ...tts('Hello {name}.'),
          { type: 'variable', value: 'minutes * 2' },
          { type: 'audio', value: 'jingle' },
        ],
      },
      variables: { name: 'Ada', minutes: 4 },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'next' });
    expect(block.played).toEqual([{ texts: ['Hello Ada.', '8', '[audio:jingle]'], bargeIn: true }]);
  });

  it('plays without barge-in when barge-in is disabled, keeping typed digits', async () => {
    const block = harness(playMessage, { properties: { prompts: tts('Listen.'), disableBargeIn: true } });
    await block.start();
    expect(block.played[0]?.bargeIn).toBe(false);
    expect(block.digitBufferClears).toBe(0);
  });

  it('plays in full and drops typed digits with always-play', async () => {
    const block = harness(playMessage, {
      properties: { prompts: tts('Listen.'), alwaysPlayDisableBuffering: true },
    });
    await block.start();
    expect(block.played[0]?.bargeIn).toBe(false);
    expect(block.digitBufferClears).toBe(1);
  });
});
