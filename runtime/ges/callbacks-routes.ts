/** GES callbacks/create, retrieve and cancel. */
import type { Hono } from 'hono';
import type { GesCreate } from '../../schemas/callbacks-api.generated.ts';
import { type CallbackRow, findCallback } from '../callbacks/callback-store.ts';
import { isOverdue, queuePosition } from '../callbacks/queries.ts';
import { callbackRecord } from '../callbacks/record.ts';
import { callbackUpcoming } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import type { Runtime } from '../runtime.ts';
import { gesRoute } from './ges-route.ts';
import { normaliseReporting } from './reporting-fields.ts';

const schema = 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs';
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * CALLBACK_UPCOMING is not sent for a callback whose EWT is already under the queue's Push
 * Notification Threshold when it is booked: recorded here, read by runtime/push/upcoming.ts.
 */
async function upcomingAtBooking(runtime: Runtime, tenantId: string, row: CallbackRow): Promise<void> {
  const config = await runtime.callbacks.queues.find(tenantId, row.virtualQueue);
  const threshold = (config?.settings.pushNotificationThresholdMinutes ?? 0) * 60;
  if (!config || threshold <= 0) return;
  const queue = await queuePosition(runtime.db, runtime.callbacks.host, runtime.callbacks.queues, row);
  if (!queue || queue.ewtSeconds < 0 || queue.ewtSeconds >= threshold) return;
  await runtime.db
    .insert(callbackUpcoming)
    .values({ callbackId: row.id, outcome: 'BELOW_AT_BOOKING', at: runtime.clock.now() })
    .onConflictDoNothing();
}

export function gesCallbackRoutes(app: Hono<AppEnv>) {
  gesRoute(
    app,
    {
      method: 'post',
      path: '/callbacks/create',
      summary: 'Book an immediate (no desiredTime) or scheduled callback',
      body: `${schema}/gesCreate`,
    },
    async ({ c, tenantId, body }) => {
      const request = body as GesCreate;
      const runtime = c.get('runtime');
      // GES ignores user-data keys that are not valid JavaScript identifiers.
      const userData = Object.fromEntries(
        Object.entries(request.userData ?? {}).filter(([key]) => identifier.test(key)),
      );
      const {
        serviceName,
        phoneNumber,
        desiredTime,
        priority,
        alwaysCheckCapacity,
        userData: _u,
        captchaToken: _c,
        pushChannel,
        pushTarget,
        pushTargets: listed,
        ...sent
      } = request;
      // The older pushChannel + pushTarget pair is one FCM target.
      const pushTargets = [
        ...(listed ?? []),
        ...(pushChannel && pushTarget ? [{ channel: 'FCM' as const, target: pushTarget }] : []),
      ];
      const details = {
        language: 'en-US',
        ...sent,
        channel: sent.channel ?? 'API',
        ...(pushTargets.length > 0 ? { pushTargets } : {}),
      };
      const row = await runtime.callbacks.booking.book({
        tenantId,
        virtualQueue: serviceName,
        phoneNumber,
        desiredTimeMs: desiredTime === undefined ? undefined : Date.parse(desiredTime),
        priority,
        userData,
        details: { ...details, normalised: normaliseReporting(details) },
        alwaysCheckCapacity,
        hasPushTargets: pushTargets.length > 0,
        actor: 'api',
      });
      if (pushTargets.length > 0 && desiredTime === undefined)
        await upcomingAtBooking(runtime, tenantId, row);
      return { data: { id: row.id } };
    },
  );
  gesRoute(
    app,
    { method: 'post', path: '/callbacks/retrieve', summary: 'A callback record', body: `${schema}/gesId` },
    async ({ c, tenantId, body }) => {
      const runtime = c.get('runtime');
      const { id } = body as { id: string };
      const row = await findCallback(runtime.db, tenantId, id);
      if (!row) throw new ApiError('NOT_FOUND', `No callback ${id}`);
      const queue = await queuePosition(runtime.db, runtime.callbacks.host, runtime.callbacks.queues, row);
      const overdue = await isOverdue(runtime.callbacks.queues, row, runtime.clock.now());
      return { data: callbackRecord({ ...row, overdue }, queue) };
    },
  );
  gesRoute(
    app,
    {
      method: 'post',
      path: '/callbacks/cancel',
      summary: 'Cancel a callback (400 when PROCESSING or COMPLETED)',
      body: `${schema}/gesId`,
    },
    async ({ c, tenantId, body }) => {
      const { id } = body as { id: string };
      await c.get('runtime').callbacks.lifecycle.cancel(tenantId, id, 'api', false);
      return { data: { id } };
    },
  );
}
