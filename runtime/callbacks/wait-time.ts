/**
 * The estimated wait time of a tenant's virtual queue: the queue history every process shares
 * (interaction-history.ts: callbacks and Route Call calls taken by agents), the tenant's agents
 * able to serve the queue as this process's simulator sees them now, and what waits in it now
 * (callbacks QUEUED or ROUTING, calls waiting for an agent). Formulas: contact-center/README.md.
 */
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import {
  type EwtMode,
  type EwtResult,
  estimateWaitTime,
  matchesSkills,
  meanHandleSeconds,
  parseSkillExpression,
} from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { waitingCount } from './offer.ts';
import type { QueueConfig } from './queue-config.ts';

export type QueueWait = EwtResult | { resultCode: 'unknown' };

/**
 * `config` is the queue's CALLBACK_SETTINGS when it has them; a queue without them is known from
 * its history alone (calls routed to it), and served by any agent, as the simulator does.
 * `position`: an interaction's own position; a newcomer's (waiting + 1) by default.
 */
export async function queueWait(
  deps: { db: Database; host: ContactCenterHost },
  tenantId: string,
  virtualQueue: string,
  config: QueueConfig | undefined,
  mode: EwtMode,
  position?: number,
): Promise<QueueWait> {
  const { db, host } = deps;
  const history = await host.history.load(tenantId, virtualQueue);
  if (!config && !history.known) return { resultCode: 'unknown' };
  const expression = config?.settings.skillExpression
    ? parseSkillExpression(config.settings.skillExpression)
    : undefined;
  const prefix = `${tenantId}/`;
  const serving = host.simulator
    .agents()
    .filter(
      (agent) => agent.id.startsWith(prefix) && (!expression || matchesSkills(expression, agent.skills)),
    );
  const loggedIn = serving.filter((agent) => agent.state !== 'LoggedOut');
  const waiting = (config ? await waitingCount(db, config) : 0) + host.simulator.queueLength(virtualQueue);
  return estimateWaitTime(mode, {
    nowMs: host.now(),
    position: position ?? waiting + 1,
    departures: history.departures,
    handleTimesSeconds: history.handleTimesSeconds,
    agentsLoggedIn: loggedIn.length,
    agentsWorking: serving.filter((agent) => agent.state === 'Ready' || agent.state === 'Busy').length,
    waiting,
    ...(loggedIn.length > 0
      ? {
          agentsHandleSeconds:
            loggedIn.reduce((sum, agent) => sum + meanHandleSeconds(agent.handleTime), 0) / loggedIn.length,
        }
      : {}),
  });
}
