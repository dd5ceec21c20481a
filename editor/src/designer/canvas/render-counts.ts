/**
 * Counts block renders for the editor benchmark and the browser test, so "dragging one block
 * re-renders one block" can be checked. Off unless `localStorage.ringbackBench === '1'` when the
 * designer loads; production then pays one null check per render.
 */
declare global {
  interface Window {
    __ringbackRenderCounts?: Record<string, number>;
  }
}

function benchEnabled(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem('ringbackBench') === '1';
  } catch {
    return false;
  }
}

const counting = benchEnabled();

export function countRender(id: string): void {
  if (!counting) return;
  // A test may reset the counts by replacing the object.
  window.__ringbackRenderCounts ??= {};
  const counts = window.__ringbackRenderCounts;
  counts[id] = (counts[id] ?? 0) + 1;
}
