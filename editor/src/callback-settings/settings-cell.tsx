import { memo } from 'react';
import type { SettingsColumn } from './settings-columns.ts';

export interface ReferenceOptions {
  /** Published Callback applications: id and name. */
  applications: readonly { id: string; name: string }[];
  businessHours: readonly string[];
}

interface CellProps {
  column: SettingsColumn;
  value: unknown;
  rowLabel: string;
  error: string | undefined;
  references: ReferenceOptions;
  onChange: (field: SettingsColumn['field'], value: unknown) => void;
}

/** One typed cell of a CALLBACK_SETTINGS row; the server's problem for it is shown beneath. */
export const SettingsCell = memo(function SettingsCell(props: CellProps) {
  const { error } = props;
  return (
    <td className={error ? 'cell-error' : undefined}>
      <CellInput {...props} />
      {error && (
        <span className="cell-message" role="alert">
          {error}
        </span>
      )}
    </td>
  );
});

function CellInput({ column, value, rowLabel, error, references, onChange }: CellProps) {
  const common = {
    'aria-label': `${column.field} of ${rowLabel}`,
    'aria-invalid': error ? true : undefined,
    title: column.description,
  };
  const set = (next: unknown) => onChange(column.field, next);
  const text = value === undefined || value === null ? '' : String(value);
  switch (column.kind) {
    case 'boolean':
      return (
        <input type="checkbox" {...common} checked={value === true} onChange={(e) => set(e.target.checked)} />
      );
    case 'integer':
      return (
        <input
          type="number"
          step={1}
          {...common}
          min={column.minimum}
          max={column.maximum}
          value={text}
          placeholder={column.default === undefined ? '' : String(column.default)}
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'enum':
      return (
        <select
          {...common}
          value={text}
          onChange={(e) => {
            const option = column.options?.find((o) => String(o) === e.target.value);
            set(option ?? undefined);
          }}
        >
          {!column.required && column.default === undefined && <option value="">—</option>}
          {column.options?.map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      );
    case 'application':
    case 'businessHours': {
      const choices =
        column.kind === 'application'
          ? references.applications.map((a) => ({
              value: a.id,
              label: a.name === a.id ? a.id : `${a.name} (${a.id})`,
            }))
          : references.businessHours.map((name) => ({ value: name, label: name }));
      const missing = text !== '' && !choices.some((c) => c.value === text);
      return (
        <select {...common} value={text} onChange={(e) => set(e.target.value || undefined)}>
          <option value="">{column.required ? 'Choose…' : '—'}</option>
          {missing && <option value={text}>{text} (not found)</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      );
    }
    default:
      return <input type="text" {...common} value={text} onChange={(e) => set(e.target.value)} />;
  }
}
