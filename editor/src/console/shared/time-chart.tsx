/**
 * A time-series chart on uPlot (canvas: small, and fast enough to redraw hundreds of points
 * every refresh). The chart is made once per set of series and fed new data with setData, so a
 * refreshing screen never rebuilds it.
 */
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { currentLocale } from '../../i18n/index.ts';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  bars?: boolean;
}

const palette = ['#2563eb', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
export const colorAt = (i: number) => palette[i % palette.length]!;

export function TimeChart(props: {
  title: string;
  /** Epoch milliseconds. */
  x: number[];
  series: ChartSeries[];
  timeZone?: string | undefined;
  yLabel?: string;
  /** How a y value reads on the axis and in the legend (e.g. seconds as m:ss). */
  yFormat?: (value: number) => string;
  /** The steps the y axis may tick by (e.g. whole minutes for durations in seconds). */
  yIncrements?: number[];
  height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = `${props.series.map((s) => `${s.label}${s.bars ? 'b' : ''}`).join('|')}|${props.timeZone}|${currentLocale()}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only when the series or zone change; data flows through setData.
  useEffect(() => {
    if (!host.current) return;
    const zone = props.timeZone;
    const yFormat = props.yFormat;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const options: uPlot.Options = {
      width: Math.max(320, host.current.clientWidth),
      height: props.height ?? 220,
      tzDate: zone ? (ts) => uPlot.tzDate(new Date(ts * 1000), zone) : undefined,
      fmtDate: (template) => uPlot.fmtDate(template),
      scales: { x: { time: true } },
      axes: [
        {},
        {
          label: props.yLabel,
          size: 56,
          ...(yFormat ? { values: (_: uPlot, ticks: number[]) => ticks.map(yFormat) } : {}),
          ...(props.yIncrements ? { incrs: props.yIncrements } : {}),
        },
      ],
      legend: { live: true },
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          ...(yFormat ? { value: (_: uPlot, v: number | null) => (v === null ? '–' : yFormat(v)) } : {}),
          stroke: s.color,
          fill: s.bars ? `${s.color}66` : undefined,
          width: 2,
          // Points too, so an interval with a value between empty ones still shows.
          ...(s.bars && bars
            ? { paths: bars, points: { show: false } }
            : { points: { show: true, size: 4 } }),
        })),
      ],
    };
    chart.current = new uPlot(options, data(props), host.current);
    const resize = new ResizeObserver(() => {
      if (host.current && chart.current)
        chart.current.setSize({ width: host.current.clientWidth, height: props.height ?? 220 });
    });
    resize.observe(host.current);
    return () => {
      resize.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [shape]);

  useEffect(() => {
    chart.current?.setData(data(props));
  });

  return (
    <figure className="card chart" aria-label={props.title}>
      <h2>{props.title}</h2>
      <div ref={host} />
    </figure>
  );
}

function data(props: { x: number[]; series: ChartSeries[] }): uPlot.AlignedData {
  return [props.x.map((ms) => ms / 1000), ...props.series.map((s) => s.values)] as uPlot.AlignedData;
}
