import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CallbackOfferStatus, CallbackServices } from '../contract.ts';
import { harness, tts } from '../testing.ts';
import { callbackV2 } from './handler.ts';
import type { CallbackV2Properties } from './properties.generated.ts';

const NOW = '2026-03-03T17:00:00Z';
const LA = 'America/Los_Angeles';
const slot = (iso: string) => ({
  startMs: Date.parse(iso),
  localTime: DateTime.fromISO(iso, { zone: LA }).toISO() ?? '',
  timeZone: LA,
});
const SLOTS = [slot('2026-03-03T17:15:00Z'), slot('2026-03-03T17:30:00Z'), slot('2026-03-03T17:45:00Z')];

type BookRequest = Parameters<CallbackServices['book']>[0];

/**
 * An in-process callback engine: North American numbers only, fixed free slots (the nearest to a
 * requested Los Angeles time by start), nothing before now or after 30 days, bookings recorded.
 */
function callbackDesk(
  options: {
    offer?: Partial<CallbackOfferStatus> | null;
    slots?: typeof SLOTS;
    bookError?: string;
    /** Every slot near a requested time is taken. */
    nothingNear?: boolean;
  } = {},
) {
  const booked: BookRequest[] = [];
  const offers: string[] = [];
  const requested: { date: string; minuteOfDay: number }[] = [];
  const services: CallbackServices = {
    async offer(virtualQueue) {
      offers.push(virtualQueue);
      if (options.offer === null || virtualQueue !== 'Sales_VQ') return undefined;
      return {
        immediate: true,
        scheduled: true,
        ewtSeconds: 300,
        ewtThresholdSeconds: 60,
        timeZone: 'America/Los_Angeles',
        ...options.offer,
      };
    },
    async checkNumber(_virtualQueue, number) {
      if (!/^\+\d{8,15}$/.test(number)) return { ok: false, code: 'INVALID_PHONE_NUMBER', message: number };
      if (!number.startsWith('+1')) return { ok: false, code: 'COUNTRY_NOT_PERMITTED', message: number };
      return { ok: true, e164: number };
    },
    async freeSlots(_virtualQueue, fromMs, count) {
      return (options.slots ?? SLOTS).filter((s) => s.startMs >= fromMs).slice(0, count);
    },
    async nearestFreeSlot(_virtualQueue, local) {
      requested.push(local);
      const requestedMs = DateTime.fromISO(local.date, { zone: LA })
        .plus({ minutes: local.minuteOfDay })
        .toMillis();
      const now = Date.parse(NOW);
      if (requestedMs < now) return { ok: false, requestedMs, reason: 'IN_THE_PAST' };
      if (requestedMs > now + 30 * 86_400_000) return { ok: false, requestedMs, reason: 'BEYOND_HORIZON' };
      const distance = (s: { startMs: number }) => Math.abs(s.startMs - requestedMs);
      const [nearest] = [...(options.slots ?? SLOTS)].sort((a, b) => distance(a) - distance(b));
      return nearest && !options.nothingNear
        ? { ok: true, requestedMs, slot: nearest }
        : { ok: false, requestedMs, reason: 'NO_FREE_SLOT' };
    },
    async book(request) {
      booked.push(request);
      if (options.bookError) return { ok: false, code: options.bookError, message: 'refused' };
      return { ok: true, id: `cb-${booked.length}`, desiredTimeMs: request.desiredTimeMs ?? Date.parse(NOW) };
    },
  };
  return { services, booked, offers, requested };
}

const properties: CallbackV2Properties = {
  virtualQueueSource: 'literal',
  virtualQueue: 'Sales_VQ',
  callbackIdVariable: 'callbackId',
  offerPrompts: tts('Your wait is {EWTMinutes} minutes. 1 now, 2 later, 3 to hold.'),
  numberConfirmationPrompts: tts('1 for this number, 2 for another.'),
  numberEntryPrompts: tts('Enter the number.'),
  slotProposalPrompts: tts('How about {SlotTime}? 1 yes, 2 next.'),
  confirmationPrompts: tts('Booked.'),
};

function block(
  desk: ReturnType<typeof callbackDesk>,
  overrides: Partial<CallbackV2Properties> = {},
  variables: Record<string, unknown> = {},
) {
  return harness(callbackV2, {
    properties: { ...properties, ...overrides },
    variables: { ANI: '+14155550123', ...variables },
    now: NOW,
    services: { callbacks: desk.services },
  });
}

