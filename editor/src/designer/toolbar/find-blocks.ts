import type { Application } from '../../../../schemas/application.generated.ts';
import type { BlockDefinition } from '../../../../schemas/block-definition.generated.ts';

/** Blocks whose id, label, block title or property text contains the query (case-insensitive). */
export function findBlocks(
  doc: Application,
  definitions: Readonly<Record<string, BlockDefinition>>,
  query: string,
): string[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  return Object.entries(doc.blocks)
    .filter(([id, b]) => {
      if (!b) return false;
      const title = definitions[b.type]?.title ?? '';
      return `${id} ${b.label ?? ''} ${b.type} ${title} ${JSON.stringify(b.properties)}`
        .toLowerCase()
        .includes(needle);
    })
    .map(([id]) => id);
}
