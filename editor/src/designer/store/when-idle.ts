/** Runs work when the browser is idle (at the latest after `timeout` ms), or on the next task where idle callbacks are missing. */
export function whenIdle(run: () => void, timeout = 1000): number {
  return typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout })
    : window.setTimeout(run, 0);
}

export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}