const digits = (value: string) => ({ kind: 'digits' as const, digits: value });
const outcome = (name: string) => ({ kind: 'outcome', outcome: name });

describe('callback-v2 offer gates', () => {
  it('does not offer when neither immediate nor scheduled is open (closed or disabled queue)', async () => {
    const desk = callbackDesk({ offer: { immediate: false, scheduled: false } });
    expect(await block(desk).start()).toEqual(outcome('notOffered'));
  });

  it('does not offer when the EWT is at or under the threshold of the settings row', async () => {
    expect(await block(callbackDesk({ offer: { ewtSeconds: 60 } })).start()).toEqual(outcome('notOffered'));
    expect((await block(callbackDesk({ offer: { ewtSeconds: 61 } })).start()).kind).toBe('wait');
  });

  it('lets the block threshold override the settings row', async () => {
    const desk = callbackDesk({ offer: { ewtSeconds: 90 } });
    expect(await block(desk, { ewtThresholdSeconds: 120 }).start()).toEqual(outcome('notOffered'));
    const low = callbackDesk({ offer: { ewtSeconds: 45 } });
    expect((await block(low, { ewtThresholdSeconds: 30 }).start()).kind).toBe('wait');
  });

  it('offers when the EWT is unknown (no history yet) and reads the EWT out in minutes', async () => {
    const unknown = block(callbackDesk({ offer: { ewtSeconds: -1 } }));
    expect((await unknown.start()).kind).toBe('wait');
    expect(unknown.heard()).toEqual(['Your wait is 0 minutes. 1 now, 2 later, 3 to hold.']);
    const known = block(callbackDesk({ offer: { ewtSeconds: 125 } }));
    await known.start();
    expect(known.variables.get('EWTMinutes')).toBe(3);
  });

  it('does not offer when the block turns both kinds off', async () => {
    const desk = callbackDesk();
    expect(await block(desk, { offerImmediate: false, offerScheduled: false }).start()).toEqual(
      outcome('notOffered'),
    );
  });

  it('does not offer scheduled-only when no slot is free', async () => {
    const desk = callbackDesk({ offer: { immediate: false }, slots: [] });
    expect(await block(desk).start()).toEqual(outcome('notOffered'));
  });

  it('reads the queue from a variable', async () => {
    const desk = callbackDesk();
    const b = block(
      desk,
      { virtualQueueSource: 'variable', virtualQueueVariable: 'queue' },
      { queue: 'Sales_VQ' },
    );
    expect((await b.start()).kind).toBe('wait');
    expect(desk.offers).toEqual(['Sales_VQ']);
  });

  it('fails with an error when the queue has no CALLBACK_SETTINGS row or no engine runs', async () => {
    expect(await block(callbackDesk(), { virtualQueue: 'Nope_VQ' }).start()).toMatchObject({
      kind: 'error',
      code: 'RESOURCE_MISSING',
    });
    const bare = harness(callbackV2, { properties, now: NOW });
    expect(await bare.start()).toMatchObject({ kind: 'error', code: 'RESOURCE_MISSING' });
  });
});

