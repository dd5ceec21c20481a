import { useMemo, useState } from 'react';
import { searchTimeZones } from './time-zones.ts';

interface Props {
  value: string;
  zones: readonly string[];
  onChange: (zone: string) => void;
}

/**
 * An IANA time zone: type part of a city or region and the best match is selected at once (a
 * search that only filtered left the old zone saved); the list offers the other matches.
 */
export function TimeZonePicker({ value, zones, onChange }: Props) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchTimeZones(zones, query, 200), [zones, query]);
  const options = matches.includes(value) ? matches : [value, ...matches];
  return (
    <div className="time-zone-picker">
      <input
        type="search"
        aria-label="Search time zones"
        placeholder="Search, e.g. new york"
        value={query}
        onChange={(e) => {
          const next = e.target.value;
          setQuery(next);
          const found = searchTimeZones(zones, next, 200);
          if (next.trim() && found[0] && !found.includes(value)) onChange(found[0]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            onChange(matches[0]);
          }
        }}
      />
      <select aria-label="Time zone" size={6} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </div>
  );
}
