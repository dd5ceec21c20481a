import type { Application } from '../../../../schemas/application.generated.ts';
import type { RunnableBlockDefinition } from '../../api/types.ts';

type Definitions = Readonly<Record<string, RunnableBlockDefinition | undefined>>;

/**
 * A block as it reads on the canvas: its label, and its type when the label differs ("Main menu
 * (Menu)"). Ids are what the runtime reports, but a designer never sees them on the canvas.
 */
export function blockName(doc: Application, definitions: Definitions, blockId: string): string {
  const block = doc.blocks[blockId];
  if (!block) return blockId;
  const title = definitions[block.type]?.title ?? block.type;
  return block.label && block.label !== title ? `${block.label} (${title})` : title;
}
