/** The Callback tab: every callback in a date range, filtered as you type, with the actions a role allows. */
import '../console.css';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/http.ts';
import { usePreferences } from '../../shell/preferences.ts';
import { useSession } from '../../shell/session.ts';
import {
  type CallbackRecord,
  type CallbackState,
  callbackStates,
  callbacksApi,
  downloadFrom,
  queuesApi,
  saveFile,
} from '../shared/api.ts';
import { ErrorBanner } from '../shared/modal.tsx';
import { serverClockKnown, serverNow, syncServerClock } from '../shared/server-clock.ts';
import { useLoader } from '../shared/use-loader.ts';
import { BulkCancelDialog, type BulkCancelPlan } from './bulk-cancel-dialog.tsx';
import {
  cancellable,
  filterRecords,
  type ListFilter,
  presetIds,
  type Range,
  rangeOf,
  searchColumns,
} from './callback-list.ts';
import { CallbacksTable } from './callbacks-table.tsx';
import { optionalColumns } from './columns.tsx';
import { CreateDialog, RescheduleDialog } from './create-dialog.tsx';
import { OptionsDialog } from './options-dialog.tsx';
import { useCallbacks } from './use-callbacks.ts';

const managerRoles = ['administrator', 'callbackAdministrator', 'callbackSupervisor'];
const BULK_LIMIT = 5000;

