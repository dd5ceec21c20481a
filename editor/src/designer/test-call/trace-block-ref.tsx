import type { TraceEntry } from '../../api/types.ts';
import { designer, useDesigner } from '../store/designer-store.ts';

/**
 * A block in a call's trace, named as it was in the version the call ran (its label then, else
 * its block title), so a call on version 3 is not labelled from today's draft.
 */
export function TraceBlockRef({ entry }: { entry: TraceEntry }) {
  const title = useDesigner((s) => s.definitions[entry.blockType]?.title) ?? entry.blockType;
  const name = entry.label && entry.label !== title ? `${entry.label} (${title})` : title;
  return (
    <button
      type="button"
      className="link"
      title={entry.blockId}
      onClick={() => designer.select([entry.blockId])}
    >
      {name}
    </button>
  );
}
