/** IANA time zones the browser knows, and the search of the time-zone picker. */
export function supportedTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  // Some engines leave out UTC, which is a valid and common choice.
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/**
 * Zones matching every word of the query, in any order, ignoring case and `_` (so `new york`
 * finds America/New_York); zones whose city starts with the query come first.
 */
export function searchTimeZones(zones: readonly string[], query: string, limit = 50): string[] {
  const words = query
    .toLowerCase()
    .replace(/_/g, ' ')
    .split(/[\s/]+/)
    .filter(Boolean);
  if (words.length === 0) return zones.slice(0, limit);
  const city = (zone: string) => (zone.split('/').at(-1) ?? zone).toLowerCase().replace(/_/g, ' ');
  const first = words.join(' ');
  return zones
    .filter((zone) => {
      const text = zone.toLowerCase().replace(/_/g, ' ');
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => Number(city(b).startsWith(first)) - Number(city(a).startsWith(first)))
    .slice(0, limit);
}
