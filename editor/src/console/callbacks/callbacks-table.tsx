/**
 * The callback list: TanStack Table for columns and sorting, TanStack Virtual so only the rows in
 * view are in the DOM (10,000 callbacks scroll like 50). A row opens in place to its details.
 */
import { type ReactTable, type Row, type SortingState, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type RefObject, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackRecord } from '../shared/api.ts';
import type { TimeOptions } from '../shared/format.ts';
import { CallbackDetails } from './callback-details.tsx';
import { callbackColumns, features, fixedColumns, optionalColumns } from './columns.tsx';

const ROW_HEIGHT = 32;
const widths = new Map<string, number>([...fixedColumns, ...optionalColumns].map((c) => [c.id, c.width]));

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
  // Selecting rows only serves bulk cancel, so a role that cannot cancel gets no selection column.
  const visibility = useMemo(
    () => ({
      ...Object.fromEntries(props.hidden.map((id) => [id, false])),
      ...(props.canManage ? {} : { select: false }),
    }),
    [props.hidden, props.canManage],
  );
  const state = useMemo(() => ({ sorting, columnVisibility: visibility }), [sorting, visibility]);
  const table = useTable({
    features,
    data: props.records,
    columns,
    state,
    onSortingChange: setSorting,
    onColumnVisibilityChange: () => undefined, // shown columns are a preference, set in Advanced Options
    getRowId: (r) => r.id,
  });
  const rows = table.getRowModel().rows;
  const allSelected = rows.length > 0 && rows.every((r) => props.selected.has(r.id));
  // Fixed pixel widths per column: rows lay out as plain flex boxes, cheap to place while scrolling.
  const template = table.getVisibleLeafColumns().reduce((sum, c) => sum + (widths.get(c.id) ?? 120), 0);
  const toggle = (id: string) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div ref={scroller} className="callback-grid" data-testid="callback-rows">
      <table aria-rowcount={rows.length} aria-label={t('title')}>
        <thead className="grid-head">
          <tr className="grid-row" style={{ width: template }}>
            {table.getFlatHeaders().map((header) => (
              <th key={header.id} className="grid-cell" style={{ width: widths.get(header.id) ?? 120 }}>
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
        <VirtualBody
          table={table}
          rows={rows}
          template={template}
          scroller={scroller}
          expanded={expanded}
          onToggle={toggle}
          {...props}
        />
      </table>
    </div>
  );
}

type Features = typeof features;

/**
 * The rows in view. It holds the virtualizer, so scrolling re-renders this body only; the table
 * model (10,000 rows) is built by the parent, once per data, sorting or column change.
 */
function VirtualBody(
  props: TableProps & {
    table: ReactTable<Features, CallbackRecord>;
    rows: Row<Features, CallbackRecord>[];
    template: number;
    scroller: RefObject<HTMLDivElement | null>;
    expanded: Set<string>;
    onToggle: (id: string) => void;
  },
) {
  const { t } = useTranslation('callbacks');
  const { rows, scroller, expanded } = props;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (expanded.has(rows[i]?.id ?? '') ? 240 : ROW_HEIGHT),
    overscan: 8,
    getItemKey: (i) => rows[i]?.id ?? i,
    // Rows render in React's own time rather than synchronously inside each scroll event.
    useFlushSync: false,
  });
  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"] .expand`)?.focus(),
    );
  };
  return (
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
          <CallbackRow
            key={row.id}
            {...props}
            widths={widths}
            row={row}
            index={item.index}
            start={item.start}
            open={open}
            checked={props.selected.has(row.id)}
            measure={open ? virtualizer.measureElement : undefined}
          />
        );
      })}
    </tbody>
  );
}

/**
 * One row, re-rendered only when its own inputs change: while scrolling, rows already in view
 * keep their DOM and only the rows coming into view render.
 */
const CallbackRow = memo(function CallbackRow(
  props: TableProps & {
    table: ReactTable<Features, CallbackRecord>;
    row: Row<Features, CallbackRecord>;
    index: number;
    start: number;
    open: boolean;
    checked: boolean;
    template: number;
    widths: Map<string, number>;
    onToggle: (id: string) => void;
    // Only an opened row has a height to measure; the others are ROW_HEIGHT.
    measure: ((element: Element | null) => void) | undefined;
  },
) {
  const { t } = useTranslation('callbacks');
  const { row, open, table } = props;
  return (
    <tr
      ref={props.measure}
      data-index={props.index}
      data-row-index={props.index}
      aria-expanded={open}
      className={`grid-row grid-item${props.checked ? ' selected' : ''}`}
      style={{ width: props.template, transform: `translateY(${props.start}px)` }}
    >
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.id}
          className={`grid-cell col-${cell.column.id}`}
          style={{ width: props.widths.get(cell.column.id) ?? 120 }}
        >
          {cell.column.id === 'select' ? (
            <input
              type="checkbox"
              aria-label={t('selectRow', { id: row.id })}
              checked={props.checked}
              onChange={(e) => props.onSelect([row.id], e.target.checked)}
            />
          ) : cell.column.id === 'expand' ? (
            <button
              type="button"
              className="expand"
              aria-label={t(open ? 'collapse' : 'expand', { id: row.id })}
              onClick={() => props.onToggle(row.id)}
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
});
