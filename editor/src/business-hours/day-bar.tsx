import type { DayHours } from '../../../schemas/business-hours.generated.ts';
import { openSegments } from './day-segments.ts';

export function DayBar({ day }: { day: DayHours }) {
  return (
    <div className="day-bar" aria-hidden="true">
      {openSegments(day).map((s) => (
        <span
          key={`${s.from}-${s.to}`}
          style={{ left: `${(s.from / 1440) * 100}%`, width: `${((s.to - s.from) / 1440) * 100}%` }}
        />
      ))}
    </div>
  );
}
