import { useEffect } from 'react';
import type { ClipboardContent } from '../flow/clipboard.ts';
import { designer } from '../store/designer-store.ts';

const CLIPBOARD_KEY = 'ringback.clipboard';

/** What another tab or application left on the clipboard, if it is blocks. */
function readClipboard(): ClipboardContent | null {
  try {
    const clip = JSON.parse(localStorage.getItem(CLIPBOARD_KEY) ?? 'null') as ClipboardContent | null;
    return clip?.kind === 'ringback/blocks' && clip.blocks ? clip : null;
  } catch {
    return null;
  }
}

function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * Undo/redo, copy/paste of blocks, F9 breakpoints and `?` for help (see shortcut-list.ts).
 * Keys typed into form fields keep their usual meaning.
 */
export function useShortcuts({ onHelp }: { onHelp: () => void }): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingInField(event.target)) return;
      if (!(event.ctrlKey || event.metaKey || event.altKey)) {
        if (event.key === 'F9') designer.toggleBreakpoints(designer.selectedBlockIds());
        else if (event.key === '?') onHelp();
        else return;
        event.preventDefault();
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) designer.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') designer.redo();
      else if (key === 'c') {
        const clip = designer.copy();
        if (!clip) return;
        // localStorage, so blocks can be pasted into another application or tab.
        localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(clip));
      } else if (key === 'v') {
        const clip = readClipboard();
        if (!clip) return;
        designer.paste(clip);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHelp]);
}
