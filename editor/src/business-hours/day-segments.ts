import type { DayHours } from '../../../schemas/business-hours.generated.ts';

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Open segments of one day on a 24-hour bar; an overnight interval is drawn to midnight. */
export function openSegments(day: DayHours): { from: number; to: number }[] {
  if (day.kind === 'closed') return [];
  if (day.kind === 'allDay') return [{ from: 0, to: 1440 }];
  return (day.intervals ?? []).flatMap((i) => {
    if (!/^\d\d:\d\d$/.test(i.start)) return [];
    const from = minutes(i.start);
    const end = i.end && /^\d\d:\d\d$/.test(i.end) ? minutes(i.end) : 1440;
    return [{ from, to: end <= from ? 1440 : end }];
  });
}
