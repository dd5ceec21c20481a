/**
 * A slot's time as the caller hears it: words in the queue's time zone and the call's language
 * ("Tuesday, November 24 at 10:15 AM", "mardi 24 novembre à 10:15"), from Intl through luxon,
 * never ISO text. In a repeated hour the same words would name two slots, so there the zone's
 * short name is added ("1:30 AM EDT" and "1:30 AM EST").
 */
import { DateTime, type DateTimeFormatOptions } from 'luxon';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const SPOKEN: DateTimeFormatOptions = {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

export function spokenTime(ms: number, timeZone: string, language: string): string {
  const locale = supportedLocale(language);
  const options = occursTwice(ms, timeZone) ? { ...SPOKEN, timeZoneName: 'short' as const } : SPOKEN;
  const text = DateTime.fromMillis(ms, { zone: timeZone, locale }).toLocaleString(options);
  // Intl puts narrow and no-break spaces around AM/PM and in dates; speech wants plain ones.
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/** Whether the wall-clock time at `ms` also happens at another instant (an autumn overlap). */
function occursTwice(ms: number, timeZone: string): boolean {
  const offsetAt = (at: number) => DateTime.fromMillis(at, { zone: timeZone }).offset;
  const own = offsetAt(ms);
  // Offsets of the neighbouring hours; a change is never closer than a day to another.
  for (const other of [offsetAt(ms - 3 * HOUR), offsetAt(ms + 3 * HOUR)]) {
    if (other === own) continue;
    const twin = ms + (own - other) * MINUTE;
    if (twin !== ms && offsetAt(twin) === other) return true;
  }
  return false;
}

function supportedLocale(language: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(language)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
