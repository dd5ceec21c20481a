/** A dialog over the screen: focus moves into it, Escape closes it, the rest is inert behind it. */
import { type ReactNode, useEffect, useRef } from 'react';

export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>(
      'input, select, textarea, button:not(.modal-close)',
    );
    first?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        className={`modal${props.wide ? ' wide' : ''}`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onClose();
        }}
      >
        <div className="modal-head">
          <h2>{props.title}</h2>
          <span className="spacer" />
          <button type="button" className="modal-close" aria-label="×" onClick={props.onClose}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}

/** An error from the runtime, readable, with its reference for support. */
export function ErrorBanner({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <div role="alert" className="banner error">
      {error}
    </div>
  );
}
