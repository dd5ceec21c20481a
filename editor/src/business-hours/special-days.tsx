import type { SpecialDay } from '../../../schemas/business-hours.generated.ts';
import { DayHoursEditor } from './day-hours-editor.tsx';
import { newSpecialDay } from './hours-document.ts';

interface Props {
  days: SpecialDay[];
  timeZones: readonly string[];
  onChange: (days: SpecialDay[]) => void;
}

/** Holidays and other exceptions: a date or a range, their own hours, optionally their own time zone. */
export function SpecialDays({ days, timeZones, onChange }: Props) {
  const update = (index: number, patch: Partial<SpecialDay>) =>
    onChange(
      days.map((d, i) => {
        if (i !== index) return d;
        const merged: SpecialDay = { ...d, ...patch };
        for (const key of ['to', 'timeZone', 'name'] as const) if (merged[key] === '') delete merged[key];
        return merged;
      }),
    );
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="special-days" data-testid="special-days">
      <h3>Special days</h3>
      {days.length === 0 && <p className="muted">No special days: the weekly hours apply all year.</p>}
      <datalist id="special-day-zones">
        {timeZones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {days.map((day, i) => {
        const label = day.name || `Special day ${i + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: special days have no id; order is the user's
          <fieldset key={i} className={`special-day${day.enabled === false ? ' disabled' : ''}`}>
            <legend>{label}</legend>
            <input
              aria-label="Special day name"
              placeholder="e.g. Christmas"
              value={day.name ?? ''}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <label>
              From
              <input type="date" value={day.from} onChange={(e) => update(i, { from: e.target.value })} />
            </label>
            <label>
              To
              <input
                type="date"
                value={day.to ?? ''}
                min={day.from}
                onChange={(e) => update(i, { to: e.target.value })}
              />
            </label>
            <label>
              <input
                type="checkbox"
                checked={day.enabled !== false}
                onChange={(e) => update(i, { enabled: e.target.checked })}
              />
              Enabled
            </label>
            <input
              aria-label={`${label} time zone`}
              list="special-day-zones"
              placeholder="same time zone"
              value={day.timeZone ?? ''}
              onChange={(e) => update(i, { timeZone: e.target.value })}
            />
            <DayHoursEditor label={label} day={day.hours} onChange={(hours) => update(i, { hours })} />
            <button
              type="button"
              className="link danger"
              onClick={() => onChange(days.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...days, newSpecialDay(today)])}>
        + Special day
      </button>
    </section>
  );
}
