import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/http.ts';

/** Loads data on mount and on reload(); errors of loads and actions show in one message line. */
export function useLoaded<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
    } catch (e) {
      setMessage({ text: describeError(e), error: true });
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  /** Runs an action, then reloads; says `done` or the error. */
  const act = useCallback(
    async (action: () => Promise<unknown>, done: string) => {
      try {
        await action();
        setMessage({ text: done, error: false });
        await reload();
        return true;
      } catch (e) {
        setMessage({ text: describeError(e), error: true });
        return false;
      }
    },
    [reload],
  );
  return { data, message, act };
}
