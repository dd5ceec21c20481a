/**
 * Instants as local ISO 8601 text in a caller's zone (availability's `localTime`), exactly as
 * Luxon's `DateTime.fromMillis(ms, { zone }).toISO()` writes them, but without Luxon's cost per
 * instant (about 10 µs: thousands of slots a query). The offset is looked up once per UTC day and
 * reused for the whole day unless the offset at its end differs (a DST change that day: then per
 * instant); zones change offset at most once a day.
 */
import { Info } from 'luxon';
import { formatLocalIso, isValidTimeZone } from '../business-hours/index.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

const validZones = new Set<string>();
const formatters = new Map<string, (ms: number) => string>();

/** IANA zone names (Luxon's test builds a formatter each time: remember the good ones). */
export function isKnownTimeZone(name: string): boolean {
  if (validZones.has(name)) return true;
  if (!isValidTimeZone(name)) return false;
  if (validZones.size > 1000) validZones.clear();
  validZones.add(name);
  return true;
}

export function localTimeFormatter(zoneName: string): (ms: number) => string {
  const known = formatters.get(zoneName);
  if (known) return known;
  const zone = Info.normalizeZone(zoneName);
  // Luxon writes `Z` for its universal zones ('UTC', 'GMT') and `+00:00` for IANA ones at offset 0.
  const universal = zone.isUniversal;
  const dayOffsets = new Map<number, number | null>();
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = zone.offset(day * DAY);
      offset = zone.offset((day + 1) * DAY - 1) === start ? start : null;
      if (dayOffsets.size > 10_000) dayOffsets.clear();
      dayOffsets.set(day, offset);
    }
    return offset ?? zone.offset(ms);
  };
  const format = (ms: number): string => {
    const offset = offsetAt(ms);
    const text = formatLocalIso(ms + offset * MINUTE, offset);
    return universal && offset === 0 ? `${text.slice(0, -6)}Z` : text;
  };
  if (formatters.size > 1000) formatters.clear();
  formatters.set(zoneName, format);
  return format;
}
