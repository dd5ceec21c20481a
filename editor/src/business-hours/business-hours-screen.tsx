import './business-hours.css';
import { useCallback, useEffect, useState } from 'react';
import type { BusinessHours } from '../../../schemas/business-hours.generated.ts';
import { businessHoursApi } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import { BusinessHoursForm } from './business-hours-form.tsx';
import { describeDay, newBusinessHours, WEEKDAYS } from './hours-document.ts';
import { HoursPreview } from './hours-preview.tsx';

type Selection = { kind: 'none' } | { kind: 'new' } | { kind: 'saved'; name: string };

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The named business hours of the tenant: list, create, edit, delete, preview. */
export default function BusinessHoursScreen() {
  const [items, setItems] = useState<BusinessHours[] | null>(null);
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saves, setSaves] = useState(0);

  const reload = useCallback(async () => {
    try {
      setItems((await businessHoursApi.list()).items.sort((a, b) => a.name.localeCompare(b.name)));
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(e) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setMessage({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };
  const save = (hours: BusinessHours) =>
    run(async () => {
      await businessHoursApi.put(hours);
      await reload();
      setSelection({ kind: 'saved', name: hours.name });
      setSaves((n) => n + 1);
      setMessage({ kind: 'ok', text: `Saved ${hours.name}.` });
    });
  const remove = (name: string) =>
    run(async () => {
      if (!window.confirm(`Delete the business hours ${name}? Flows that use them will fail validation.`))
        return;
      await businessHoursApi.remove(name);
      setSelection({ kind: 'none' });
      await reload();
      setMessage({ kind: 'ok', text: `Deleted ${name}.` });
    });

  const selected = selection.kind === 'saved' ? items?.find((h) => h.name === selection.name) : undefined;
  return (
    <div className="business-hours-screen">
      <aside className="hours-list" aria-label="Business hours">
        <div className="list-head">
          <h2>Business hours</h2>
          <button type="button" className="primary" onClick={() => setSelection({ kind: 'new' })}>
            New
          </button>
        </div>
        {items === null && <p className="muted">Loading…</p>}
        {items?.length === 0 && (
          <p className="muted">None yet. Create business hours to use them in flows.</p>
        )}
        <ul>
          {items?.map((h) => (
            <li key={h.name}>
              <button
                type="button"
                className="list-item"
                aria-current={selection.kind === 'saved' && selection.name === h.name}
                onClick={() => setSelection({ kind: 'saved', name: h.name })}
              >
                <strong>{h.name}</strong>
                <span className="muted">
                  {h.timeZone} · Mon {describeDay(h.weekly[WEEKDAYS[0]!])}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <main className="hours-detail">
        {message && (
          <p role="status" className={message.kind === 'error' ? 'error' : 'ok'}>
            {message.text}
          </p>
        )}
        {selection.kind === 'none' && (
          <p className="muted empty-state">Pick business hours on the left, or create new ones.</p>
        )}
        {selection.kind === 'new' && (
          <BusinessHoursForm
            key="new"
            initial={newBusinessHours('', localZone())}
            isNew
            busy={busy}
            onSave={(h) => void save(h)}
            onDelete={null}
          />
        )}
        {selected && (
          <>
            <BusinessHoursForm
              key={`${selected.name}-${saves}`}
              initial={selected}
              isNew={false}
              busy={busy}
              onSave={(h) => void save(h)}
              onDelete={() => void remove(selected.name)}
            />
            <HoursPreview name={selected.name} version={saves} />
          </>
        )}
      </main>
    </div>
  );
}
