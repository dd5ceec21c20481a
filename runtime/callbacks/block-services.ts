/** The callback service handed to Callback V2 (blocks/contract.ts CallbackServices). */
import type { CallbackServices, FreeSlot } from '../../blocks/contract.ts';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import { epochDayOf, zoneTime } from '../business-hours/zone-time.ts';
import type { Database } from '../db/client.ts';
import { ApiError } from '../http/problem.ts';
import type { Slot } from '../scheduling/index.ts';
import type { BookingService } from './booking.ts';
import { checkDesiredTime } from './desired-time.ts';
import { checkNumber } from './number-check.ts';
import { openFor, queueEwt } from './offer.ts';
import type { QueueConfig, QueueConfigs } from './queue-config.ts';
import { nearestFreeSlot, proposals } from './slots.ts';

function freeSlot(config: QueueConfig, slot: Slot): FreeSlot {
  return { startMs: slot.startMs, localTime: slot.localTime, timeZone: config.hours.timeZone };
}

export function callbackBlockServices(
  deps: {
    db: Database;
    queues: QueueConfigs;
    booking: BookingService;
    host: ContactCenterHost;
    now: () => number;
  },
  tenantId: string,
): CallbackServices {
  const { db, queues, booking, host, now } = deps;
  return {
    async offer(virtualQueue, atMs) {
      const config = await queues.find(tenantId, virtualQueue);
      if (!config) return undefined;
      const gates = openFor(config, atMs);
      const ewt = await queueEwt(db, host, config, 'mode2');
      const { settings } = config;
      return {
        immediate: settings.immediateEnabled && gates.isWithinImmediateOfferTime && ewt.resultCode !== -2,
        scheduled: settings.scheduledEnabled,
        ewtSeconds: ewt.resultCode === 0 ? ewt.estimatedWaitTime : -1,
        ewtThresholdSeconds: settings.ewtThresholdSeconds,
        timeZone: config.hours.timeZone,
      };
    },
    async checkNumber(virtualQueue, number) {
      const config = await queues.get(tenantId, virtualQueue);
      const check = checkNumber(config, number);
      return check.ok ? check : { ok: false, code: check.code, message: check.explanation };
    },
    async freeSlots(virtualQueue, fromMs, count) {
      const config = await queues.get(tenantId, virtualQueue);
      const slots = await proposals(db, config, fromMs, now(), count, fromMs);
      return slots.map((slot) => freeSlot(config, slot));
    },
    async nearestFreeSlot(virtualQueue, local) {
      const config = await queues.get(tenantId, virtualQueue);
      const at = now();
      const validLocal =
        /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(local.date) &&
        Number.isInteger(local.minuteOfDay) &&
        local.minuteOfDay >= 0 &&
        local.minuteOfDay < 1440;
      if (!validLocal) return { ok: false, requestedMs: Number.NaN, reason: 'INVALID_TIME' };
      // The one rule for a local time (docs/decisions.md, Issue 8), as business hours use it.
      const requestedMs = zoneTime(config.hours.timeZone).resolve(
        epochDayOf(local.date),
        local.minuteOfDay,
      ).ms;
      const time = checkDesiredTime(requestedMs, at, config.settings);
      if (!time.ok)
        return { ok: false, requestedMs, reason: requestedMs < at ? 'IN_THE_PAST' : 'BEYOND_HORIZON' };
      const slot = await nearestFreeSlot(db, config, time.desired, at);
      if (!slot) return { ok: false, requestedMs, reason: 'NO_FREE_SLOT' };
      return { ok: true, requestedMs, slot: freeSlot(config, slot) };
    },
    async book(request) {
      try {
        const row = await booking.book({
          tenantId,
          virtualQueue: request.virtualQueue,
          phoneNumber: request.phoneNumber,
          desiredTimeMs: request.desiredTimeMs,
          priority: request.priority,
          userData: request.userData,
          details: { channel: 'IVR', originCallId: request.callId },
          // The IVR offers only slots with room, so it always checks capacity.
          alwaysCheckCapacity: true,
          actor: `ivr:${request.callId}`,
        });
        return { ok: true, id: row.id, desiredTimeMs: row.desiredTime };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, code: error.code, message: error.message };
        throw error;
      }
    },
  };
}
