import type { DayHours } from '../../schemas/business-hours.generated.ts';
import { minutesOf } from './zone-time.ts';

/** An open span of one day in local minutes from that day's midnight; `end` may pass 1440. */
export interface LocalSpan {
  start: number;
  end: number;
}

/**
 * The open spans that start on a day. An interval with no end runs to midnight; an end at or
 * before the start runs into the next day (so 22:00–06:00 is a night shift and 09:00–09:00 is 24 h).
 */
export function localSpans(hours: DayHours): LocalSpan[] {
  if (hours.kind === 'closed') return [];
  if (hours.kind === 'allDay') return [{ start: 0, end: 1440 }];
  return (hours.intervals ?? []).map((interval) => {
    const start = minutesOf(interval.start);
    if (interval.end === undefined) return { start, end: 1440 };
    const end = minutesOf(interval.end);
    return { start, end: end <= start ? end + 1440 : end };
  });
}
