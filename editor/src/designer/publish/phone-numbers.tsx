import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { phoneNumbersApi } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { PhoneNumber } from '../../api/types.ts';

/** DNIS routed to this application's live version. */
export function PhoneNumbers({ applicationId }: { applicationId: string }) {
  const [numbers, setNumbers] = useState<PhoneNumber[]>([]);
  const [dnis, setDnis] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setNumbers((await phoneNumbersApi.list()).items.filter((n) => n.applicationId === applicationId));
    } catch (e) {
      setError(describeError(e));
    }
  }, [applicationId]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  };

  const assign = (event: FormEvent) => {
    event.preventDefault();
    const value = dnis.trim();
    if (value) void act(() => phoneNumbersApi.assign(value, applicationId)).then(() => setDnis(''));
  };

  return (
    <section className="phone-numbers">
      <h3>Phone numbers (DNIS)</h3>
      <ul>
        {numbers.map((n) => (
          <li key={n.dnis}>
            {n.dnis}{' '}
            <button type="button" onClick={() => void act(() => phoneNumbersApi.release(n.dnis))}>
              Release
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={assign} className="inline-form">
        <input
          aria-label="DNIS"
          placeholder="e.g. +18005550100"
          value={dnis}
          onChange={(e) => setDnis(e.target.value)}
        />
        <button type="submit">Assign</button>
      </form>
      {error && <p className="error">{error}</p>}
    </section>
  );
}
