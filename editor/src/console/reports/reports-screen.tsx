/** Reports: callbacks per interval by state and reason, waits and connection rate; charts first, the table and CSV beside. */
import '../console.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { usePreferences } from '../../shell/preferences.ts';
import { type PresetId, presetIds, presetRange } from '../callbacks/callback-list.ts';
import { callbackStates, downloadFrom, queuesApi, reportsApi } from '../shared/api.ts';
import { formatDateTime, formatNumber, formatPercent } from '../shared/format.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { serverNow, syncServerClock } from '../shared/server-clock.ts';
import { colorAt, TimeChart } from '../shared/time-chart.tsx';
import { useLoader } from '../shared/use-loader.ts';

const intervals = [15, 30, 60, 1440];

export default function ReportsScreen() {
  const { t } = useTranslation('reports');
  const prefs = usePreferences();
  const [preset, setPreset] = useState<PresetId>('today');
  const [interval, setIntervalMinutes] = useState(60);
  const [queue, setQueue] = useState('');
  const [nowMs, setNowMs] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void syncServerClock().then(setNowMs);
  }, []);
  const range = useMemo(
    () => presetRange(preset, nowMs ?? serverNow(), prefs.utc),
    [preset, nowMs, prefs.utc],
  );
  const params = { ...range, interval, ...(queue ? { queues: queue } : {}) };
  const queues = useLoader(async () => (await queuesApi.names()).items.map((q) => q.virtualQueue).sort(), []);
  const report = useLoader(
    async () => (nowMs === null ? undefined : reportsApi.callbacks(params)),
    [range.from, range.to, interval, queue, nowMs],
  );
  const r = report.data;
  const x = r ? r.total.intervals.map((b) => Date.parse(b.start)) : [];
  const reasons = r ? Object.keys(r.total.summary.byReason).sort() : [];
  const time = { hour24: prefs.hour24, utc: prefs.utc };
  const s = r?.total.summary;

  return (
    <div className="console-screen reports-screen">
      <div className="console-head">
        <h1>{t('title')}</h1>
        <select
          aria-label={t('range')}
          value={preset}
          onChange={(e) => setPreset(e.target.value as PresetId)}
        >
          {presetIds.map((id) => (
            <option key={id} value={id}>
              {t(`presets.${id}`, { ns: 'callbacks' })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('interval')}
          value={interval}
          onChange={(e) => setIntervalMinutes(Number(e.target.value))}
        >
          {intervals.map((i) => (
            <option key={i} value={i}>
              {t(`intervals.${i}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('queue')} value={queue} onChange={(e) => setQueue(e.target.value)}>
          <option value="">{t('allQueues')}</option>
          {(queues.data ?? []).map((q) => (
            <option key={q}>{q}</option>
          ))}
        </select>
        <button type="button" onClick={() => void report.reload()}>
          {t('refresh')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          onClick={() =>
            downloadFrom(reportsApi.csvUrl(params), 'callback-report.csv').catch((e) =>
              setError(describeError(e)),
            )
          }
        >
          {t('csv')}
        </button>
      </div>
      <ErrorBanner error={report.error ?? error} />
      {s && (
        <div className="console-subhead" data-testid="report-summary">
          <strong>{t('summary.total', { count: s.total, formatted: formatNumber(s.total) })}</strong>
          <span>{t('summary.connected', { rate: formatPercent(s.connectionRate) })}</span>
          <span>
            {t('summary.wait', { p50: s.wait?.p50 ?? '–', p90: s.wait?.p90 ?? '–', p95: s.wait?.p95 ?? '–' })}
          </span>
        </div>
      )}
      {r && s?.total === 0 && (
        <div className="empty-state">
          <p>{t('empty')}</p>
        </div>
      )}
      {r && s && s.total > 0 && (
        <div className="scroll">
          <div className="charts">
            <TimeChart
              title={t('charts.byState')}
              x={x}
              series={callbackStates.map((st, i) => ({
                label: st,
                values: r.total.intervals.map((b) => b.byState[st] ?? 0),
                color: colorAt(i),
                bars: st === 'COMPLETED',
              }))}
            />
            <TimeChart
              title={t('charts.byReason')}
              x={x}
              series={reasons.map((reason, i) => ({
                label: reason,
                values: r.total.intervals.map((b) => b.byReason[reason] ?? 0),
                color: colorAt(i),
              }))}
            />
            <TimeChart
              title={t('charts.wait')}
              yLabel={t('seconds')}
              x={x}
              series={(['p50', 'p90', 'p95'] as const).map((p, i) => ({
                label: p,
                values: r.total.intervals.map((b) => b.wait?.[p] ?? null),
                color: colorAt(i + 1),
              }))}
            />
            <TimeChart
              title={t('charts.connection')}
              yLabel="%"
              x={x}
              series={[
                {
                  label: t('connectionRate'),
                  values: r.total.intervals.map((b) =>
                    b.connectionRate === null ? null : b.connectionRate * 100,
                  ),
                  color: colorAt(1),
                },
              ]}
            />
          </div>
          <table className="list card" data-testid="report-table">
            <thead>
              <tr>
                <th>{t('table.queue')}</th>
                <th>{t('table.total')}</th>
                {callbackStates.map((st) => (
                  <th key={st}>{st}</th>
                ))}
                <th>{t('connectionRate')}</th>
                <th>p50 / p90 / p95 (s)</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...r.queues.map((q) => ({ name: q.virtualQueue, b: q.summary })),
                { name: t('table.all'), b: r.total.summary },
              ].map(({ name, b }) => (
                <tr key={name}>
                  <td>{name}</td>
                  <td>{formatNumber(b.total)}</td>
                  {callbackStates.map((st) => (
                    <td key={st}>{formatNumber(b.byState[st] ?? 0)}</td>
                  ))}
                  <td>{formatPercent(b.connectionRate)}</td>
                  <td>{b.wait ? `${b.wait.p50} / ${b.wait.p90} / ${b.wait.p95}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {t('rangeNote', { from: formatDateTime(r.from, time), to: formatDateTime(r.to, time) })}
          </p>
        </div>
      )}
    </div>
  );
}
