import type { BlockContext, BlockHandler, BlockResult } from '../contract.ts';
import { ask, attemptOf, type Collection, type Failure, retry } from './collection.ts';
import { fixedLength, parseInput } from './input-types.ts';
import type { UserInputProperties } from './properties.generated.ts';

function collectionOf(properties: UserInputProperties): Collection {
  const inputType = properties.inputType ?? 'digits';
  const fixed = fixedLength[inputType];
  const terminator = properties.terminator ?? '#';
  return {
    prompts: properties.prompts ?? [],
    noInputPrompts: properties.noInputPrompts ?? [],
    noMatchPrompts: properties.noMatchPrompts ?? [],
    retries: properties.retries ?? 2,
    bargeIn: !(properties.disableBargeIn ?? false),
    request: {
      kind: 'digits',
      minDigits: fixed ?? properties.minDigits ?? 1,
      maxDigits: fixed ?? properties.maxDigits ?? 20,
      terminator: terminator === '' ? null : terminator,
      timeoutSeconds: properties.timeoutSeconds ?? 5,
      secure: properties.secure ?? false,
    },
  };
}

export const userInput: BlockHandler<UserInputProperties> = (context) => {
  const { properties } = context;
  const collection = collectionOf(properties);
  if (context.resume === undefined) return ask(context, collection);

  const attempt = attemptOf(context);
  let failure: Failure = 'noInput';
  if (attempt.kind === 'digits') {
    const { digits } = attempt;
    const { minDigits, maxDigits } = collection.request;
    const parsed =
      digits.length >= minDigits && digits.length <= maxDigits
        ? parseInput(properties.inputType ?? 'digits', digits, properties.defaultCountry ?? 'US')
        : { ok: false as const };
    if (parsed.ok) {
      context.setVariable(properties.resultVariable, parsed.value);
      return { kind: 'outcome', outcome: 'next' };
    }
    failure = 'noMatch';
  }
  const next = retry(context, collection, failure);
  return typeof next === 'string' ? giveUp(context, next) : next;
};

/** Designer's rule: with the failure's port unconnected, the call continues at next. */
function giveUp(context: BlockContext<UserInputProperties>, failure: Failure): BlockResult {
  context.setVariable(context.properties.resultVariable, undefined);
  return { kind: 'outcome', outcome: context.isConnected(failure) ? failure : 'next' };
}
