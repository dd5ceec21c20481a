/**
 * Callback V2. In a Default application it offers a callback and books it:
 *   offer (gates + EWT threshold) → 1 immediate / 2 scheduled / other: declined
 *   → confirm the number (1 the caller's ANI, 2 key in another; checked by the queue's rule)
 *   → immediate: book; scheduled: propose the nearest free slot (1 accept, 2 next) and book it.
 * In a Callback application the engine has already dialled the customer and routes the call
 * (runtime/callbacks/dispatcher.ts); the block reports the connection.
 */
import type { Prompt } from '../../schemas/common.generated.ts';
import type {
  BlockContext,
  BlockHandler,
  BlockResult,
  CallbackServices,
  DigitsRequest,
  JsonValue,
} from '../contract.ts';
import type { CallbackV2Properties } from './properties.generated.ts';

type Context = BlockContext<CallbackV2Properties>;
type Step = 'offer' | 'confirmNumber' | 'enterNumber' | 'proposeSlot';

interface Progress {
  step: Step;
  virtualQueue: string;
  kind?: 'immediate' | 'scheduled';
  /** What the offer allowed; absent in calls saved before it was kept (then: both, unless kind says). */
  offered?: ('immediate' | 'scheduled')[];
  failed: number;
  phoneNumber?: string;
  slotIndex?: number;
  slotStartMs?: number;
}

const outcome = (name: string): BlockResult => ({ kind: 'outcome', outcome: name });

function digits(context: Context, maxDigits = 1): DigitsRequest {
  return {
    kind: 'digits',
    minDigits: 1,
    maxDigits,
    terminator: maxDigits > 1 ? '#' : null,
    timeoutSeconds: context.properties.inputTimeoutSeconds ?? 5,
  };
}

function ask(
  context: Context,
  progress: Progress,
  prompts: readonly Prompt[] | undefined,
  maxDigits = 1,
): BlockResult {
  context.play(prompts ?? []);
  return { kind: 'wait', input: digits(context, maxDigits), state: progress as unknown as JsonValue };
}

function virtualQueueOf(context: Context): string {
  const { properties } = context;
  if (properties.virtualQueueSource === 'variable' && properties.virtualQueueVariable) {
    const value = context.getVariable(properties.virtualQueueVariable);
    return typeof value === 'string' ? value : '';
  }
  return properties.virtualQueue ?? '';
}

async function start(context: Context, services: CallbackServices): Promise<BlockResult> {
  const virtualQueue = virtualQueueOf(context);
  const offer = virtualQueue ? await services.offer(virtualQueue, context.now().toMillis()) : undefined;
  if (!offer)
    return {
      kind: 'error',
      code: 'RESOURCE_MISSING',
      message: `no CALLBACK_SETTINGS row for '${virtualQueue}'`,
    };
  const { properties } = context;
  const threshold = properties.ewtThresholdSeconds ?? offer.ewtThresholdSeconds;
  // An unknown EWT (no history yet) does not prevent the offer; a known one must exceed the threshold.
  const waitLongEnough = offer.ewtSeconds < 0 || offer.ewtSeconds > threshold;
  const immediate = (properties.offerImmediate ?? true) && offer.immediate;
  const scheduled =
    (properties.offerScheduled ?? true) &&
    offer.scheduled &&
    (await services.freeSlots(virtualQueue, context.now().toMillis(), 1)).length > 0;
  if (!waitLongEnough || (!immediate && !scheduled)) return outcome('notOffered');
  context.setVariable('EWTMinutes', offer.ewtSeconds < 0 ? 0 : Math.ceil(offer.ewtSeconds / 60));
  return ask(
    context,
    {
      step: 'offer',
      virtualQueue,
      failed: 0,
      offered: [...(immediate ? ['immediate' as const] : []), ...(scheduled ? ['scheduled' as const] : [])],
    },
    properties.offerPrompts,
  );
}

async function book(context: Context, services: CallbackServices, progress: Progress): Promise<BlockResult> {
  const userData: Record<string, JsonValue> = {};
  for (const entry of context.properties.userData ?? [])
    userData[entry.key] = context.evaluate(entry.expression) as JsonValue;
  const result = await services.book({
    virtualQueue: progress.virtualQueue,
    phoneNumber: progress.phoneNumber ?? '',
    ...(progress.slotStartMs !== undefined ? { desiredTimeMs: progress.slotStartMs } : {}),
    ...(context.properties.priority?.initial !== undefined
      ? { priority: context.properties.priority.initial }
      : {}),
    userData,
    callId: context.callId,
  });
  if (!result.ok)
    return { kind: 'error', code: 'BLOCK_FAILED', message: `${result.code}: ${result.message}` };
  context.setVariable('CallbackId', result.id);
  if (context.properties.callbackIdVariable)
    context.setVariable(context.properties.callbackIdVariable, result.id);
  context.play(context.properties.confirmationPrompts ?? []);
  return outcome(progress.slotStartMs !== undefined ? 'scheduledBooked' : 'immediateBooked');
}

