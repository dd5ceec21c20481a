/**
 * The runtime's time, which may be a virtual clock far from the browser's: date ranges, "today"
 * and the overdue warning are computed against it. Re-read on every refresh.
 */
import { api } from '../../api/http.ts';

let offsetMs = 0;
let synced = false;

/** The clock was read once already: screens may start from it while they read it again. */
export function serverClockKnown(): boolean {
  return synced;
}

export async function syncServerClock(): Promise<number> {
  synced = true;
  try {
    const { now } = await api.get<{ now: string }>('/api/v1/sim/clock');
    offsetMs = Date.parse(now) - Date.now();
  } catch {
    offsetMs = 0; // no clock route: the browser's time is the best we have
  }
  return serverNow();
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}
