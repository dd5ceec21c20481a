import './confirm-dialog.css';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  /** A destructive action gets the danger colour on its button. */
  danger?: boolean;
  busy?: boolean;
  /** Shown under the content, e.g. a refusal from the server. */
  error?: string | null;
  testId?: string;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/**
 * The editor's one "are you sure" box: a native modal dialog (focus trapped, Escape cancels) in
 * place of the browser's confirm() and prompt(), so it can say what will change and take input.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.busy) props.onConfirm();
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="confirm-dialog-title">{props.title}</h2>
        <div className="confirm-dialog-body">{props.children}</div>
        {props.error && (
          <p role="alert" className="error">
            {props.error}
          </p>
        )}
        <div className="button-row confirm-dialog-buttons">
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={props.busy}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
