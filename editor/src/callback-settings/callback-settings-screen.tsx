import './callback-settings.css';
import { useCallback, useEffect, useState } from 'react';
import type { CallbackSettings } from '../../../schemas/callback-settings.generated.ts';
import { applicationsApi, businessHoursApi, callbackSettingsApi } from '../api/endpoints.ts';
import { ApiProblem, describeError } from '../api/http.ts';
import type { ReferenceOptions } from './settings-cell.tsx';
import { SETTINGS_COLUMNS } from './settings-columns.ts';
import { SettingsRow } from './settings-row.tsx';

interface Entry {
  /** Stable while the row is edited, also across the first save of a new row. */
  localId: number;
  saved: CallbackSettings | null;
}

type Load = 'loading' | 'ready' | 'missing' | { error: string };

let nextLocalId = 1;
const entry = (saved: CallbackSettings | null): Entry => ({ localId: nextLocalId++, saved });

async function loadReferences(): Promise<ReferenceOptions> {
  const [applications, hours] = await Promise.all([
    applicationsApi.list('', 1, 250),
    businessHoursApi.list(),
  ]);
  return {
    applications: applications.items
      .filter((a) => a.type === 'Callback' && a.latestVersion !== null)
      .map((a) => ({ id: a.id, name: a.name })),
    businessHours: hours.items.map((h) => h.name).sort(),
  };
}

/** The CALLBACK_SETTINGS data table: one row per callback virtual queue, edited in place. */
export default function CallbackSettingsScreen() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [references, setReferences] = useState<ReferenceOptions>({ applications: [], businessHours: [] });
  const [load, setLoad] = useState<Load>('loading');
  const [status, setStatus] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [rows, refs] = await Promise.all([callbackSettingsApi.list(), loadReferences()]);
      setEntries(rows.items.sort((a, b) => a.virtualQueue.localeCompare(b.virtualQueue)).map(entry));
      setReferences(refs);
      setLoad('ready');
    } catch (e) {
      setLoad(e instanceof ApiProblem && e.status === 404 ? 'missing' : { error: describeError(e) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const onSaved = useCallback((localId: number, row: CallbackSettings) => {
    setEntries((list) => list.map((e) => (e.localId === localId ? { ...e, saved: row } : e)));
    setStatus(`Saved ${row.virtualQueue}.`);
  }, []);
  const drop = useCallback(
    (localId: number) => setEntries((list) => list.filter((e) => e.localId !== localId)),
    [],
  );

  return (
    <div className="callback-settings-screen">
      <div className="settings-head">
        <h1>Callback settings</h1>
        <span className="muted">CALLBACK_SETTINGS: one row per callback virtual queue.</span>
        <span className="spacer" />
        {status && (
          <span role="status" className="ok">
            {status}
          </span>
        )}
        <button
          type="button"
          className="primary"
          disabled={load !== 'ready'}
          onClick={() => setEntries((list) => [...list, entry(null)])}
        >
          Add row
        </button>
      </div>
      {load === 'loading' && <p className="muted">Loading…</p>}
      {load === 'missing' && (
        <p className="error" role="alert">
          This runtime has no CALLBACK_SETTINGS table yet.
        </p>
      )}
      {typeof load === 'object' && (
        <p className="error" role="alert">
          {load.error}
        </p>
      )}
      {load === 'ready' && (
        <div className="settings-table-scroll">
          <table className="settings-table">
            <thead>
              <tr>
                {SETTINGS_COLUMNS.slice(0, 1).map((c) => (
                  <th key={c.field} scope="col" title={c.description}>
                    {c.field}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
                {SETTINGS_COLUMNS.slice(1).map((c) => (
                  <th key={c.field} scope="col" title={c.description}>
                    {c.field}
                    {c.required && <span aria-hidden="true"> *</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <SettingsRow
                  key={e.localId}
                  saved={e.saved}
                  references={references}
                  onSaved={(row) => onSaved(e.localId, row)}
                  onDeleted={(virtualQueue) => {
                    drop(e.localId);
                    setStatus(`Deleted ${virtualQueue}.`);
                  }}
                  onDiscard={() => drop(e.localId)}
                />
              ))}
            </tbody>
          </table>
          {entries.length === 0 && (
            <p className="muted empty">No rows yet. Add one per callback virtual queue.</p>
          )}
        </div>
      )}
    </div>
  );
}
