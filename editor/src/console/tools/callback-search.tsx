/** Callback Search: one callback by its id, or every callback to a phone number, whatever its date. */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { usePreferences } from '../../shell/preferences.ts';
import { CallbackDetails } from '../callbacks/callback-details.tsx';
import { type CallbackRecord, callbacksApi } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { ErrorBanner } from '../shared/modal.tsx';

export function CallbackSearch() {
  const { t } = useTranslation('tools');
  const prefs = usePreferences();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CallbackRecord[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const time = { hour24: prefs.hour24, utc: prefs.utc };
  const search = async () => {
    setError(null);
    try {
      setResults((await callbacksApi.list({ search: query.trim() }, 1)).items);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="form">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label>
          {t('search.label')}
          <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="+14155550123" />
        </label>
        <button type="submit" className="primary" disabled={!query.trim()}>
          {t('search.submit')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {results?.length === 0 && <p className="muted">{t('search.none')}</p>}
      {results && results.length > 0 && (
        <table className="list card" data-testid="search-results">
          <thead>
            <tr>
              <th>{t('search.id')}</th>
              <th>{t('search.state')}</th>
              <th>{t('search.queue')}</th>
              <th>{t('search.number')}</th>
              <th>{t('search.desired')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <Fragment key={r.id}>
                <tr>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-expanded={open === r.id}
                      onClick={() => setOpen(open === r.id ? null : r.id)}
                    >
                      {r.id}
                    </button>
                  </td>
                  <td>
                    {r.callbackState} {r.callbackReason ?? ''}
                  </td>
                  <td>{r.serviceName}</td>
                  <td>{r.phoneNumber}</td>
                  <td>{formatDateTime(r.desiredTime, time)}</td>
                </tr>
                {open === r.id && (
                  <tr>
                    <td colSpan={5}>
                      <CallbackDetails
                        record={r}
                        time={time}
                        canManage={false}
                        onChanged={() => undefined}
                        onReschedule={() => undefined}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
