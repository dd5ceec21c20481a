/**
 * What a client (or the IVR) may offer now: open-for, the immediate-offer gates (Immediate
 * Enabled, business hours, Immediate Offer Hours or else Immediate Blackout), the scheduled
 * gate, and the EWT of a newcomer, counting the callbacks waiting in the queue as virtual calls.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { EwtMode, EwtResult } from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { callbacks } from '../db/schema.ts';
import type { QueueConfig } from './queue-config.ts';
import { queueWait } from './wait-time.ts';

export interface OpenFor {
  openFor: number;
  /** -1 when no Immediate Offer Hours are configured, 0 outside them, else seconds to their close. */
  immediateOfferHoursOpenFor: number;
  isWithinImmediateOfferTime: boolean;
  isImmediateEnabled: boolean;
}

export function openFor(config: QueueConfig, atMs: number): OpenFor {
  const { settings, hours, immediateOfferHours } = config;
  const open = hours.openForSeconds(atMs);
  const offerHours = immediateOfferHours ? immediateOfferHours.openForSeconds(atMs) : -1;
  const within = immediateOfferHours
    ? offerHours > 0 && open > 0
    : open > settings.immediateBlackoutMinutes * 60;
  return {
    openFor: open,
    immediateOfferHoursOpenFor: offerHours,
    isWithinImmediateOfferTime: within,
    isImmediateEnabled: settings.immediateEnabled,
  };
}

export async function waitingCount(db: Database, config: QueueConfig): Promise<number> {
  const [row] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.tenantId, config.tenantId),
        eq(callbacks.virtualQueue, config.settings.virtualQueue),
        inArray(callbacks.state, ['QUEUED', 'ROUTING']),
      ),
    )) as [{ n: number }];
  return row.n;
}

export async function queueEwt(
  db: Database,
  host: ContactCenterHost,
  config: QueueConfig,
  mode: EwtMode,
): Promise<EwtResult> {
  const wait = await queueWait({ db, host }, config.tenantId, config.settings.virtualQueue, config, mode);
  // A queue with settings is always known.
  return wait.resultCode === 'unknown' ? { estimatedWaitTime: -1, resultCode: -1 } : wait;
}

export interface QueueStatus {
  ewt: number;
  offerImmediateCallback: boolean;
  offerScheduledCallback: boolean;
}

export async function queueStatus(
  db: Database,
  host: ContactCenterHost,
  config: QueueConfig,
  atMs: number,
): Promise<QueueStatus> {
  const ewt = await queueEwt(db, host, config, 'mode2');
  const gates = openFor(config, atMs);
  // GES: -1 with offerImmediate false means no agent is logged in.
  const noAgents = ewt.resultCode === -2;
  return {
    ewt: ewt.resultCode === 0 ? ewt.estimatedWaitTime : -1,
    offerImmediateCallback: !noAgents && gates.isImmediateEnabled && gates.isWithinImmediateOfferTime,
    offerScheduledCallback: config.settings.scheduledEnabled,
  };
}
