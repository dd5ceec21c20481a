/**
 * GES `statistics/operations/get-statistic-ex`: queue statistics from the (simulated) contact
 * center, for tenants that registered statistics credentials in the Developer tab (GES reads
 * them from GWS with those; without them the answer is 401). A request may also carry them as
 * HTTP Basic credentials, which must then match. `cache-control: max-age=N` lets the answer be
 * one computed at most N seconds ago (N at least 15) for the same request; answers are kept five
 * minutes. Ages are on the engine clock.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { StatisticsRequest } from '../../schemas/developer-credentials.generated.ts';
import { queueEwt, waitingCount } from '../callbacks/offer.ts';
import { gesRoute } from '../ges/ges-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';

const MIN_MAX_AGE_S = 15;
const KEPT_MS = 5 * 60_000;

type Statistic = StatisticsRequest['statistics'][number];

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

async function authorize(c: Context<AppEnv>, tenantId: string): Promise<void> {
  const stored = await c.get('runtime').push.credentials.read(tenantId, 'statistics');
  if (!stored)
    throw new ApiError(
      'STATISTICS_UNAUTHORIZED',
      'Register statistics credentials in the Developer tab first',
    );
  // Basic credentials, when sent, must be the registered ones (another scheme is not about them).
  const [scheme, encoded = ''] = (c.req.header('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'basic') return;
  const [username = '', ...rest] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
  if (
    !same(username, String(stored.settings.username)) ||
    !same(rest.join(':'), stored.secrets.password ?? '')
  )
    throw new ApiError(
      'STATISTICS_UNAUTHORIZED',
      'The statistics credentials do not match the registered ones',
    );
}

/** `max-age=N` of the request's cache-control (N raised to 15), or undefined for a fresh answer. */
function maxAgeMs(c: Context<AppEnv>): number | undefined {
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(c.req.header('cache-control') ?? '');
  if (!match) return undefined;
  return Math.max(MIN_MAX_AGE_S, Number(match[1])) * 1000;
}

export function statisticsRoutes(app: Hono<AppEnv>) {
  /** Answers by tenant and request: when computed, and the answer. */
  const answers = new Map<string, { at: number; data: unknown }>();

  async function compute(c: Context<AppEnv>, tenantId: string, statistics: Statistic[], at: number) {
    const runtime = c.get('runtime');
    const { host, queues } = runtime.callbacks;
    const results = [];
    for (const statistic of statistics) {
      const base = {
        name: statistic.name ?? statistic.metric,
        objectId: statistic.objectId,
        objectType: statistic.objectType ?? 'Queue',
        metric: statistic.metric,
        timestamp: at,
      };
      const config = await queues.find(tenantId, statistic.objectId);
      if (!config) {
        results.push({ ...base, value: null, error: 'SERVICE_NOT_FOUND' });
        continue;
      }
      const agents = host.simulator.agentsMatching(config.settings.skillExpression);
      const callbacks = await waitingCount(runtime.db, config);
      const value =
        statistic.metric === 'ExpectedWaitTime'
          ? (await queueEwt(runtime.db, host, config, 'mode2')).estimatedWaitTime
          : statistic.metric === 'CurrNumberReadyAgents'
            ? agents.ready
            : statistic.metric === 'CurrNumberLoggedInAgents'
              ? agents.loggedIn
              : statistic.metric === 'CurrNumberQueuedCallbacks'
                ? callbacks
                : callbacks + host.simulator.queueLength(config.settings.virtualQueue);
      results.push({ ...base, value });
    }
    return { statistics: results };
  }

  gesRoute(
    app,
    {
      method: 'post',
      path: '/statistics/operations/get-statistic-ex',
      summary:
        'Queue statistics (needs registered statistics credentials); cache-control: max-age=N (min 15) may answer from a cached result',
      body: 'https://ringback.dev/schemas/developer-credentials.schema.json#/$defs/statisticsRequest',
      captcha: false,
    },
    async ({ c, tenantId, body }) => {
      await authorize(c, tenantId);
      const request = body as StatisticsRequest;
      const at = c.get('runtime').clock.now();
      for (const [key, entry] of answers) if (at - entry.at > KEPT_MS) answers.delete(key);
      const key = `${tenantId}\u0000${JSON.stringify(request.statistics)}`;
      const maxAge = maxAgeMs(c);
      const cached = answers.get(key);
      if (maxAge !== undefined && cached && at - cached.at <= maxAge) {
        c.header('age', String(Math.floor((at - cached.at) / 1000)));
        return { data: cached.data };
      }
      const data = await compute(c, tenantId, request.statistics, at);
      answers.set(key, { at, data });
      c.header('age', '0');
      return { data };
    },
  );
}
