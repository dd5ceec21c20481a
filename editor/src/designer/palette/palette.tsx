import { type KeyboardEvent, memo, useMemo, useRef, useState } from 'react';
import type { Phase } from '../../../../schemas/application.generated.ts';
import { PHASE_LABELS, PHASES } from '../flow/phases.ts';
import { designer, useDesigner } from '../store/designer-store.ts';
import { paletteGroups } from './palette-groups.ts';

export const PALETTE_MIME = 'application/x-ringback-block';

export const Palette = memo(function Palette() {
  const definitions = useDesigner((s) => s.definitions);
  const appType = useDesigner((s) => s.history.present.type);
  const [search, setSearch] = useState('');
  const [phase, setPhase] = useState<Phase | 'all'>('all');
  const groups = useMemo(
    () => paletteGroups(Object.values(definitions), appType, phase, search),
    [definitions, appType, phase, search],
  );
  const order = useMemo(() => groups.flatMap((g) => g.blocks.map((b) => b.id)), [groups]);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const activeId = order[Math.min(active, order.length - 1)];

  // Arrow keys move a roving focus through the blocks; Enter adds the focused one.
  const focusAt = (index: number) => {
    const next = Math.max(0, Math.min(order.length - 1, index));
    setActive(next);
    listRef.current?.querySelector<HTMLElement>(`[data-block-type="${order[next]}"]`)?.focus();
  };
  const onListKey = (event: KeyboardEvent) => {
    const at = order.indexOf((event.target as HTMLElement).dataset.blockType ?? '');
    if (event.key === 'ArrowDown') focusAt(at + 1);
    else if (event.key === 'ArrowUp') focusAt(at - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(order.length - 1);
    else if (event.key === 'Enter' && at >= 0) designer.addBlockFromPalette(order[at]!);
    else return;
    event.preventDefault();
  };

  return (
    <aside className="palette" aria-label="Block palette">
      <input
        type="search"
        placeholder="Search blocks"
        aria-label="Search blocks"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'Enter') return;
          e.preventDefault();
          if (e.key === 'Enter' && order[0]) designer.addBlockFromPalette(order[0]);
          else focusAt(0);
        }}
      />
      <select
        aria-label="Phase filter"
        value={phase}
        onChange={(e) => setPhase(e.target.value as Phase | 'all')}
      >
        <option value="all">All phases</option>
        {PHASES.map((p) => (
          <option key={p} value={p}>
            {PHASE_LABELS[p]}
          </option>
        ))}
      </select>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: key handling for the roving focus of its items */}
      <div ref={listRef} onKeyDown={onListKey} className="palette-list">
        {groups.map((group) => (
          <section key={group.category}>
            <h3>{group.category}</h3>
            {group.blocks.map((d) => {
              const phases = d.placement.filter((p) => p.appType === appType).flatMap((p) => p.phases);
              return (
                <button
                  type="button"
                  key={d.id}
                  className={`palette-item${d.runnable ? '' : ' not-runnable'}`}
                  draggable
                  tabIndex={d.id === activeId ? 0 : -1}
                  onFocus={() => setActive(order.indexOf(d.id))}
                  data-block-type={d.id}
                  title={`${d.description ?? d.title}\nEnter adds it; drag to place it.\nPhases: ${phases.map((p) => PHASE_LABELS[p]).join(', ')}`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PALETTE_MIME, d.id);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                >
                  {d.title}
                  {!d.runnable && <span className="muted"> (not runnable yet)</span>}
                </button>
              );
            })}
          </section>
        ))}
      </div>
      {groups.length === 0 && (
        <p className="muted">No blocks match “{search}”. Clear the search or pick another phase.</p>
      )}
    </aside>
  );
});
