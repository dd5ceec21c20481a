/** A callback as the APIs show it: the GES `retrieve` fields, plus Ringback's own. */
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { CallbackRow } from './callback-store.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function callbackRecord(
  row: CallbackRow & { overdue?: boolean },
  queue?: { position: number; ewtSeconds: number },
) {
  const live = row.state === 'QUEUED' || row.state === 'ROUTING' || row.state === 'PROCESSING';
  return {
    id: row.id,
    serviceName: row.virtualQueue,
    desiredTime: iso(row.desiredTime),
    callbackState: row.state,
    ...(row.state === 'COMPLETED' ? { callbackReason: row.reason } : {}),
    phoneNumber: row.phoneNumber,
    ...(live && queue ? { positionInQueue: queue.position, estimatedWaitTime: queue.ewtSeconds } : {}),
    origin: row.origin,
    scheduled: row.origin === 'scheduled',
    priority: row.priority,
    userData: row.userData,
    attempts: row.attempts,
    createdAt: iso(row.createdAt),
    completedAt: iso(row.completedAt),
    expiresAt: iso(row.expiresAt),
    agentId: row.agentId,
    createdBy: row.createdBy,
    /** SCHEDULED and still waiting past its Desired Callback Time window (the guide's warning icon). */
    overdue: row.state === 'SCHEDULED' && row.overdue === true,
  };
}

export type CallbackRecord = ReturnType<typeof callbackRecord>;

export type { ContactCenterHost };
