import { menuOptionOutcome } from '../../schemas/flow/outcomes.ts';
import type { BlockHandler } from '../contract.ts';
import { ask, attemptOf, type Collection, retry } from '../user-input/collection.ts';
import type { MenuProperties } from './properties.generated.ts';

function collectionOf(properties: MenuProperties): Collection {
  return {
    prompts: properties.prompts ?? [],
    noInputPrompts: properties.noInputPrompts ?? [],
    noMatchPrompts: properties.noMatchPrompts ?? [],
    retries: properties.retries ?? 2,
    bargeIn: !(properties.disableBargeIn ?? false),
    request: {
      kind: 'digits',
      minDigits: 1,
      maxDigits: 1,
      terminator: null,
      timeoutSeconds: properties.timeoutSeconds ?? 5,
    },
  };
}

export const menu: BlockHandler<MenuProperties> = (context) => {
  const collection = collectionOf(context.properties);
  if (context.resume === undefined) return ask(context, collection);

  const attempt = attemptOf(context);
  if (attempt.kind === 'digits') {
    const option = context.properties.options.find((o) => o.digit === attempt.digits[0]);
    if (option !== undefined) return { kind: 'outcome', outcome: menuOptionOutcome(option.digit) };
  }
  const next = retry(context, collection, attempt.kind === 'digits' ? 'noMatch' : 'noInput');
  return typeof next === 'string' ? { kind: 'outcome', outcome: next } : next;
};
