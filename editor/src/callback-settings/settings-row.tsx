import { useCallback, useState } from 'react';
import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import { callbackSettingsApi } from '../api/endpoints.ts';
import { ApiProblem, describeError } from '../api/http.ts';
import { errorsByCell, NO_ERRORS, type RowErrors } from './cell-errors.ts';
import { type ReferenceOptions, SettingsCell } from './settings-cell.tsx';
import { newSettingsRow, rowForSaving, SETTINGS_COLUMNS, type SettingsField } from './settings-columns.ts';

const FIELDS: ReadonlySet<string> = new Set(SETTINGS_COLUMNS.map((c) => c.field));

interface RowProps {
  /** The row as stored; null for a row being added. */
  saved: CallbackSettings | null;
  references: ReferenceOptions;
  onSaved: (row: CallbackSettings) => void;
  onDeleted: (virtualQueue: string) => void;
  onDiscard: () => void;
}

/** One editable CALLBACK_SETTINGS row: its draft, Save / Revert / Delete, and the server's problems. */
export function SettingsRow({ saved, references, onSaved, onDeleted, onDiscard }: RowProps) {
  const [draft, setDraft] = useState<Partial<CallbackSettings>>(() => saved ?? newSettingsRow());
  const [errors, setErrors] = useState<RowErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const dirty = saved === null || JSON.stringify(draft) !== JSON.stringify(saved);
  const rowLabel = saved?.virtualQueue ?? 'new row';

  const onChange = useCallback((field: SettingsField, value: unknown) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => (e.cells[field] ? { ...e, cells: { ...e.cells, [field]: undefined } } : e));
  }, []);

  const save = async () => {
    setBusy(true);
    try {
      const row = await callbackSettingsApi.put(rowForSaving(draft));
      setErrors(NO_ERRORS);
      setDraft(row);
      onSaved(row);
    } catch (error) {
      setErrors(
        error instanceof ApiProblem && error.errors.length
          ? errorsByCell(error.errors, FIELDS)
          : { cells: {}, row: [describeError(error)] },
      );
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!saved) return onDiscard();
    if (!window.confirm(`Delete the callback settings of ${saved.virtualQueue}?`)) return;
    setBusy(true);
    try {
      await callbackSettingsApi.remove(saved.virtualQueue);
      onDeleted(saved.virtualQueue);
    } catch (error) {
      setErrors({ cells: {}, row: [describeError(error)] });
      setBusy(false);
    }
  };

  const hasErrors = errors.row.length > 0 || Object.values(errors.cells).some(Boolean);
  return (
    <>
      <tr className={hasErrors ? 'settings-row has-errors' : 'settings-row'} data-row={rowLabel}>
        <th scope="row" className={errors.cells.virtualQueue ? 'cell-error' : undefined}>
          {saved ? (
            saved.virtualQueue
          ) : (
            <input
              type="text"
              aria-label="virtualQueue of new row"
              aria-invalid={errors.cells.virtualQueue ? true : undefined}
              placeholder="Sales_VQ"
              value={draft.virtualQueue ?? ''}
              onChange={(e) => onChange('virtualQueue', e.target.value)}
            />
          )}
          {errors.cells.virtualQueue && (
            <span className="cell-message" role="alert">
              {errors.cells.virtualQueue}
            </span>
          )}
        </th>
        <td>
          <div className="settings-actions">
            <button type="button" className="primary" disabled={!dirty || busy} onClick={() => void save()}>
              Save
            </button>
            {saved && (
              <button
                type="button"
                disabled={!dirty || busy}
                onClick={() => {
                  setDraft(saved);
                  setErrors(NO_ERRORS);
                }}
              >
                Revert
              </button>
            )}
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              {saved ? 'Delete' : 'Discard'}
            </button>
          </div>
        </td>
        {SETTINGS_COLUMNS.filter((c) => c.kind !== 'key').map((column) => (
          <SettingsCell
            key={column.field}
            column={column}
            value={draft[column.field]}
            rowLabel={rowLabel}
            error={errors.cells[column.field]}
            references={references}
            onChange={onChange}
          />
        ))}
      </tr>
      {errors.row.length > 0 && (
        <tr className="row-problems">
          <td colSpan={SETTINGS_COLUMNS.length + 1} role="alert">
            {errors.row.join(' ')}
          </td>
        </tr>
      )}
    </>
  );
}
