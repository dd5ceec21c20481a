import { blockName } from '../flow/block-name.ts';
import { designer, useDesigner } from '../store/designer-store.ts';

/**
 * A block the test call reports, by the name the canvas shows; clicking selects it. Subscribes to
 * that one name, so edits elsewhere in the flow leave it alone.
 */
export function BlockRef({ blockId }: { blockId: string }) {
  const name = useDesigner((s) => blockName(s.history.present, s.definitions, blockId));
  return (
    <button type="button" className="link" title={blockId} onClick={() => designer.select([blockId])}>
      {name}
    </button>
  );
}
