/**
 * Prompt, collect, retry: shared by User Input and Menu. The only state kept across waits is
 * the number of failed attempts, so a saved session resumes exactly.
 */
import type { Prompt } from '../../schemas/common.generated.ts';
import type { BlockContext, BlockResult, DigitsRequest, JsonValue } from '../contract.ts';

export interface Collection {
  prompts: readonly Prompt[];
  noInputPrompts: readonly Prompt[];
  noMatchPrompts: readonly Prompt[];
  retries: number;
  bargeIn: boolean;
  request: DigitsRequest;
}

export type Failure = 'noInput' | 'noMatch';

/** What the caller did: digits to check, or a failure when nothing usable arrived. */
export type Attempt = { kind: 'digits'; digits: string } | { kind: 'failed'; failure: Failure };

function failedAttempts(state: JsonValue | undefined): number {
  const failed = (state as { failed?: unknown } | undefined)?.failed;
  return typeof failed === 'number' ? failed : 0;
}

/** Plays the prompts and waits for digits: the block's first step. */
export function ask(context: BlockContext<unknown>, collection: Collection, failed = 0): BlockResult {
  context.play(collection.prompts, { bargeIn: collection.bargeIn });
  return { kind: 'wait', input: collection.request, state: { failed } };
}

/** Reads the signal the block was resumed with; an empty entry counts as no input. */
export function attemptOf(context: BlockContext<unknown>): Attempt {
  const signal = context.resume;
  if (signal?.kind === 'digits' && signal.digits !== '') return { kind: 'digits', digits: signal.digits };
  return { kind: 'failed', failure: 'noInput' };
}

/**
 * After a failed attempt: retry with the failure's prompts and then the main prompts, or,
 * when retries are used up, return the failure for the block to turn into an outcome.
 */
export function retry(
  context: BlockContext<unknown>,
  collection: Collection,
  failure: Failure,
): BlockResult | Failure {
  const failed = failedAttempts(context.state) + 1;
  if (failed > collection.retries) return failure;
  const failurePrompts = failure === 'noInput' ? collection.noInputPrompts : collection.noMatchPrompts;
  if (failurePrompts.length > 0) context.play(failurePrompts, { bargeIn: collection.bargeIn });
  return ask(context, collection, failed);
}
