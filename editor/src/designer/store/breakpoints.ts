/**
 * Breakpoints of test calls: editor-only state beside the document (never saved in it), kept
 * per application in sessionStorage so they survive a reload of the tab.
 */
import type { Application } from '../../../../schemas/application.generated.ts';

export type Breakpoints = Record<string, true>;

/** Adds a breakpoint to each block that has none, or clears them all when every one has one. */
export function toggled(
  current: Breakpoints,
  ids: readonly string[],
  isBlock: (id: string) => boolean,
): Breakpoints {
  const blocks = ids.filter(isBlock);
  if (blocks.length === 0) return current;
  const next = { ...current };
  const allSet = blocks.every((id) => next[id]);
  for (const id of blocks) {
    if (allSet) delete next[id];
    else next[id] = true;
  }
  return next;
}

const breakpointsKey = (applicationId: string) => `ringback.breakpoints.${applicationId}`;

/** Breakpoints survive a reload of the tab (sessionStorage), minus blocks that no longer exist. */
export function loadBreakpoints(applicationId: string, doc: Application): Record<string, true> {
  try {
    const ids = JSON.parse(sessionStorage.getItem(breakpointsKey(applicationId)) ?? '[]') as string[];
    return Object.fromEntries(ids.filter((id) => doc.blocks[id]).map((id) => [id, true as const]));
  } catch {
    return {};
  }
}

export function saveBreakpoints(applicationId: string, breakpoints: Record<string, true>): void {
  try {
    sessionStorage.setItem(breakpointsKey(applicationId), JSON.stringify(Object.keys(breakpoints)));
  } catch {
    // Storage unavailable (tests in node, private mode): breakpoints last for this page only.
  }
}
