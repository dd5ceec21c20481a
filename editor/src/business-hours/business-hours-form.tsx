import { useMemo, useState } from 'react';
import type { BusinessHours } from '../../../schemas/business-hours.generated.ts';
import { checkBusinessHours } from './hours-document.ts';
import { SpecialDays } from './special-days.tsx';
import { TimeZonePicker } from './time-zone-picker.tsx';
import { supportedTimeZones } from './time-zones.ts';
import { WeeklyGrid } from './weekly-grid.tsx';

interface Props {
  initial: BusinessHours;
  /** False when editing a saved resource: its name is its identity. */
  isNew: boolean;
  busy: boolean;
  onSave: (hours: BusinessHours) => void;
  onDelete: (() => void) | null;
}

/** Edits one business-hours document; nothing reaches the runtime until Save. */
export function BusinessHoursForm({ initial, isNew, busy, onSave, onDelete }: Props) {
  const [hours, setHours] = useState(initial);
  const zones = useMemo(supportedTimeZones, []);
  const problems = checkBusinessHours(hours, zones);
  const problemAt = (pointer: string) => problems.find((p) => p.pointer === pointer)?.message;
  const dirty = hours !== initial;
  const patch = (p: Partial<BusinessHours>) => setHours((h) => ({ ...h, ...p }));

  return (
    <form
      className="business-hours-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) onSave(hours);
      }}
    >
      <div className="form-row">
        <label>
          Name
          <input
            value={hours.name}
            readOnly={!isNew}
            className={problemAt('/name') ? 'invalid' : undefined}
            onChange={(e) => patch({ name: e.target.value })}
          />
        </label>
        <label className="grow">
          Description
          <input
            value={hours.description ?? ''}
            onChange={(e) => patch({ description: e.target.value || undefined })}
          />
        </label>
      </div>
      <div className="form-row">
        <span className="field-label">Time zone</span>
        <TimeZonePicker value={hours.timeZone} zones={zones} onChange={(timeZone) => patch({ timeZone })} />
      </div>
      <h3>Weekly hours</h3>
      <WeeklyGrid weekly={hours.weekly} onChange={(weekly) => patch({ weekly })} />
      <SpecialDays
        days={hours.specialDays ?? []}
        timeZones={zones}
        onChange={(specialDays) => patch({ specialDays })}
      />
      {problems.length > 0 && (
        <ul className="problems" role="alert">
          {problems.map((p) => (
            <li key={p.pointer} className="error">
              {p.message} <code>{p.pointer}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="primary"
          disabled={busy || problems.length > 0 || (!dirty && !isNew)}
        >
          Save
        </button>
        <button type="button" disabled={!dirty} onClick={() => setHours(initial)}>
          Revert
        </button>
        <span className="spacer" />
        {onDelete && (
          <button type="button" className="danger" disabled={busy} onClick={onDelete}>
            Delete
          </button>
        )}
      </div>
    </form>
  );
}
