/**
 * Store actions that never edit the document: validation issues, the test call's highlighted
 * path, breakpoints and the auto-save status.
 */
import type { Application } from '../../../../schemas/application.generated.ts';
import type { TenantContext } from '../../../../schemas/flow/tenant-context.ts';
import type { ValidationIssue } from '../../api/types.ts';
import { saveBreakpoints, toggled } from './breakpoints.ts';
import { getDesigner as get, type RunHighlight, setDesigner as set } from './designer-state.ts';

export const statusActions = {
  setIssues(issues: ValidationIssue[]): void {
    const issueSeverity: Record<string, 'error' | 'warning'> = {};
    for (const issue of issues) {
      if (!issue.blockId) continue;
      if (issue.severity === 'error' || !issueSeverity[issue.blockId])
        issueSeverity[issue.blockId] = issue.severity;
    }
    const state = get();
    const same = JSON.stringify(issueSeverity) === JSON.stringify(state.issueSeverity);
    set({ issues, issuesChecked: true, issueSeverity: same ? state.issueSeverity : issueSeverity });
  },

  setSearch(matches: readonly string[], current: string | null): void {
    set({
      searchMatches: Object.fromEntries(matches.map((id) => [id, true as const])),
      searchCurrent: current,
    });
  },

  setTenant(tenant: TenantContext | null): void {
    set({ tenant });
  },

  focusField(field: { blockId: string; pointer: string } | null): void {
    set({ focusedField: field });
  },

  setRun(run: RunHighlight): void {
    set({ run });
  },

  /** Adds a breakpoint to each block that has none, or clears them all when every one has one. */
  toggleBreakpoints(ids: readonly string[]): void {
    const state = get();
    const doc = state.history.present;
    const breakpoints = toggled(state.breakpoints, ids, (id) => !!doc.blocks[id]);
    if (breakpoints === state.breakpoints) return;
    set({ breakpoints });
    saveBreakpoints(doc.id, breakpoints);
  },

  saving(): void {
    set({ saveStatus: 'saving', saveError: null });
  },

  saved(revision: number, doc: Application): void {
    const state = get();
    set({
      revision,
      savedDoc: doc,
      saveStatus: state.history.present === doc ? 'saved' : 'dirty',
      saveError: null,
    });
  },

  saveFailed(status: 'conflict' | 'error', message: string): void {
    set({ saveStatus: status, saveError: message });
  },
};
