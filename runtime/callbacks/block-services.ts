/** The callback service handed to Callback V2 (blocks/contract.ts CallbackServices). */
import type { CallbackServices } from '../../blocks/contract.ts';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { Database } from '../db/client.ts';
import { ApiError } from '../http/problem.ts';
import type { BookingService } from './booking.ts';
import { checkNumber } from './number-check.ts';
import { openFor, queueEwt } from './offer.ts';
import type { QueueConfigs } from './queue-config.ts';
import { proposals } from './slots.ts';

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
      return (await proposals(db, config, fromMs, now(), count)).map((s) => ({
        startMs: s.startMs,
        localTime: s.localTime,
      }));
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
