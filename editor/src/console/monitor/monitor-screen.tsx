/** The Monitor tab: every callback queue's live figures, 50 a page, refreshing itself; a queue opens to its day. */
import '../console.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../shell/preferences.ts';
import { navigate } from '../../shell/route.ts';
import { type QueueFigures, queuesApi } from '../shared/api.ts';
import { formatDateTime, formatDuration, formatNumber } from '../shared/format.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { useLoader } from '../shared/use-loader.ts';
import { QueueDayView } from './queue-day.tsx';

import { REFRESH_MS } from './refresh.ts';

const columns = [
  'virtualQueue',
  'waiting',
  'scheduledToday',
  'ewtSeconds',
  'openNow',
  'opensAt',
  'closesAt',
] as const;

export default function MonitorScreen({ queue }: { queue?: string | undefined }) {
  return queue ? <QueueDayView queue={queue} /> : <QueueList />;
}

function QueueList() {
  const { t } = useTranslation('monitor');
  const prefs = usePreferences();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: string; order: 'asc' | 'desc' }>({
    key: 'virtualQueue',
    order: 'asc',
  });
  const [page, setPage] = useState(1);
  const list = useLoader(
    () => queuesApi.list({ search, sort: sort.key, order: sort.order, page }),
    [search, sort, page],
  );
  useEffect(() => {
    const timer = setInterval(() => void list.reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [list.reload]);
  const time = { hour24: prefs.hour24, utc: prefs.utc };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const toggleSort = (key: string) =>
    setSort((s) => ({ key, order: s.key === key && s.order === 'asc' ? 'desc' : 'asc' }));

  return (
    <div className="console-screen monitor-screen">
      <div className="console-head">
        <h1>{t('title')}</h1>
        <input
          type="search"
          aria-label={t('filter')}
          placeholder={t('filter')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
        <button type="button" onClick={() => void list.reload()}>
          {t('refresh')}
        </button>
        <span className="muted" role="status" data-testid="monitor-at">
          {list.data ? t('updated', { at: formatDateTime(list.data.at, { ...time, hour24: true }) }) : ''}
        </span>
        <span className="spacer" />
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('previous')}
        </button>
        <span>{t('page', { page, pages })}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('next')}
        </button>
      </div>
      <ErrorBanner error={list.error} />
      {list.data && list.data.total === 0 ? (
        <div className="empty-state">
          <p>{search ? t('noMatch') : t('empty')}</p>
          <p className="muted">{t('emptyHint')}</p>
        </div>
      ) : (
        <div className="scroll card">
          <table className="list monitor" data-testid="queues">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c}
                    aria-sort={sort.key === c ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className="link" onClick={() => toggleSort(c)}>
                      {t(`columns.${c}`)}
                      {sort.key === c ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
                <th>{t('columns.immediate')}</th>
                <th>{t('columns.scheduled')}</th>
              </tr>
            </thead>
            <tbody>
              {(list.data?.items ?? []).map((q) => (
                <QueueRow key={q.virtualQueue} q={q} time={time} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function QueueRow({ q, time }: { q: QueueFigures; time: { hour24: boolean; utc: boolean } }) {
  const { t } = useTranslation('monitor');
  const zoned = { ...time, timeZone: q.timeZone };
  const flag = (on: boolean) => <span className={on ? 'yes' : 'no'}>{t(on ? 'yes' : 'no')}</span>;
  return (
    <tr data-queue={q.virtualQueue}>
      <td>
        <button
          type="button"
          className="link"
          onClick={() => navigate(`/monitor/${encodeURIComponent(q.virtualQueue)}`)}
        >
          {q.virtualQueue}
        </button>
      </td>
      <td data-testid="waiting">{formatNumber(q.waiting)}</td>
      <td>{formatNumber(q.scheduledToday)}</td>
      <td>{formatDuration(q.ewtSeconds)}</td>
      <td>{flag(q.openNow)}</td>
      <td>{formatDateTime(q.opensAt, zoned)}</td>
      <td>{formatDateTime(q.closesAt, zoned)}</td>
      <td>{flag(q.immediateOfferEnabled)}</td>
      <td>{flag(q.scheduledOfferEnabled)}</td>
    </tr>
  );
}
