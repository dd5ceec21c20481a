/** The Callback tab's columns (TanStack Table); which are shown is a per-user preference. */
import {
  type ColumnDef,
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { CallbackRecord } from '../shared/api.ts';
import { formatDateTime, type TimeOptions } from '../shared/format.ts';
import { isOverdue } from './callback-list.ts';

/** Columns the user may hide, in display order, with their width in pixels. */
export const optionalColumns = [
  { id: 'id', width: 270 },
  { id: 'serviceName', width: 130 },
  { id: 'phoneNumber', width: 130 },
  { id: 'desiredTime', width: 170 },
  { id: 'origin', width: 90 },
  { id: 'priority', width: 70 },
  { id: 'attempts', width: 70 },
  { id: 'createdAt', width: 170 },
  { id: 'completedAt', width: 170 },
  { id: 'agentId', width: 100 },
  { id: 'createdBy', width: 120 },
] as const;
export const fixedColumns = [
  { id: 'select', width: 34 },
  { id: 'expand', width: 34 },
  { id: 'state', width: 250 },
] as const;

/** The table features the list uses (TanStack Table v9 registers each explicitly). */
export const features = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
});
type Features = typeof features;

const helper = createColumnHelper<Features, CallbackRecord>();

export function callbackColumns(
  t: TFunction<'callbacks'>,
  time: TimeOptions,
  nowMs: number,
): ColumnDef<Features, CallbackRecord, unknown>[] {
  const when = (value: string | null) => formatDateTime(value, time);
  return [
    helper.display({ id: 'select', header: () => null }),
    helper.display({ id: 'expand', header: () => null }),
    helper.accessor((r) => `${r.callbackState} ${r.callbackReason ?? ''}`, {
      id: 'state',
      header: () => t('columns.state'),
      cell: ({ row: { original: r } }) => (
        <span className="state-cell">
          {r.scheduled && (
            <span
              className="icon calendar"
              role="img"
              aria-label={t('bornScheduled')}
              title={t('bornScheduled')}
            >
              📅
            </span>
          )}
          {isOverdue(r, nowMs) && (
            <svg
              className="icon overdue"
              role="img"
              aria-label={t('overdue')}
              viewBox="0 0 16 16"
              width="14"
              height="14"
            >
              <title>{t('overdue')}</title>
              <path d="M8 1.5 15 14.5H1Z" fill="currentColor" />
              <path d="M8 6v4.5M8 12v1" stroke="#fff" strokeWidth="1.6" />
            </svg>
          )}
          <span className={`state state-${r.callbackState.toLowerCase()}`}>
            {t(`states.${r.callbackState}`)}
          </span>
          {r.callbackReason && <span className="reason">{r.callbackReason}</span>}
        </span>
      ),
    }),
    helper.accessor('id', {
      header: () => t('columns.id'),
      cell: (c) => <code>{String(c.getValue())}</code>,
    }),
    helper.accessor('serviceName', { header: () => t('columns.serviceName') }),
    helper.accessor('phoneNumber', { header: () => t('columns.phoneNumber') }),
    helper.accessor('desiredTime', {
      header: () => t('columns.desiredTime'),
      cell: (c) => when(c.getValue() as string | null),
    }),
    helper.accessor('origin', {
      header: () => t('columns.origin'),
      cell: (c) => t(`origins.${String(c.getValue())}`),
    }),
    helper.accessor('priority', { header: () => t('columns.priority') }),
    helper.accessor('attempts', { header: () => t('columns.attempts') }),
    helper.accessor('createdAt', {
      header: () => t('columns.createdAt'),
      cell: (c) => when(c.getValue() as string | null),
    }),
    helper.accessor('completedAt', {
      header: () => t('columns.completedAt'),
      cell: (c) => when(c.getValue() as string | null),
    }),
    helper.accessor('agentId', { header: () => t('columns.agentId') }),
    helper.accessor('createdBy', { header: () => t('columns.createdBy') }),
  ] as ColumnDef<Features, CallbackRecord, unknown>[];
}
