import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showBlocks } from '../canvas/fit-view.ts';
import type { DesignerNode, LinkEdge } from '../canvas/flow-elements.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { findBlocks } from './find-blocks.ts';

/**
 * Finds blocks by id, label, title or property text: every match is highlighted on the canvas,
 * the count shows beside the box, Enter moves to the next match.
 */
export function FlowSearch() {
  const { t } = useTranslation('designer');
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(-1);
  const flow = useReactFlow<DesignerNode, LinkEdge>();
  const store = useStoreApi();
  const doc = useDesigner((s) => s.history.present);
  const definitions = useDesigner((s) => s.definitions);
  const [matches, setMatches] = useState<string[]>([]);

  useEffect(() => {
    const found = findBlocks(doc, definitions, query);
    setMatches((old) => (old.join() === found.join() ? old : found));
  }, [doc, definitions, query]);

  useEffect(() => {
    designer.setSearch(matches, index >= 0 ? (matches[index % matches.length] ?? null) : null);
  }, [matches, index]);
  useEffect(() => () => designer.setSearch([], null), []);

  const next = () => {
    if (matches.length === 0) return;
    const at = (index + 1) % matches.length;
    setIndex(at);
    const id = matches[at]!;
    designer.select([id]);
    showBlocks(flow, store, [id]);
  };

  const count = !query.trim()
    ? ''
    : matches.length === 0
      ? t('find.none')
      : index >= 0
        ? t('find.position', { at: (index % matches.length) + 1, count: matches.length })
        : t('find.count', { count: matches.length });

  return (
    <span className="flow-search-box">
      <input
        type="search"
        className="flow-search"
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        aria-describedby="flow-search-count"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') next();
        }}
      />
      <span
        id="flow-search-count"
        className="flow-search-count muted"
        data-testid="find-count"
        aria-live="polite"
      >
        {count}
      </span>
    </span>
  );
}
