/**
 * Callback V2. In a Default application it offers a callback and books it:
 *   offer (gates + EWT threshold) → 1 immediate / 2 scheduled / other: declined
 *   → confirm the number (1 the caller's ANI, 2 key in another; checked by the queue's rule)
 *   → immediate: book; scheduled: when the block asks the caller when, the day and time keyed in
 *     (requested-time.ts) and the free slot nearest it, else the next free slot from now; the slot
 *     is read as words (spoken-time.ts); 1 accepts and books it, 2 proposes the next free one.
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
  FreeSlot,
  JsonValue,
} from '../contract.ts';
import type { CallbackV2Properties } from './properties.generated.ts';
import { requestedClock, requestedDate, twelveHourMinutes } from './requested-time.ts';
import { spokenTime } from './spoken-time.ts';

type Context = BlockContext<CallbackV2Properties>;
type Step =
  | 'offer'
  | 'confirmNumber'
  | 'enterNumber'
  | 'enterDay'
  | 'enterTime'
  | 'enterAmPm'
  | 'proposeSlot';

interface Progress {
  step: Step;
  virtualQueue: string;
  kind?: 'immediate' | 'scheduled';
  /** What the offer allowed; absent in calls saved before it was kept (then: both, unless kind says). */
  offered?: ('immediate' | 'scheduled')[];
  failed: number;
  phoneNumber?: string;
  /** Calls saved before proposals moved on from the last one kept an index. */
  slotIndex?: number;
  slotStartMs?: number;
  /** The queue's business-hours zone, from the offer (absent in calls saved before it was kept). */
  timeZone?: string;
  /** What the caller has keyed in so far: the local date, then a 12-hour clock time awaiting AM/PM. */
  requestedDate?: string;
  requestedClock?: { hour: number; minute: number };
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
      timeZone: offer.timeZone,
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

/** Proposes a free slot, read as words in the queue's zone and the call's language. */
function propose(context: Context, progress: Progress, slot: FreeSlot | undefined): BlockResult {
  if (!slot) return outcome('notOffered');
  context.setVariable('SlotTime', spokenTime(slot.startMs, slot.timeZone, languageOf(context)));
  return ask(
    context,
    { ...progress, step: 'proposeSlot', slotStartMs: slot.startMs, failed: 0 },
    context.properties.slotProposalPrompts,
  );
}

/** The next free slot: from now at first, then the one after the slot last proposed. */
async function proposeNext(
  context: Context,
  services: CallbackServices,
  progress: Progress,
): Promise<BlockResult> {
  const from = progress.slotStartMs === undefined ? context.now().toMillis() : progress.slotStartMs + 1;
  const [slot] = await services.freeSlots(progress.virtualQueue, from, 1);
  return propose(context, progress, slot);
}

function languageOf(context: Context): string {
  const fromCall = context.getVariable('AppLanguageName');
  return context.properties.language ?? (typeof fromCall === 'string' && fromCall ? fromCall : 'en-US');
}

/** The caller's day or time was no day, no time, past or beyond the horizon: ask for the day again. */
function askDayAgain(context: Context, progress: Progress): BlockResult {
  const failed = progress.failed + 1;
  if (failed > (context.properties.retries ?? 2)) return outcome('declined');
  const { requestRefusedPrompts = [], dayEntryPrompts = [] } = context.properties;
  return ask(
    context,
    { ...progress, step: 'enterDay', failed },
    [...requestRefusedPrompts, ...dayEntryPrompts],
    2,
  );
}

async function requestSlot(
  context: Context,
  services: CallbackServices,
  progress: Progress,
  minuteOfDay: number,
): Promise<BlockResult> {
  const nearest = await services.nearestFreeSlot(progress.virtualQueue, {
    date: progress.requestedDate ?? '',
    minuteOfDay,
  });
  if (nearest.ok) return propose(context, { ...progress, slotStartMs: undefined }, nearest.slot);
  if (nearest.reason === 'NO_FREE_SLOT') return outcome('notOffered');
  return askDayAgain(context, progress);
}

