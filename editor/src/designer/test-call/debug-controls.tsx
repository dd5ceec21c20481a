import { useEffect } from 'react';
import { designer, useDesigner } from '../store/designer-store.ts';

interface Props {
  pausedAt: string;
  onStep: () => void;
  onContinue: () => void;
}

/** Shown while a test call is paused at a breakpoint: where, Step (F10) and Continue (F8). */
export function DebugControls({ pausedAt, onStep, onContinue }: Props) {
  const label = useDesigner((s) => s.history.present.blocks[pausedAt]?.label ?? pausedAt);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F10') onStep();
      else if (event.key === 'F8') onContinue();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep, onContinue]);

  return (
    <div className="debug-controls" role="status" data-testid="debug-controls">
      <span>
        Paused before{' '}
        <button type="button" className="link" onClick={() => designer.select([pausedAt])}>
          {label}
        </button>
      </span>
      <button type="button" onClick={onStep} title="Run this block and pause before the next (F10)">
        Step
      </button>
      <button type="button" className="primary" onClick={onContinue} title="Run to the next breakpoint (F8)">
        Continue
      </button>
    </div>
  );
}
