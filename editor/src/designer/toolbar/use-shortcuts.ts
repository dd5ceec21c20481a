import { useEffect } from 'react';
import type { ClipboardContent } from '../flow/clipboard.ts';
import { designer } from '../store/designer-store.ts';

const CLIPBOARD_KEY = 'ringback.clipboard';

function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Undo/redo and copy/paste of blocks. Keys typed into form fields keep their usual meaning. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || typingInField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) designer.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') designer.redo();
      else if (key === 'c') {
        const clip = designer.copy();
        if (!clip) return;
        // localStorage, so blocks can be pasted into another application or tab.
        localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(clip));
      } else if (key === 'v') {
        const raw = localStorage.getItem(CLIPBOARD_KEY);
        if (!raw) return;
        designer.paste(JSON.parse(raw) as ClipboardContent);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
