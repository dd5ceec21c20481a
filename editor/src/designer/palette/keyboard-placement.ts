/**
 * Where a block added from the palette with the keyboard goes: into the phase of the selected
 * block when the block type is allowed there, else the first phase it is allowed in; placed
 * below the lowest block of that lane so it never covers another.
 */
import type { Application, Phase } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';
import { allowedIn, PHASES } from '../flow/phases.ts';

export const ROW_GAP = 140;
const FIRST = { x: 40, y: 60 };

export function keyboardPlacement(
  doc: Application,
  definition: BlockDefinition,
  selectedIds: readonly string[],
): { phase: Phase; position: { x: number; y: number } } | null {
  const selectedPhase = selectedIds.map((id) => doc.blocks[id]?.phase).find((p) => p !== undefined);
  const phase =
    selectedPhase && allowedIn(definition, doc.type, selectedPhase)
      ? selectedPhase
      : PHASES.find((p) => allowedIn(definition, doc.type, p));
  if (!phase) return null;
  const ys = Object.entries(doc.blocks)
    .filter(([, b]) => b?.phase === phase)
    .map(([id]) => doc.layout?.positions?.[id]?.y ?? FIRST.y);
  const y = ys.length ? Math.max(...ys) + ROW_GAP : FIRST.y;
  return { phase, position: { x: FIRST.x, y } };
}
