/**
 * Priority aging (CALLBACK_SETTINGS Priority Initial / Increment / Interval / Limit): a waiting
 * interaction gains `increment` every `intervalSeconds` until it reaches `limit`. Aging never
 * lowers a priority, so an initial priority above the limit (an API override) is kept.
 */
export interface PriorityAging {
  increment: number;
  intervalSeconds: number;
  limit: number;
}

export const NO_AGING: PriorityAging = { increment: 0, intervalSeconds: 60, limit: 0 };

export function agedPriority(initial: number, aging: PriorityAging, waitedMs: number): number {
  if (aging.increment <= 0 || aging.intervalSeconds <= 0 || initial >= aging.limit) return initial;
  const steps = Math.floor(Math.max(0, waitedMs) / (aging.intervalSeconds * 1000));
  return Math.min(aging.limit, initial + steps * aging.increment);
}
