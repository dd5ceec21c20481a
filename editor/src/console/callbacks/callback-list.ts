/**
 * The Callback tab's list logic, apart from React: date ranges, the overdue warning, and the
 * filters applied as the user types (kept cheap: each row's searchable text is built once).
 */
import type { CustomRange } from '../../shell/preferences.ts';
import type { CallbackRecord, CallbackState } from '../shared/api.ts';

/** A SCHEDULED callback still waiting this long after its desired time is late (the guide's default window). */
export const DESIRED_TIME_WINDOW_MS = 2 * 60_000;

/** The runtime's `overdue` when it sends one (issue 8), else the same rule computed here. */
export function isOverdue(record: CallbackRecord, nowMs: number): boolean {
  if (typeof record.overdue === 'boolean') return record.overdue;
  return (
    record.callbackState === 'SCHEDULED' && Date.parse(record.desiredTime) + DESIRED_TIME_WINDOW_MS < nowMs
  );
}

export const presetIds = [
  'today',
  'yesterday',
  'last7Days',
  'last30Days',
  'tomorrow',
  'next7Days',
  'next30Days',
  'last7AndNext7Days',
] as const;
export type PresetId = (typeof presetIds)[number];

export interface Range {
  from: string;
  to: string;
}

/** Midnight of the day containing `ms`, in UTC or in the browser's zone. */
function dayStart(ms: number, utc: boolean): number {
  const d = new Date(ms);
  if (utc) return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function addDays(ms: number, days: number, utc: boolean): number {
  const d = new Date(ms);
  if (utc) return ms + days * 86_400_000;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** A preset's range around `nowMs` (the runtime's clock, which may be virtual), whole days. */
export function presetRange(id: PresetId, nowMs: number, utc: boolean): Range {
  const today = dayStart(nowMs, utc);
  const span = (fromDays: number, toDays: number): Range => ({
    from: new Date(addDays(today, fromDays, utc)).toISOString(),
    to: new Date(addDays(today, toDays, utc)).toISOString(),
  });
  switch (id) {
    case 'today':
      return span(0, 1);
    case 'yesterday':
      return span(-1, 0);
    case 'last7Days':
      return span(-6, 1);
    case 'last30Days':
      return span(-29, 1);
    case 'tomorrow':
      return span(1, 2);
    case 'next7Days':
      return span(0, 7);
    case 'next30Days':
      return span(0, 30);
    case 'last7AndNext7Days':
      return span(-7, 8);
  }
}

/** The selected range: a preset id, or `custom:<index>` into the user's saved ranges. */
export function rangeOf(selection: string, nowMs: number, utc: boolean, custom: CustomRange[]): Range {
  if (selection.startsWith('custom:')) {
    const saved = custom[Number(selection.slice(7))];
    if (saved) return { from: saved.from, to: saved.to };
  }
  const preset = (presetIds as readonly string[]).includes(selection) ? (selection as PresetId) : 'today';
  return presetRange(preset, nowMs, utc);
}

export const searchColumns = [
  'all',
  'id',
  'phoneNumber',
  'serviceName',
  'state',
  'createdBy',
  'agentId',
] as const;
export type SearchColumn = (typeof searchColumns)[number];

export interface ListFilter {
  search: string;
  column: SearchColumn;
  states: CallbackState[];
  queues: string[];
  origin: 'all' | 'immediate' | 'scheduled';
}

export interface IndexedRecord {
  record: CallbackRecord;
  /** Lower-cased text per searchable column, built once per load. */
  text: Record<Exclude<SearchColumn, 'all'>, string> & { all: string };
}

export function indexRecord(record: CallbackRecord): IndexedRecord {
  const text = {
    id: record.id.toLowerCase(),
    phoneNumber: record.phoneNumber.toLowerCase(),
    serviceName: record.serviceName.toLowerCase(),
    state: `${record.callbackState} ${record.callbackReason ?? ''}`.toLowerCase(),
    createdBy: (record.createdBy ?? '').toLowerCase(),
    agentId: (record.agentId ?? '').toLowerCase(),
  };
  return { record, text: { ...text, all: Object.values(text).join('\u0001') } };
}

export function filterRecords(rows: IndexedRecord[], filter: ListFilter): CallbackRecord[] {
  const needle = filter.search.trim().toLowerCase();
  const states = filter.states.length ? new Set(filter.states) : null;
  const queues = filter.queues.length ? new Set(filter.queues) : null;
  const out: CallbackRecord[] = [];
  for (const row of rows) {
    const r = row.record;
    if (states && !states.has(r.callbackState)) continue;
    if (queues && !queues.has(r.serviceName)) continue;
    if (filter.origin !== 'all' && r.origin !== filter.origin) continue;
    if (needle && !row.text[filter.column].includes(needle)) continue;
    out.push(r);
  }
  return out;
}

/** Callbacks a bulk cancel may touch, and how many it skips (PROCESSING cannot be cancelled). */
export function cancellable(records: CallbackRecord[]): {
  ids: string[];
  processing: number;
  completed: number;
} {
  const ids: string[] = [];
  let processing = 0;
  let completed = 0;
  for (const r of records) {
    if (r.callbackState === 'PROCESSING') processing++;
    else if (r.callbackState === 'COMPLETED') completed++;
    else ids.push(r.id);
  }
  return { ids, processing, completed };
}
