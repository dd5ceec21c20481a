/** Times, durations and numbers in the user's locale, with the 24-hour and UTC preferences applied. */
import { currentLocale } from '../../i18n/index.ts';

export interface TimeOptions {
  hour24: boolean;
  utc: boolean;
  /** An IANA zone to show instead of the browser's (a queue's zone); ignored when utc. */
  timeZone?: string | undefined;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(options: TimeOptions, dateStyle: boolean): Intl.DateTimeFormat {
  const locale = currentLocale();
  const zone = options.utc ? 'UTC' : options.timeZone;
  const key = `${locale}|${options.hour24}|${zone ?? ''}|${dateStyle}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...(dateStyle ? { year: 'numeric', month: 'short', day: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      // Off: the locale's own clock (12-hour in English, 24-hour in French); on: always 24-hour.
      ...(options.hour24 ? { hourCycle: 'h23' as const } : {}),
      ...(zone ? { timeZone: zone } : {}),
      ...(options.utc ? { timeZoneName: 'short' } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

export function formatDateTime(iso: string | null | undefined, options: TimeOptions): string {
  if (!iso) return '';
  return formatter(options, true).format(new Date(iso));
}

export function formatTime(iso: string | null | undefined, options: TimeOptions): string {
  if (!iso) return '';
  return formatter(options, false).format(new Date(iso));
}

export function formatNumber(value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits }).format(value);
}

export function formatPercent(value: number | null): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Seconds as m:ss or h:mm:ss; a negative estimate reads as unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || seconds < 0) return '–';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
