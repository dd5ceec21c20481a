/**
 * The desired time of a booking or a reschedule: a time inside its own Desired Callback Time
 * window counts as now (the window is not an instant), and it must lie between now and the
 * scheduling horizon.
 */
import { ApiError } from '../http/problem.ts';
import { checkHorizon } from '../scheduling/index.ts';
import type { QueueSettings } from './settings.ts';

export function checkDesiredTime(
  desiredMs: number,
  at: number,
  settings: Pick<QueueSettings, 'desiredTimeWindowMinutes' | 'schedulingHorizonDays'>,
): { ok: true; desired: number } | { ok: false; error: ApiError } {
  const inWindow = desiredMs < at && desiredMs >= at - settings.desiredTimeWindowMinutes * 60_000;
  const desired = inWindow ? at : desiredMs;
  const horizon = checkHorizon(desired, at, settings.schedulingHorizonDays);
  if (horizon.ok) return { ok: true, desired };
  const why =
    horizon.reason === 'IN_THE_PAST'
      ? 'is in the past'
      : `is after the scheduling horizon (${new Date(horizon.latestMs).toISOString()})`;
  return {
    ok: false,
    error: new ApiError('DESIRED_TIME_OUT_OF_RANGE', `The desired time ${why}`, {
      errors: [{ pointer: '/desiredTime', message: why }],
    }),
  };
}
