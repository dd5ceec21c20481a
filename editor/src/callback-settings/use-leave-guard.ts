import { useEffect } from 'react';

/**
 * While `dirty`, leaving the screen by an in-app link (a tab, the brand) is held and `ask` is
 * called with the way to leave after all, so the screen can confirm in its own dialog instead of
 * the browser's confirm(). Closing or reloading the page can only be held by the browser's own
 * "leave site?" box (beforeunload), which is all a page may do there.
 */
export function useLeaveGuard(dirty: boolean, ask: (leave: () => void) => void): void {
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      // A new tab or window leaves nothing behind: let it open.
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
      const href = link?.getAttribute('href');
      if (!href || href === window.location.hash) return;
      event.preventDefault();
      ask(() => {
        window.location.hash = href;
      });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Capture: decide before the link's own handling, wherever on the page it is.
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, ask]);
}
