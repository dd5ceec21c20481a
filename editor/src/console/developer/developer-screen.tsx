/** The Developer tab: errors by correlation id, allowed CORS domains, API keys, and the credentials of outside services. */
import '../console.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { usePreferences } from '../../shell/preferences.ts';
import { developerApi, type RecordedError } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';
import { ApiKeys } from './api-keys.tsx';
import { Credentials } from './credentials.tsx';

const sections = ['errors', 'cors', 'apiKeys', 'credentials'] as const;

export default function DeveloperScreen() {
  const { t } = useTranslation('developer');
  const [section, setSection] = useState<(typeof sections)[number]>('errors');
  return (
    <div className="console-screen developer-screen">
      <div className="console-head">
        <h1>{t('title')}</h1>
      </div>
      <div className="side-nav" role="tablist">
        {sections.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={s === section}
            className={s === section ? 'primary' : ''}
            onClick={() => setSection(s)}
          >
            {t(`sections.${s}`)}
          </button>
        ))}
      </div>
      <div className="scroll">
        {section === 'errors' && <Errors />}
        {section === 'cors' && <Cors />}
        {section === 'apiKeys' && <ApiKeys />}
        {section === 'credentials' && <Credentials />}
      </div>
    </div>
  );
}

function Errors() {
  const { t } = useTranslation('developer');
  const prefs = usePreferences();
  const [corrId, setCorrId] = useState('');
  const [query, setQuery] = useState('');
  const errors = useLoader(() => developerApi.errors(query || undefined), [query]);
  return (
    <div className="form">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(corrId.trim());
        }}
      >
        <label>
          {t('errors.corrId')}
          <input value={corrId} onChange={(e) => setCorrId(e.target.value)} size={40} />
        </label>
        <button type="submit" className="primary">
          {t('errors.find')}
        </button>
        {query && (
          <button
            type="button"
            onClick={() => {
              setCorrId('');
              setQuery('');
            }}
          >
            {t('errors.all')}
          </button>
        )}
      </form>
      <ErrorBanner error={errors.error} />
      {errors.data?.items.length === 0 ? (
        <p className="muted">{query ? t('errors.noneFor', { corrId: query }) : t('errors.none')}</p>
      ) : (
        <table className="list card" data-testid="errors">
          <thead>
            <tr>
              <th>{t('errors.at')}</th>
              <th>{t('errors.corrId')}</th>
              <th>{t('errors.request')}</th>
              <th>{t('errors.status')}</th>
              <th>{t('errors.message')}</th>
            </tr>
          </thead>
          <tbody>
            {(errors.data?.items ?? []).map((e: RecordedError) => (
              <tr key={e.corrId}>
                <td>{formatDateTime(e.at, { hour24: prefs.hour24, utc: prefs.utc })}</td>
                <td>
                  <code>{e.corrId}</code>
                </td>
                <td>
                  <code>
                    {e.method} {e.path}
                  </code>
                </td>
                <td>{e.status}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Cors() {
  const { t } = useTranslation('developer');
  const origins = useLoader(() => developerApi.corsOrigins(), []);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (list: string[]) => {
    setError(null);
    try {
      await developerApi.putCorsOrigins(list);
      setAdding('');
      await origins.reload();
    } catch (e) {
      setError(describeError(e));
    }
  };
  const list = origins.data?.origins ?? [];
  return (
    <div className="form">
      <p className="muted">{t('cors.hint')}</p>
      <ErrorBanner error={error ?? origins.error} />
      {list.length === 0 && <p className="muted">{t('cors.none')}</p>}
      <ul className="plain" data-testid="cors-origins">
        {list.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{' '}
            <button
              type="button"
              className="link"
              onClick={() => void save(list.filter((o) => o !== origin))}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save([...list, adding.trim()]);
        }}
      >
        <label>
          {t('cors.origin')}
          <input
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            placeholder="https://www.example.com"
          />
        </label>
        <button type="submit" disabled={!adding.trim()}>
          {t('cors.add')}
        </button>
      </form>
    </div>
  );
}