async function proposeSlot(
  context: Context,
  services: CallbackServices,
  progress: Progress,
): Promise<BlockResult> {
  const index = progress.slotIndex ?? 0;
  const slots = await services.freeSlots(progress.virtualQueue, context.now().toMillis(), index + 1);
  const slot = slots[index];
  if (!slot) return outcome('notOffered');
  context.setVariable('SlotTime', slot.localTime);
  return ask(
    context,
    { ...progress, step: 'proposeSlot', slotIndex: index, slotStartMs: slot.startMs, failed: 0 },
    context.properties.slotProposalPrompts,
  );
}

async function numberChosen(
  context: Context,
  services: CallbackServices,
  progress: Progress,
  number: string,
): Promise<BlockResult> {
  const check = await services.checkNumber(progress.virtualQueue, number);
  if (!check.ok) {
    context.note?.(check.message);
    const failed = progress.failed + 1;
    if (failed > (context.properties.retries ?? 2)) return outcome('declined');
    return ask(
      context,
      { ...progress, step: 'enterNumber', failed },
      context.properties.numberEntryPrompts,
      15,
    );
  }
  const next = { ...progress, phoneNumber: check.e164, failed: 0 };
  return next.kind === 'scheduled' ? proposeSlot(context, services, next) : book(context, services, next);
}

async function resume(
  context: Context,
  services: CallbackServices,
  progress: Progress,
): Promise<BlockResult> {
  const signal = context.resume;
  const entered = signal?.kind === 'digits' ? signal.digits : '';
  const retryOr = (fallback: string): BlockResult => {
    const failed = progress.failed + 1;
    if (entered !== '' || failed > (context.properties.retries ?? 2)) return outcome(fallback);
    const prompts = {
      offer: context.properties.offerPrompts,
      confirmNumber: context.properties.numberConfirmationPrompts,
      enterNumber: context.properties.numberEntryPrompts,
      proposeSlot: context.properties.slotProposalPrompts,
    }[progress.step];
    return ask(context, { ...progress, failed }, prompts, progress.step === 'enterNumber' ? 15 : 1);
  };
  switch (progress.step) {
    case 'offer': {
      const offered =
        progress.offered ?? (progress.kind === 'scheduled' ? ['scheduled'] : ['immediate', 'scheduled']);
      // A choice the offer did not include (e.g. 2 when scheduling is off) is no choice.
      const kind =
        entered === '1' && offered.includes('immediate')
          ? 'immediate'
          : entered === '2' && offered.includes('scheduled')
            ? 'scheduled'
            : undefined;
      if (!kind) return retryOr('declined');
      return ask(
        context,
        { ...progress, step: 'confirmNumber', kind, failed: 0 },
        context.properties.numberConfirmationPrompts,
      );
    }
    case 'confirmNumber':
      if (entered === '1')
        return numberChosen(context, services, progress, String(context.getVariable('ANI') ?? ''));
      if (entered === '2')
        return ask(
          context,
          { ...progress, step: 'enterNumber', failed: 0 },
          context.properties.numberEntryPrompts,
          15,
        );
      return retryOr('declined');
    case 'enterNumber':
      if (entered === '') return retryOr('declined');
      return numberChosen(context, services, progress, entered.startsWith('+') ? entered : `+${entered}`);
    case 'proposeSlot':
      if (entered === '1') return book(context, services, progress);
      if (entered === '2')
        return proposeSlot(context, services, { ...progress, slotIndex: (progress.slotIndex ?? 0) + 1 });
      return retryOr('declined');
  }
}

export const callbackV2: BlockHandler<CallbackV2Properties> = async (context) => {
  if (context.appType === 'Callback') return outcome('connected');
  const services = context.services.callbacks;
  if (!services)
    return { kind: 'error', code: 'RESOURCE_MISSING', message: 'no callback engine in this runtime' };
  if (context.resume === undefined) return start(context, services);
  return resume(context, services, context.state as unknown as Progress);
};
