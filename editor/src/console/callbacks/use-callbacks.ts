/**
 * Every callback in the chosen range, read in the runtime's pages of 250: the first page is shown
 * as soon as it arrives and the others stream in behind it, so a long range never keeps the
 * screen blank, and search and filters then work on the whole range without a round trip.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../api/http.ts';
import { type CallbackRecord, callbacksApi } from '../shared/api.ts';
import { type IndexedRecord, indexRecord, type Range } from './callback-list.ts';

const PARALLEL_PAGES = 4;

export interface CallbackRows {
  rows: IndexedRecord[];
  total: number;
  loading: boolean;
  error: string | null;
  refresh: () => Promise<void>;
  /** Replaces records changed by an action without reloading the range. */
  patch: (records: CallbackRecord[]) => void;
}

/** `range` null: not known yet (the runtime's clock is being read); nothing is fetched. */
export function useCallbacks(range: Range | null): CallbackRows {
  const [rows, setRows] = useState<IndexedRecord[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    if (!range) return;
    setLoading(true);
    setError(null);
    try {
      const first = await callbacksApi.list(range, 1);
      if (mine !== generation.current) return;
      let loaded = first.items.map(indexRecord);
      setRows(loaded);
      setTotal(first.total);
      const pages = Math.ceil(first.total / first.pageSize);
      for (let next = 2; next <= pages; next += PARALLEL_PAGES) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(PARALLEL_PAGES, pages - next + 1) }, (_, i) =>
            callbacksApi.list(range, next + i),
          ),
        );
        if (mine !== generation.current) return;
        loaded = loaded.concat(batch.flatMap((page) => page.items.map(indexRecord)));
        setRows(loaded);
      }
    } catch (e) {
      if (mine === generation.current) setError(describeError(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [range]);

  useEffect(() => {
    void refresh();
    // Leaving the tab stops the remaining pages, so they do not queue ahead of the next visit's.
    return () => {
      generation.current++;
    };
  }, [refresh]);

  const patch = useCallback((records: CallbackRecord[]) => {
    const byId = new Map(records.map((r) => [r.id, r]));
    setRows((list) =>
      list.map((row) => (byId.has(row.record.id) ? indexRecord(byId.get(row.record.id)!) : row)),
    );
  }, []);

  return { rows, total, loading, error, refresh, patch };
}