/** After the number: ask when (if the block does), else propose the next free slot. */
function schedule(
  context: Context,
  services: CallbackServices,
  progress: Progress,
): Promise<BlockResult> | BlockResult {
  if (!context.properties.askRequestedTime) return proposeNext(context, services, progress);
  return ask(context, { ...progress, step: 'enterDay', failed: 0 }, context.properties.dayEntryPrompts, 2);
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
  return next.kind === 'scheduled' ? schedule(context, services, next) : book(context, services, next);
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
    const { prompts, maxDigits } = questionOf(context, progress.step);
    return ask(context, { ...progress, failed }, prompts, maxDigits);
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
    case 'enterDay': {
      if (entered === '') return retryOr('declined');
      const today = context.now().setZone(progress.timeZone ?? 'UTC');
      const date = requestedDate(entered, context.properties.dayInputForm ?? 'offset', today);
      if (!date) return askDayAgain(context, progress);
      return ask(
        context,
        // The retries cover the whole question of when: refusals of the time count with the day's.
        { ...progress, step: 'enterTime', requestedDate: date },
        context.properties.timeEntryPrompts,
        4,
      );
    }
    case 'enterTime': {
      if (entered === '') return retryOr('declined');
      const form = context.properties.timeInputForm ?? 'hhmm24';
      const clock = requestedClock(entered, form);
      if (!clock) return askDayAgain(context, progress);
      if (form === 'hhmm24') return requestSlot(context, services, progress, clock.hour * 60 + clock.minute);
      return ask(
        context,
        { ...progress, step: 'enterAmPm', requestedClock: clock },
        context.properties.amPmPrompts,
      );
    }
    case 'enterAmPm': {
      if ((entered !== '1' && entered !== '2') || !progress.requestedClock) return retryOr('declined');
      return requestSlot(
        context,
        services,
        progress,
        twelveHourMinutes(progress.requestedClock, entered === '2'),
      );
    }
    case 'proposeSlot':
      if (entered === '1') return book(context, services, progress);
      if (entered === '2') return proposeNext(context, services, progress);
      return retryOr('declined');
  }
}

/** The prompts and the longest entry of each question, to ask it again. */
function questionOf(
  context: Context,
  step: Step,
): {
  prompts: readonly Prompt[] | undefined;
  maxDigits: number;
} {
  const p = context.properties;
  switch (step) {
    case 'offer':
      return { prompts: p.offerPrompts, maxDigits: 1 };
    case 'confirmNumber':
      return { prompts: p.numberConfirmationPrompts, maxDigits: 1 };
    case 'enterNumber':
      return { prompts: p.numberEntryPrompts, maxDigits: 15 };
    case 'enterDay':
      return { prompts: p.dayEntryPrompts, maxDigits: 2 };
    case 'enterTime':
      return { prompts: p.timeEntryPrompts, maxDigits: 4 };
    case 'enterAmPm':
      return { prompts: p.amPmPrompts, maxDigits: 1 };
    case 'proposeSlot':
      return { prompts: p.slotProposalPrompts, maxDigits: 1 };
  }
}

export const callbackV2: BlockHandler<CallbackV2Properties> = async (context) => {
  if (context.appType === 'Callback') {
    // The engine ran this call once the customer was connected, or (customer dials in) once the
    // call-in session ended without one: it says which in CallbackConnectResult.
    const result = context.getVariable('CallbackConnectResult');
    return outcome(result === 'failed' || result === 'expired' ? result : 'connected');
  }
  const services = context.services.callbacks;
  if (!services)
    return { kind: 'error', code: 'RESOURCE_MISSING', message: 'no callback engine in this runtime' };
  if (context.resume === undefined) return start(context, services);
  return resume(context, services, context.state as unknown as Progress);
};
