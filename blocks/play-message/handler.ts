import type { BlockHandler } from '../contract.ts';
import type { PlayMessageProperties } from './properties.generated.ts';

export const playMessage: BlockHandler<PlayMessageProperties> = (context) => {
  const { prompts = [], disableBargeIn = false, alwaysPlayDisableBuffering = false } = context.properties;
  context.play(prompts, { bargeIn: !disableBargeIn && !alwaysPlayDisableBuffering });
  // Digits typed during these prompts would otherwise answer the next input block (type-ahead).
  if (alwaysPlayDisableBuffering) context.clearDigitBuffer();
  return { kind: 'outcome', outcome: 'next' };
};
