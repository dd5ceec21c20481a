import { useEffect, useState } from 'react';
import { businessHoursApi } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { HoursPreview as Preview } from '../api/types.ts';

/** An instant in the business hours' own zone, e.g. `Mon 24 Nov, 09:00`. */
function inZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h ? `${h} h ${m} min` : `${m} min`;
}

/** What the runtime computes from the saved hours: open now?, the next opening, the coming week. */
export function HoursPreview({ name, version }: { name: string; version: number }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes after each save
  useEffect(() => {
    setError(null);
    businessHoursApi.preview(name, new Date()).then(setPreview, (e) => setError(describeError(e)));
  }, [name, version]);

  if (error) return <p className="error">{error}</p>;
  if (!preview) return <p className="muted">Loading preview…</p>;
  const zone = preview.timeZone;
  return (
    <section className="hours-preview" data-testid="hours-preview">
      <h3>Preview ({zone})</h3>
      <p>
        {preview.openNow ? (
          <strong className="ok">Open now, for {duration(preview.openForSeconds)}.</strong>
        ) : (
          <strong>Closed now.</strong>
        )}{' '}
        {preview.nextOpening
          ? `Next opening ${inZone(preview.nextOpening.start, zone)}, closing ${inZone(preview.nextOpening.end, zone)}.`
          : 'No opening ahead.'}
      </p>
      <ol className="preview-intervals">
        {preview.intervals.map((i) => (
          <li key={i.start}>
            {inZone(i.start, zone)} → {inZone(i.end, zone)}
            {i.specialDay && <span className="badge">special day</span>}
          </li>
        ))}
        {preview.intervals.length === 0 && <li className="muted">Closed all week.</li>}
      </ol>
    </section>
  );
}
