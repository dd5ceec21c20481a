/**
 * The scheduling horizon: a callback may be scheduled from now up to Scheduling Horizon days
 * ahead, counted as 24-hour days from now (not local calendar days) so the answer does not depend
 * on the caller's zone or on DST.
 */
const DAY = 86_400_000;

export type HorizonCheck =
  | { ok: true }
  | { ok: false; reason: 'IN_THE_PAST' | 'BEYOND_HORIZON'; latestMs: number };

export function checkHorizon(desiredMs: number, nowMs: number, schedulingHorizonDays: number): HorizonCheck {
  const latestMs = horizonEnd(nowMs, schedulingHorizonDays);
  if (desiredMs < nowMs) return { ok: false, reason: 'IN_THE_PAST', latestMs };
  if (desiredMs > latestMs) return { ok: false, reason: 'BEYOND_HORIZON', latestMs };
  return { ok: true };
}

/** The last instant a callback may be scheduled for. */
export function horizonEnd(nowMs: number, schedulingHorizonDays: number): number {
  return nowMs + schedulingHorizonDays * DAY;
}