describe('callback-v2 caller choices', () => {
  it('is declined when the caller keeps waiting', async () => {
    const desk = callbackDesk();
    const b = block(desk);
    await b.start();
    expect(await b.resume(digits('3'))).toEqual(outcome('declined'));
    expect(desk.booked).toEqual([]);
  });

  it('replays the offer on silence and declines after the retries', async () => {
    const b = block(callbackDesk(), { retries: 1 });
    await b.start();
    expect((await b.resume({ kind: 'noInput' })).kind).toBe('wait');
    expect(b.heard()).toHaveLength(2);
    expect(await b.resume({ kind: 'timeout' })).toEqual(outcome('declined'));
  });

  it('books an immediate callback on the caller ANI and stores the id', async () => {
    const desk = callbackDesk();
    const b = block(desk, { priority: { initial: 7 }, userData: [{ key: 'reason', expression: '"sales"' }] });
    await b.start();
    await b.resume(digits('1'));
    expect(b.heard().at(-1)).toBe('1 for this number, 2 for another.');
    expect(await b.resume(digits('1'))).toEqual(outcome('immediateBooked'));
    expect(desk.booked).toEqual([
      {
        virtualQueue: 'Sales_VQ',
        phoneNumber: '+14155550123',
        priority: 7,
        userData: { reason: 'sales' },
        callId: 'call-1',
      },
    ]);
    expect(b.variables.get('callbackId')).toBe('cb-1');
    expect(b.variables.get('CallbackId')).toBe('cb-1');
    expect(b.heard().at(-1)).toBe('Booked.');
  });

  it('validates a keyed-in number with the queue rule, asking again after a refusal', async () => {
    const desk = callbackDesk();
    const b = block(desk);
    await b.start();
    await b.resume(digits('1'));
    expect(await b.resume(digits('2'))).toMatchObject({
      kind: 'wait',
      input: { maxDigits: 15, terminator: '#' },
    });
    expect(b.heard().at(-1)).toBe('Enter the number.');
    expect((await b.resume(digits('442079460000'))).kind).toBe('wait'); // UK: not permitted
    expect(b.heard().at(-1)).toBe('Enter the number.');
    expect(desk.booked).toEqual([]);
    expect(await b.resume(digits('16505550100'))).toEqual(outcome('immediateBooked'));
    expect(desk.booked[0]?.phoneNumber).toBe('+16505550100');
  });

  it('declines after too many refused numbers', async () => {
    const desk = callbackDesk();
    const b = block(desk, { retries: 1 });
    await b.start();
    await b.resume(digits('1'));
    await b.resume(digits('2'));
    await b.resume(digits('442079460000'));
    expect(await b.resume(digits('33123456789'))).toEqual(outcome('declined'));
    expect(desk.booked).toEqual([]);
  });

  it('proposes the nearest free slot, the next on 2, and books the accepted one', async () => {
    const desk = callbackDesk();
    const b = block(desk);
    await b.start();
    await b.resume(digits('2'));
    await b.resume(digits('1'));
    expect(b.heard().at(-1)).toBe('How about Tuesday, March 3 at 9:15 AM? 1 yes, 2 next.');
    await b.resume(digits('2'));
    expect(b.variables.get('SlotTime')).toBe('Tuesday, March 3 at 9:30 AM');
    expect(await b.resume(digits('1'))).toEqual(outcome('scheduledBooked'));
    expect(desk.booked).toHaveLength(1);
    expect(desk.booked[0]).toMatchObject({ phoneNumber: '+14155550123', desiredTimeMs: SLOTS[1]!.startMs });
    expect(b.heard().at(-1)).toBe('Booked.');
  });

  it('offers only scheduled when immediate is closed: 1 is not a choice', async () => {
    const desk = callbackDesk({ offer: { immediate: false } });
    const b = block(desk);
    await b.start();
    expect(await b.resume(digits('1'))).toEqual(outcome('declined'));
  });

  it('offers only immediate when scheduled is off: 2 is not a choice', async () => {
    const desk = callbackDesk({ offer: { scheduled: false } });
    const b = block(desk);
    await b.start();
    expect(await b.resume(digits('2'))).toEqual(outcome('declined'));
    expect(desk.booked).toEqual([]);
  });

  it('ends in error when the engine refuses the booking', async () => {
    const desk = callbackDesk({ bookError: 'TOO_MANY_QUEUED_FOR_NUMBER' });
    const b = block(desk);
    await b.start();
    await b.resume(digits('1'));
    const result = await b.resume(digits('1'));
    expect(result).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('TOO_MANY_QUEUED_FOR_NUMBER'),
    });
    expect(b.variables.get('callbackId')).toBeUndefined();
  });

  it('reports connected in a Callback application', async () => {
    const b = harness(callbackV2, {
      properties: { virtualQueue: 'Sales_VQ', connectCustomer: 'businessToCustomer' },
      appType: 'Callback',
      services: { callbacks: callbackDesk().services },
    });
    expect(await b.start()).toEqual(outcome('connected'));
  });
});

describe('callback-v2 spoken slot times', () => {
  it('reads the proposed slot in French when the block language is fr-FR', async () => {
    const b = block(callbackDesk(), { language: 'fr-FR' });
    await b.start();
    await b.resume(digits('2'));
    await b.resume(digits('1'));
    expect(b.variables.get('SlotTime')).toBe('mardi 3 mars à 9:15');
  });

  it("reads it in the call's AppLanguageName when the block sets no language", async () => {
    const b = block(callbackDesk(), {}, { AppLanguageName: 'fr-FR' });
    await b.start();
    await b.resume(digits('2'));
    await b.resume(digits('1'));
    expect(b.heard().at(-1)).toBe('How about mardi 3 mars à 9:15? 1 yes, 2 next.');
  });
});

