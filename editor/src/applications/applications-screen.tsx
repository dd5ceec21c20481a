import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationsApi } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { ApplicationSummary } from '../api/types.ts';
import { navigate } from '../shell/route.ts';
import { duplicateApplication, exportApplication, importApplication } from './application-row-actions.ts';
import { type ImportProblems, importProblems } from './import-problems.ts';
import { NewApplicationForm } from './new-application-form.tsx';
import { RowDialog, type RowQuestion } from './row-dialogs.tsx';

/** `unknownPath`: the address asked for matched no screen; say so above the list. */
export function ApplicationsScreen({ unknownPath }: { unknownPath?: string | undefined }) {
  const { t } = useTranslation('designer');
  const [question, setQuestion] = useState<RowQuestion | null>(null);
  const [items, setItems] = useState<ApplicationSummary[]>([]);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [importFailure, setImportFailure] = useState<ImportProblems | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      setItems((await applicationsApi.list(search)).items);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  }, [search]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = (action: () => Promise<unknown>) => async () => {
    try {
      await action();
      await reload();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <main className="applications">
      <div className="applications-head">
        <h1>Applications</h1>
        <input
          type="search"
          placeholder="Search applications"
          aria-label="Search applications"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import JSON…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            importApplication(file).then(
              () => {
                setImportFailure(null);
                void reload();
              },
              (failure: unknown) => setImportFailure(importProblems(failure)),
            );
          }}
        />
      </div>
      {unknownPath && (
        <p role="alert" className="notice unknown-page">
          {t('applications.unknownPage', { path: unknownPath })}
        </p>
      )}
      <NewApplicationForm onError={setError} />
      {importFailure && (
        <div role="alert" className="error import-problems">
          <strong>Import failed. {importFailure.summary}</strong>
          {importFailure.details.length > 0 && (
            <ul>
              {importFailure.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Type</th>
            <th>Live</th>
            <th>Latest</th>
            <th>Updated</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((app) => (
            <tr key={app.id}>
              <td>
                <a href={`#/applications/${encodeURIComponent(app.id)}`}>{app.name}</a>
                <div className="muted">{app.id}</div>
              </td>
              <td>{app.type}</td>
              <td>{app.liveVersion ?? '—'}</td>
              <td>{app.latestVersion ?? '—'}</td>
              <td>{new Date(app.updatedAt).toLocaleString()}</td>
              <td className="row-actions">
                <button type="button" onClick={() => navigate(`/applications/${encodeURIComponent(app.id)}`)}>
                  Open
                </button>
                <button type="button" onClick={() => setQuestion({ kind: 'rename', app })}>
                  Rename
                </button>
                <button type="button" onClick={run(() => duplicateApplication(app.id))}>
                  Duplicate
                </button>
                <button type="button" onClick={run(() => exportApplication(app.id))}>
                  Export
                </button>
                <button type="button" className="danger" onClick={() => setQuestion({ kind: 'delete', app })}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
          {!loading && items.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No applications yet. Create one above.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {question && (
        <RowDialog
          question={question}
          onDone={(changed) => {
            setQuestion(null);
            if (changed) void reload();
          }}
        />
      )}
    </main>
  );
}
