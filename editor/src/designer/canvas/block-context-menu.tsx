import { useEffect, useRef } from 'react';
import { designer, useDesigner } from '../store/designer-store.ts';

export interface BlockMenuTarget {
  blockId: string;
  x: number;
  y: number;
}

/** Right-click menu of a block: breakpoint, phase start, delete. Escape or a click elsewhere closes it. */
export function BlockContextMenu({ target, onClose }: { target: BlockMenuTarget; onClose: () => void }) {
  const hasBreakpoint = useDesigner((s) => !!s.breakpoints[target.blockId]);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && ref.current?.contains(event.target as Node)) return;
      onClose();
    };
    window.addEventListener('keydown', close);
    window.addEventListener('mousedown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('mousedown', close);
    };
  }, [onClose]);

  const run = (action: () => void) => () => {
    action();
    onClose();
  };
  const ids = () => {
    const selected = designer.selectedBlockIds();
    return selected.includes(target.blockId) ? selected : [target.blockId];
  };

  return (
    <div ref={ref} className="context-menu" role="menu" style={{ left: target.x, top: target.y }}>
      <button type="button" role="menuitem" onClick={run(() => designer.toggleBreakpoints(ids()))}>
        {hasBreakpoint ? 'Remove breakpoint' : 'Add breakpoint'} <kbd>F9</kbd>
      </button>
      <button type="button" role="menuitem" onClick={run(() => designer.setPhaseStart(target.blockId))}>
        Make phase start
      </button>
      <button type="button" role="menuitem" onClick={run(() => designer.removeBlocks(ids()))}>
        Delete <kbd>Del</kbd>
      </button>
    </div>
  );
}
