/** A runtime on a virtual clock with the seeded Sales_VQ scenario, and GES helpers. */
import { ApiClient } from '../support/client.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

/** Tuesday 3 March 2026, 09:00 in Los Angeles: Sales_Hours open, the March rule in force. */
export const TUESDAY_9AM = '2026-03-03T17:00:00Z';

export async function startSales(env: Record<string, string> = {}) {
  const started: StartedRuntime = await startRuntime({
    RINGBACK_CLOCK: 'virtual',
    RINGBACK_CLOCK_START: TUESDAY_9AM,
    ...env,
  });
  const api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
  const ges = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    api.request(method, `/engagement/v3${path}`, body, { 'x-api-key': started.apiKey, ...headers });
  // Sessions expire after 20 idle minutes of the (virtual) clock: sign in again after a jump.
  const advance = async (seconds: number) => {
    const reply = await api.post('/api/v1/sim/clock/advance', { seconds });
    if (reply.status !== 200) throw new Error(`advance failed: ${JSON.stringify(reply.body)}`);
    if (seconds >= 600) await api.login('admin', started.adminPassword);
    return reply;
  };
  return { started, api, ges, advance };
}
