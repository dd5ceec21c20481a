/** A block's colour: its definition's own, else its palette category's. The block and the light drawing agree. */
import type { RunnableBlockDefinition } from '../../api/types.ts';

const CATEGORY_COLORS: Record<string, string> = {
  'Logic & Control': '#6b7280',
  'User Interaction': '#2563eb',
  'Business Control': '#b45309',
  Routing: '#7c3aed',
  Callback: '#059669',
};

export const DEFAULT_BLOCK_COLOR = '#6b7280';

export function blockColor(definition: RunnableBlockDefinition | undefined): string {
  return definition?.ui?.color ?? CATEGORY_COLORS[definition?.category ?? ''] ?? DEFAULT_BLOCK_COLOR;
}
