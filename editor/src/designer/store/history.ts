/**
 * Snapshot undo/redo over the application document. Selection and viewport are not in the
 * document, so they are never undone. Edits that share a group key within GROUP_WINDOW_MS
 * (keystrokes in one field, nudges of one block) fold into one step.
 */
import type { Application } from '../../../../schemas/application.generated.ts';

export const GROUP_WINDOW_MS = 1500;
export const HISTORY_LIMIT = 100;

export interface History {
  past: Application[];
  present: Application;
  future: Application[];
  /** Group key and time of the last recorded edit; only set while a group can still absorb edits. */
  lastGroup: string | null;
  lastAt: number;
}

export function startHistory(present: Application): History {
  return { past: [], present, future: [], lastGroup: null, lastAt: 0 };
}

export function record(
  history: History,
  next: Application,
  group: string | null = null,
  now = Date.now(),
): History {
  if (next === history.present) return history;
  const folds = group !== null && group === history.lastGroup && now - history.lastAt <= GROUP_WINDOW_MS;
  const past = folds ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastGroup: group, lastAt: now };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastGroup: null,
    lastAt: 0,
  };
}

export function redo(history: History): History {
  const [next, ...rest] = history.future;
  if (!next) return history;
  return {
    past: [...history.past, history.present],
    present: next,
    future: rest,
    lastGroup: null,
    lastAt: 0,
  };
}

/**
 * The same history but for where the view is: a pan or zoom replaces the present document with
 * one whose `layout.viewport` differs, and nothing else (designer-store.ts, setViewport).
 */
export function onlyViewMoved(a: History, b: History): boolean {
  if (a.past !== b.past || a.future !== b.future) return false;
  const [x, y] = [a.present, b.present];
  if (x === y) return true;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) {
    if (key === 'layout') continue;
    if (x[key as keyof Application] !== y[key as keyof Application]) return false;
  }
  return x.layout?.positions === y.layout?.positions;
}
