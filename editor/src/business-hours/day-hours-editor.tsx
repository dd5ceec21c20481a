import type { DayHours, Interval } from '../../../schemas/business-hours.generated.ts';
import { withKind } from './hours-document.ts';

interface Props {
  label: string;
  day: DayHours;
  onChange: (day: DayHours) => void;
}

/** Closed / open all day / open in intervals, and the intervals themselves (an end may be left empty). */
export function DayHoursEditor({ label, day, onChange }: Props) {
  const intervals = day.intervals ?? [];
  const setInterval = (index: number, patch: Partial<Interval>) => {
    const next = intervals.map((interval, i) => {
      if (i !== index) return interval;
      const merged = { ...interval, ...patch };
      if (!merged.end) delete merged.end;
      return merged;
    });
    onChange({ kind: 'intervals', intervals: next });
  };
  return (
    <div className="day-hours">
      <select
        aria-label={`${label} hours`}
        value={day.kind}
        onChange={(e) => onChange(withKind(day, e.target.value as DayHours['kind']))}
      >
        <option value="closed">Closed</option>
        <option value="allDay">Open all day</option>
        <option value="intervals">Open from … to …</option>
      </select>
      {day.kind === 'intervals' &&
        intervals.map((interval, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity beyond their position
          <span key={i} className="interval">
            <input
              type="time"
              aria-label={`${label} interval ${i + 1} start`}
              value={interval.start}
              onChange={(e) => setInterval(i, { start: e.target.value })}
            />
            –
            <input
              type="time"
              aria-label={`${label} interval ${i + 1} end`}
              value={interval.end ?? ''}
              title="Leave empty to stay open until midnight; an end before the start runs past midnight."
              onChange={(e) => setInterval(i, { end: e.target.value })}
            />
            <button
              type="button"
              className="link danger"
              aria-label={`Remove ${label} interval ${i + 1}`}
              onClick={() => onChange({ kind: 'intervals', intervals: intervals.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          </span>
        ))}
      {day.kind === 'intervals' && intervals.length < 24 && (
        <button
          type="button"
          className="link"
          onClick={() =>
            onChange({ kind: 'intervals', intervals: [...intervals, { start: '13:00', end: '17:00' }] })
          }
        >
          + interval
        </button>
      )}
    </div>
  );
}
