/**
 * One queue's day: waiting callbacks and the EWT over time (the EWT a newcomer was given at each
 * interval start, the live one now), the observed wait, callbacks by state and by reason per interval.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../shell/route.ts';
import { callbackStates, queuesApi } from '../shared/api.ts';
import { formatDuration, formatNumber } from '../shared/format.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { colorAt, TimeChart } from '../shared/time-chart.tsx';
import { useLoader } from '../shared/use-loader.ts';
import { REFRESH_MS } from './refresh.ts';

/** Tick steps for a duration axis in seconds: whole seconds up to a minute, then whole minutes. */
const durationTicks = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400];
/** No estimate (-1) or no sample (null) leaves a gap: a zero would read as "no wait". */
const ewtValue = (seconds: number | null) => (seconds === null || seconds < 0 ? null : seconds);

export function QueueDayView({ queue }: { queue: string }) {
  const { t } = useTranslation('monitor');
  const day = useLoader(() => queuesApi.day(queue, 15), [queue]);
  useEffect(() => {
    const timer = setInterval(() => void day.reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [day.reload]);
  const d = day.data;
  const starts = d ? d.intervals.map((b) => Date.parse(b.start)) : [];
  const reasons = d ? [...new Set(d.intervals.flatMap((b) => Object.keys(b.byReason)))].sort() : [];
  return (
    <div className="console-screen queue-day">
      <div className="console-head">
        <button type="button" onClick={() => navigate('/monitor')}>
          {t('back')}
        </button>
        <h1>{t('dayTitle', { queue })}</h1>
        {d && (
          <span className="muted">
            {t('dayFacts', {
              zone: d.timeZone,
              waiting: formatNumber(d.now.waiting),
              ewt: formatDuration(d.now.ewtSeconds),
            })}
          </span>
        )}
      </div>
      <ErrorBanner error={day.error} />
      {d && (
        <div className="scroll">
          <div className="charts">
            <TimeChart
              title={t('charts.waiting')}
              timeZone={d.timeZone}
              x={d.waiting.map((p) => Date.parse(p.at))}
              series={[
                {
                  label: t('charts.waitingSeries'),
                  values: d.waiting.map((p) => p.waiting),
                  color: colorAt(0),
                },
              ]}
            />
            <TimeChart
              title={t('charts.ewt')}
              timeZone={d.timeZone}
              yLabel={t('charts.ewtAxis')}
              yFormat={formatDuration}
              yIncrements={durationTicks}
              x={d.waiting.map((p) => Date.parse(p.at))}
              series={[
                {
                  label: t('charts.ewtSeries'),
                  values: d.waiting.map((p) => ewtValue(p.ewtSeconds)),
                  color: colorAt(3),
                },
              ]}
            />
            <TimeChart
              title={t('charts.wait')}
              timeZone={d.timeZone}
              yLabel={t('charts.seconds')}
              x={starts}
              series={[
                { label: 'p50', values: d.intervals.map((b) => b.wait?.p50 ?? null), color: colorAt(1) },
                { label: 'p90', values: d.intervals.map((b) => b.wait?.p90 ?? null), color: colorAt(2) },
              ]}
            />
            <TimeChart
              title={t('charts.byState')}
              timeZone={d.timeZone}
              x={starts}
              series={callbackStates.map((s, i) => ({
                label: s,
                values: d.intervals.map((b) => b.byState[s] ?? 0),
                color: colorAt(i),
                bars: s === 'COMPLETED',
              }))}
            />
            <TimeChart
              title={t('charts.byReason')}
              timeZone={d.timeZone}
              x={starts}
              series={
                reasons.length
                  ? reasons.map((r, i) => ({
                      label: r,
                      values: d.intervals.map((b) => b.byReason[r] ?? 0),
                      color: colorAt(i),
                    }))
                  : [{ label: t('charts.none'), values: d.intervals.map(() => 0), color: colorAt(7) }]
              }
            />
          </div>
        </div>
      )}
    </div>
  );
}
