/** Every route group of the callback engine, registered by runtime/http/app.ts. */
import type { Hono } from 'hono';
import { agentRoutes } from '../agents/routes.ts';
import { callInRoutes } from '../call-in/routes.ts';
import { callbackRoutes } from '../callbacks/routes.ts';
import { dataTableRoutes } from '../data-tables/routes.ts';
import { developerCredentialRoutes } from '../developer-credentials/routes.ts';
import type { AppEnv } from '../http/app-env.ts';
import { queueMonitorRoutes } from '../queue-monitor/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { rulesRoutes } from '../rules-store/routes.ts';
import { statisticsRoutes } from '../statistics/routes.ts';
import { apiKeyRoutes } from './api-key-routes.ts';
import { gesCallbackRoutes } from './callbacks-routes.ts';
import { developerRoutes } from './developer-routes.ts';
import { gesFallback, gesPreflight } from './ges-route.ts';
import { gesQueueRoutes } from './queue-routes.ts';

export function callbackEngineRoutes(app: Hono<AppEnv>) {
  gesPreflight(app);
  gesCallbackRoutes(app);
  gesQueueRoutes(app);
  developerRoutes(app);
  apiKeyRoutes(app);
  queueMonitorRoutes(app);
  reportRoutes(app);
  dataTableRoutes(app);
  rulesRoutes(app);
  agentRoutes(app);
  callbackRoutes(app);
  callInRoutes(app);
  developerCredentialRoutes(app);
  statisticsRoutes(app);
  // Last: call-in and statistics declare GES routes too, and the fallback answers every path after it.
  gesFallback(app);
}
