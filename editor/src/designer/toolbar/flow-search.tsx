import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { designer, useDesigner } from '../store/designer-store.ts';

/** Finds blocks by id, label, type or property text; Enter cycles through the matches. */
export function FlowSearch() {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const flow = useReactFlow();

  const matches = (): string[] => {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const { blocks } = useDesigner.getState().history.present;
    return Object.entries(blocks)
      .filter(
        ([id, b]) =>
          b &&
          `${id} ${b.label ?? ''} ${b.type} ${JSON.stringify(b.properties)}`.toLowerCase().includes(needle),
      )
      .map(([id]) => id);
  };

  const next = () => {
    const found = matches();
    if (found.length === 0) return designer.notify(`No block matches "${query}".`);
    const id = found[index % found.length]!;
    setIndex(index + 1);
    designer.select([id]);
    void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 });
  };

  return (
    <input
      type="search"
      className="flow-search"
      placeholder="Find in flow"
      aria-label="Find in flow"
      value={query}
      onChange={(e) => {
        setQuery(e.target.value);
        setIndex(0);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') next();
      }}
    />
  );
}
