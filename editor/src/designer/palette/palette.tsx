import { memo, useMemo, useState } from 'react';
import type { Phase } from '../../../../schemas/application.generated.ts';
import { PHASE_LABELS, PHASES } from '../flow/phases.ts';
import { useDesigner } from '../store/designer-store.ts';
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

  return (
    <aside className="palette" aria-label="Block palette">
      <input
        type="search"
        placeholder="Search blocks"
        aria-label="Search blocks"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
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
      {groups.map((group) => (
        <section key={group.category}>
          <h3>{group.category}</h3>
          {group.blocks.map((d) => {
            const phases = d.placement.filter((p) => p.appType === appType).flatMap((p) => p.phases);
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a drag source; the drop target is the canvas
              <div
                key={d.id}
                className={`palette-item${d.runnable ? '' : ' not-runnable'}`}
                draggable
                data-block-type={d.id}
                title={`${d.description ?? d.title}\nPhases: ${phases.map((p) => PHASE_LABELS[p]).join(', ')}`}
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, d.id);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
              >
                {d.title}
                {!d.runnable && <span className="muted"> (not runnable yet)</span>}
              </div>
            );
          })}
        </section>
      ))}
      {groups.length === 0 && <p className="muted">No blocks match.</p>}
    </aside>
  );
});
