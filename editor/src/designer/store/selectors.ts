/** Narrow selectors shared by panels. Each returns a primitive or an object the store keeps stable. */
import type { DesignerState } from './designer-store.ts';

/** Comma-joined ids of the selected blocks: a string, so panels re-render only when selection changes. */
export const selectedBlockKey = (s: DesignerState): string =>
  s.nodes
    .filter((n) => n.type === 'block' && n.selected)
    .map((n) => n.id)
    .join(',');

export const selectDoc = (s: DesignerState) => s.history.present;
export const selectVariables = (s: DesignerState) => s.history.present.variables;