export default function CallbacksScreen() {
  const { t } = useTranslation('callbacks');
  const user = useSession((s) => s.user);
  const prefs = usePreferences();
  const canManage = !!user && user.roles.some((r) => managerRoles.includes(r));
  const [selection, setSelection] = useState('today');
  const [nowMs, setNowMs] = useState(serverNow());
  // A clock read on an earlier visit lets the first page load at once; the fresh read follows.
  const [clockReady, setClockReady] = useState(serverClockKnown());
  const [clockReads, setClockReads] = useState(0);
  const [filter, setFilter] = useState<ListFilter>({
    search: '',
    column: 'all',
    states: [],
    queues: [],
    origin: 'all',
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'create' | 'options' | { reschedule: CallbackRecord } | null>(null);
  const [bulkPlan, setBulkPlan] = useState<BulkCancelPlan | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    void syncServerClock().then((now) => {
      setNowMs(now);
      setClockReady(true);
      setClockReads((n) => n + 1);
    });
  }, []);
  // The range moves only when the user picks one or the clock is read on opening, not on every
  // clock read; a read that lands on the same range keeps it, so the list is not loaded twice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: nowMs is read, clockReads says when.
  const picked = useMemo(
    () => rangeOf(selection, nowMs, prefs.utc, prefs.customRanges),
    [selection, clockReads, prefs.utc, prefs.customRanges],
  );
  const range = useSameRange(picked);
  const list = useCallbacks(clockReady ? range : null);
  // Queue names load once the first page is in, so they never delay the first rows.
  const firstPageIn = list.rows.length > 0 || !list.loading;
  const queues = useLoader(
    async () => (firstPageIn ? (await queuesApi.names()).items.map((q) => q.virtualQueue).sort() : undefined),
    [firstPageIn],
  );
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterRecords(list.rows, deferredFilter), [list.rows, deferredFilter]);
  const time = useMemo(() => ({ hour24: prefs.hour24, utc: prefs.utc }), [prefs.hour24, prefs.utc]);
  const hidden = prefs.hiddenColumns;

  const refresh = async () => {
    setNowMs(await syncServerClock());
    await list.refresh();
  };
  const onSelect = (ids: string[], on: boolean) =>
    setSelected((set) => {
      const next = new Set(set);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  /** Asks first, in the console's own dialog; with nothing cancellable, says so instead. */
  const askBulkCancel = (records: CallbackRecord[], scope: BulkCancelPlan['scope']) => {
    const plan = { ...cancellable(records), scope };
    setNotice(null);
    if (plan.ids.length === 0)
      setNotice(t('bulk.nothing', { processing: plan.processing, completed: plan.completed }));
    else setBulkPlan(plan);
  };
  const bulkCancel = async ({ ids, processing, completed }: BulkCancelPlan) => {
    setBulkPlan(null);
    setActionError(null);
    try {
      let cancelled = 0;
      let skipped = processing;
      for (let i = 0; i < ids.length; i += BULK_LIMIT) {
        const result = await callbacksApi.bulkCancel(ids.slice(i, i + BULK_LIMIT));
        cancelled += result.cancelled.length;
        skipped += result.skipped.length;
      }
      setNotice(t('bulk.done', { cancelled, skipped, completed }));
      setSelected(new Set());
      await list.refresh();
    } catch (e) {
      setActionError(describeError(e));
    }
  };
  const exportList = () => {
    const columns = ['state', ...optionalColumns.map((c) => c.id).filter((id) => !hidden.includes(id))];
    const value = (r: CallbackRecord, id: string) =>
      id === 'state'
        ? `${r.callbackState}${r.callbackReason ? ` (${r.callbackReason})` : ''}`
        : (r as unknown as Record<string, unknown>)[id];
    const text = stringify([columns, ...shown.map((r) => columns.map((id) => value(r, id) ?? ''))]);
    saveFile(text, 'callbacks.csv', 'text/csv');
  };

  return (
    <div className="console-screen callbacks-screen">
      <div className="console-head">
        <h1>{t('title')}</h1>
        <label className="compact">
          <span className="sr-only">{t('range')}</span>
          <select aria-label={t('range')} value={selection} onChange={(e) => setSelection(e.target.value)}>
            {presetIds.map((id) => (
              <option key={id} value={id}>
                {t(`presets.${id}`)}
              </option>
            ))}
            {prefs.customRanges.map((r, i) => (
              <option key={`${r.label}-${r.from}`} value={`custom:${i}`}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.target.value })}
        />
        <select
          aria-label={t('searchColumn')}
          value={filter.column}
          onChange={(e) => setFilter({ ...filter, column: e.target.value as ListFilter['column'] })}
        >
          {searchColumns.map((c) => (
            <option key={c} value={c}>
              {c === 'all' ? t('allColumns') : c === 'state' ? t('columns.state') : t(`columns.${c}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filters.state')}
          value={filter.states[0] ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, states: e.target.value ? [e.target.value as CallbackState] : [] })
          }
        >
          <option value="">{t('filters.allStates')}</option>
          {callbackStates.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filters.queue')}
          value={filter.queues[0] ?? ''}
          onChange={(e) => setFilter({ ...filter, queues: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('filters.allQueues')}</option>
          {(queues.data ?? []).map((q) => (
            <option key={q}>{q}</option>
          ))}
        </select>
        <select
          aria-label={t('filters.origin')}
          value={filter.origin}
          onChange={(e) => setFilter({ ...filter, origin: e.target.value as ListFilter['origin'] })}
        >
          <option value="all">{t('filters.allOrigins')}</option>
          <option value="immediate">{t('origins.immediate')}</option>
          <option value="scheduled">{t('origins.scheduled')}</option>
        </select>
        <button type="button" onClick={() => void refresh()}>
          {t('refresh')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => setDialog('options')}>
          {t('options.open')}
        </button>
        {canManage && (
          <button
            type="button"
            className="primary"
            onClick={() => setDialog('create')}
            disabled={!queues.data?.length}
          >
            {t('create.open')}
          </button>
        )}
      </div>
      <div className="console-subhead">
        <span role="status" aria-live="polite" data-testid="list-count">
          {list.loading && list.rows.length < list.total
            ? t('loadingCount', { loaded: list.rows.length, total: list.total })
            : t('count', { shown: shown.length, total: list.total })}
        </span>
        {notice && (
          <span className="ok" role="status">
            {notice}
          </span>
        )}
        <span className="spacer" />
        {canManage && (
          <>
            <button
              type="button"
              disabled={selected.size === 0}
              onClick={() =>
                askBulkCancel(
                  list.rows.map((r) => r.record).filter((r) => selected.has(r.id)),
                  'selected',
                )
              }
            >
              {t('bulk.selected', { count: selected.size })}
            </button>
            <button
              type="button"
              disabled={!list.rows.length}
              onClick={() =>
                askBulkCancel(
                  list.rows.map((r) => r.record),
                  'range',
                )
              }
            >
              {t('bulk.range')}
            </button>
            <button
              type="button"
              onClick={() =>
                downloadFrom(
                  callbacksApi.cancellationSummaryUrl(range.from, range.to),
                  'cancellation-summary.csv',
                ).catch((e) => setActionError(describeError(e)))
              }
            >
              {t('export.cancellations')}
            </button>
          </>
        )}
        <button type="button" disabled={!shown.length} onClick={exportList}>
          {t('export.list')}
        </button>
      </div>
      <ErrorBanner error={list.error ?? actionError ?? queues.error} />
      {list.rows.length === 0 && !list.loading && !list.error ? (
        <div className="empty-state">
          <p>{t('emptyRange')}</p>
          <p className="muted">{t('emptyRangeHint')}</p>
        </div>
      ) : (
        <CallbacksTable
          records={shown}
          hidden={hidden}
          time={time}
          nowMs={nowMs}
          selected={selected}
          onSelect={onSelect}
          canManage={canManage}
          onChanged={(records) => {
            if (records.length) list.patch(records);
            else void list.refresh();
          }}
          onReschedule={(record) => setDialog({ reschedule: record })}
        />
      )}
      {bulkPlan && (
        <BulkCancelDialog
          plan={bulkPlan}
          onConfirm={() => void bulkCancel(bulkPlan)}
          onCancel={() => setBulkPlan(null)}
        />
      )}
      {dialog === 'options' && <OptionsDialog onClose={() => setDialog(null)} />}
      {dialog === 'create' && (
        <CreateDialog
          queues={queues.data ?? []}
          hour24={prefs.hour24}
          onClose={() => setDialog(null)}
          onCreated={(record) => {
            setDialog(null);
            setNotice(t('create.done', { id: record.id }));
            void list.refresh();
          }}
        />
      )}
      {dialog && typeof dialog === 'object' && (
        <RescheduleDialog
          record={dialog.reschedule}
          hour24={prefs.hour24}
          onClose={() => setDialog(null)}
          onDone={(record) => {
            setDialog(null);
            list.patch([record]);
            setNotice(t('reschedule.done'));
          }}
        />
      )}
    </div>
  );
}

/** The same object while the range's bounds are the same, so what depends on it does not rerun. */
function useSameRange(range: Range): Range {
  const kept = useRef(range);
  if (kept.current.from !== range.from || kept.current.to !== range.to) kept.current = range;
  return kept.current;
}