describe('callback-v2 the caller says when', () => {
  const asking: Partial<CallbackV2Properties> = {
    askRequestedTime: true,
    dayEntryPrompts: tts('Which day? 0 today, 1 tomorrow, then hash.'),
    timeEntryPrompts: tts('What time? Four digits, then hash.'),
    amPmPrompts: tts('1 for AM, 2 for PM.'),
    requestRefusedPrompts: tts('Sorry, that time cannot be booked.'),
  };
  // Wednesday 4 March, Los Angeles (UTC-8).
  const WEDNESDAY = [
    slot('2026-03-04T17:45:00Z'),
    slot('2026-03-04T18:15:00Z'),
    slot('2026-03-04T22:00:00Z'),
  ];

  async function scheduling(overrides: Partial<CallbackV2Properties> = {}, nothingNear = false) {
    const desk = callbackDesk({ slots: WEDNESDAY, nothingNear });
    const b = block(desk, { ...asking, ...overrides });
    await b.start();
    await b.resume(digits('2'));
    return { desk, b, waiting: await b.resume(digits('1')) };
  }

  it('asks for the day after the number, then the time, and proposes the nearest free slot', async () => {
    const { desk, b, waiting } = await scheduling();
    expect(waiting).toMatchObject({ kind: 'wait', input: { maxDigits: 2, terminator: '#' } });
    expect(b.heard().at(-1)).toBe('Which day? 0 today, 1 tomorrow, then hash.');
    expect(await b.resume(digits('1'))).toMatchObject({ kind: 'wait', input: { maxDigits: 4 } });
    expect(b.heard().at(-1)).toBe('What time? Four digits, then hash.');
    await b.resume(digits('1000'));
    expect(desk.requested).toEqual([{ date: '2026-03-04', minuteOfDay: 600 }]);
    // 10:00 asked: 09:45 is 15 minutes away, 10:15 is 15 too; the tie goes to the nearest first listed.
    expect(b.variables.get('SlotTime')).toBe('Wednesday, March 4 at 9:45 AM');
    await b.resume(digits('2'));
    expect(b.variables.get('SlotTime')).toBe('Wednesday, March 4 at 10:15 AM');
    expect(await b.resume(digits('1'))).toEqual(outcome('scheduledBooked'));
    expect(desk.booked[0]?.desiredTimeMs).toBe(WEDNESDAY[1]!.startMs);
  });

  it('reads the day as a day of the month: 31 on 3 March is 31 March, 2 is 2 April', async () => {
    for (const [keyed, date] of [
      ['31', '2026-03-31'],
      ['2', '2026-04-02'],
      ['3', '2026-03-03'],
    ] as const) {
      const { desk, b } = await scheduling({ dayInputForm: 'dayOfMonth' });
      await b.resume(digits(keyed));
      await b.resume(digits('1400'));
      expect(desk.requested[0]?.date).toBe(date);
    }
  });

  it('reads a 12-hour time with AM or PM: 230 then 2 is 14:30, 1200 then 1 is midnight', async () => {
    const { desk, b } = await scheduling({ timeInputForm: 'hhmm12' });
    await b.resume(digits('1'));
    await b.resume(digits('230'));
    expect(b.heard().at(-1)).toBe('1 for AM, 2 for PM.');
    await b.resume(digits('2'));
    expect(desk.requested.at(-1)).toEqual({ date: '2026-03-04', minuteOfDay: 14 * 60 + 30 });
    const again = await scheduling({ timeInputForm: 'hhmm12' });
    await again.b.resume(digits('2'));
    await again.b.resume(digits('1200'));
    await again.b.resume(digits('1'));
    expect(again.desk.requested.at(-1)).toEqual({ date: '2026-03-05', minuteOfDay: 0 });
  });

  it('asks for the day again after a time that is no time or is past, and declines after the retries', async () => {
    const { desk, b } = await scheduling({ retries: 1 });
    await b.resume(digits('1'));
    expect((await b.resume(digits('2460'))).kind).toBe('wait');
    expect(b.heard().slice(-2)).toEqual([
      'Sorry, that time cannot be booked.',
      'Which day? 0 today, 1 tomorrow, then hash.',
    ]);
    await b.resume(digits('0'));
    expect(await b.resume(digits('0800'))).toEqual(outcome('declined')); // 08:00 today has passed
    expect(desk.requested).toEqual([{ date: '2026-03-03', minuteOfDay: 480 }]);
    expect(desk.booked).toEqual([]);
  });

  it('does not offer when no slot is free near or after the requested time', async () => {
    const { b } = await scheduling({}, true);
    await b.resume(digits('1'));
    expect(await b.resume(digits('1000'))).toEqual(outcome('notOffered'));
  });
});
