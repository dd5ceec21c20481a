/**
 * The Call-In tab: Click-To-Call-In records, newest first (the runtime keeps the newest 5,000),
 * 500 a page, with time-range presets and a search on any attribute or one of them.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { currentLocale } from '../../i18n/index.ts';
import { type CallInRecord, callInApi, type Page, type SearchField, searchFields } from './call-in-api.ts';

const presets = ['all', 'hour', 'day', 'week', 'month'] as const;
type Preset = (typeof presets)[number];
const presetMs: Record<Preset, number | undefined> = {
  all: undefined,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'short', timeStyle: 'medium' }) : '';

export default function CallInScreen() {
  const { t } = useTranslation('callIn');
  const [preset, setPreset] = useState<Preset>('day');
  const [field, setField] = useState<SearchField>('any');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page<CallInRecord> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const span = presetMs[preset];
    try {
      setResult(
        await callInApi.records({
          page,
          field,
          ...(search ? { search } : {}),
          ...(span ? { from: new Date(Date.now() - span).toISOString() } : {}),
        }),
      );
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, [preset, field, search, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return (
    <main className="screen call-in-screen" aria-labelledby="call-in-title">
      <h1 id="call-in-title">{t('records.title')}</h1>
      <search className="toolbar">
        <label>
          {t('records.range')}{' '}
          <select
            value={preset}
            onChange={(e) => {
              setPreset(e.target.value as Preset);
              setPage(1);
            }}
          >
            {presets.map((p) => (
              <option key={p} value={p}>
                {t(`records.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('records.searchIn')}{' '}
          <select
            value={field}
            onChange={(e) => {
              setField(e.target.value as SearchField);
              setPage(1);
            }}
          >
            {searchFields.map((f) => (
              <option key={f} value={f}>
                {t(`records.fields.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          aria-label={t('records.search')}
          placeholder={t('records.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        <button type="button" onClick={() => void load()}>
          {t('records.refresh')}
        </button>
      </search>
      {error && <p role="alert">{error}</p>}
      <table className="records">
        <thead>
          <tr>
            {(
              [
                'createdAt',
                'groupName',
                'toPhoneNumber',
                'fromPhoneNumber',
                'accessCode',
                'state',
                'expirationTime',
                'matchedOn',
                'callbackServiceId',
                'id',
              ] as const
            ).map((column) => (
              <th key={column}>{t(`records.fields.${column}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result?.items.map((r) => (
            <tr key={r.id}>
              <td>{when(r.createdAt)}</td>
              <td>{r.groupName}</td>
              <td>{r.toPhoneNumber}</td>
              <td>{r.fromPhoneNumber ?? ''}</td>
              <td>{r.accessCode ? t('records.yes') : t('records.no')}</td>
              <td>{t(`records.states.${r.state}`)}</td>
              <td>{when(r.expirationTime)}</td>
              <td>{r.matchedOn ?? ''}</td>
              <td>{r.callbackServiceId ?? ''}</td>
              <td>
                <code>{r.id}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result && result.items.length === 0 && <p>{t('records.empty')}</p>}
      <nav className="pager" aria-label={t('records.pages')}>
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('records.previous')}
        </button>
        <span>{t('records.pageOf', { page, pages, total: result?.total ?? 0 })}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('records.next')}
        </button>
      </nav>
    </main>
  );
}
