/**
 * The callback list: TanStack Table for columns and sorting, TanStack Virtual so only the rows in
 * view are in the DOM (10,000 callbacks scroll like 50). A row opens in place to its details.
 */
import { type SortingState, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackRecord } from '../shared/api.ts';
import type { TimeOptions } from '../shared/format.ts';
import { CallbackDetails } from './callback-details.tsx';
import { callbackColumns, features, fixedColumns, optionalColumns } from './columns.tsx';

const ROW_HEIGHT = 32;

export interface TableProps {
  records: CallbackRecord[];
  hidden: string[];
  time: TimeOptions;
  nowMs: number;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  canManage: boolean;
  onChanged: (records: CallbackRecord[]) => void;
  onReschedule: (record: CallbackRecord) => void;
}

export function CallbacksTable(props: TableProps) {
  const { t } = useTranslation('callbacks');
  const [sorting, setSorting] = useState<SortingState>([]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => callbackColumns(t, props.time, props.nowMs), [t, props.time, props.nowMs]);
  const visibility = useMemo(() => Object.fromEntries(props.hidden.map((id) => [id, false])), [props.hidden]);
  const table = useTable({
    features,
    data: props.records,
    columns,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: () => undefined, // shown columns are a preference, set in Advanced Options
    getRowId: (r) => r.id,
  });
  const rows = table.getRowModel().rows;
  const widths = new Map<string, number>([...fixedColumns, ...optionalColumns].map((c) => [c.id, c.width]));
  const template = table
    .getVisibleLeafColumns()
    .map((c) => `${widths.get(c.id) ?? 120}px`)
    .join(' ');
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (expanded.has(rows[i]?.id ?? '') ? 240 : ROW_HEIGHT),
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const toggle = (id: string) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"] .expand`)?.focus(),
    );
  };
  const allSelected = rows.length > 0 && rows.every((r) => props.selected.has(r.id));

  return (
    <div ref={scroller} className="callback-grid" data-testid="callback-rows">
      <table aria-rowcount={rows.length} aria-label={t('title')}>
        <thead className="grid-head">
          <tr className="grid-row" style={{ gridTemplateColumns: template }}>
            {table.getFlatHeaders().map((header) => (
              <th key={header.id} className="grid-cell">
                {header.id === 'select' ? (
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={allSelected}
                    onChange={(e) =>
                      props.onSelect(
                        rows.map((r) => r.id),
                        e.target.checked,
                      )
                    }
                  />
                ) : header.column.getCanSort() ? (
                  <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                    <table.FlexRender header={header} />
                    {{ asc: ' ▲', desc: ' ▼' }[header.column.getIsSorted() as string] ?? ''}
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          className="grid-body"
          style={{ height: virtualizer.getTotalSize() }}
          // Arrow keys move between rows; the row's open button takes the focus.
          onKeyDown={(e) => {
            const index = Number((e.target as HTMLElement).closest('tr')?.dataset.index);
            if (Number.isNaN(index)) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              focusRow(index + (e.key === 'ArrowDown' ? 1 : -1));
            }
          }}
        >
          {rows.length === 0 && (
            <tr>
              <td className="empty">{t('empty')}</td>
            </tr>
          )}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const open = expanded.has(row.id);
            return (
              <tr
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row-index={item.index}
                aria-expanded={open}
                className={`grid-row grid-item${props.selected.has(row.id) ? ' selected' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)` }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`grid-cell col-${cell.column.id}`}>
                    {cell.column.id === 'select' ? (
                      <input
                        type="checkbox"
                        aria-label={t('selectRow', { id: row.id })}
                        checked={props.selected.has(row.id)}
                        onChange={(e) => props.onSelect([row.id], e.target.checked)}
                      />
                    ) : cell.column.id === 'expand' ? (
                      <button
                        type="button"
                        className="expand"
                        aria-label={t(open ? 'collapse' : 'expand', { id: row.id })}
                        onClick={() => toggle(row.id)}
                      >
                        {open ? '▾' : '▸'}
                      </button>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                ))}
                {open && (
                  <td className="details-cell">
                    <CallbackDetails
                      record={row.original}
                      time={props.time}
                      canManage={props.canManage}
                      onChanged={props.onChanged}
                      onReschedule={props.onReschedule}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
