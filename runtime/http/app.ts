/**
 * The HTTP application: correlation ids, body limits, problem-details errors, then the route
 * groups, the OpenAPI description and the built editor.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { accessRoutes } from '../access/routes.ts';
import { lockoutRoutes } from '../auth/lockout-routes.ts';
import { gesBase, gesError, isGesPath } from '../ges/ges-route.ts';
import { callbackEngineRoutes } from '../ges/index.ts';
import { logFailure } from '../log/failure.ts';
import { phoneNumberRoutes } from '../phone-numbers/routes.ts';
import type { Runtime } from '../runtime.ts';
import { userRoutes } from '../users/routes.ts';
import type { AppEnv } from './app-env.ts';
import { printable } from './middleware/hostile-input.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { ApiError, problemBody } from './problem.ts';
import { applicationRoutes } from './routes/applications.ts';
import { authRoutes } from './routes/auth.ts';
import { blockRoutes } from './routes/blocks.ts';
import { businessHoursRoutes } from './routes/business-hours.ts';
import { docsRoutes } from './routes/docs.ts';
import { editorRoutes } from './routes/editor.ts';
import { healthRoutes } from './routes/health.ts';
import { simRoutes } from './routes/sim.ts';
import { testCallRoutes } from './routes/test-calls.ts';

export function createApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    const offered = c.req.header('x-correlation-id');
    c.set('corrId', offered && /^[A-Za-z0-9-]{8,64}$/.test(offered) ? offered : randomUUID());
    c.set('runtime', runtime);
    await next();
    c.header('x-correlation-id', c.get('corrId'));
  });
  app.use(securityHeaders());
  app.use(
    bodyLimit({
      maxSize: runtime.config.maxBodyBytes,
      onError: () => {
        throw new ApiError('PAYLOAD_TOO_LARGE', `The body exceeds ${runtime.config.maxBodyBytes} bytes`);
      },
    }),
  );

  app.onError((error, c) => {
    // /engagement/v3 answers every error (e.g. 413 from the body limit) in the GES envelope.
    if (isGesPath(c.req.path)) return gesError(c, error);
    const corrId = c.get('corrId') ?? randomUUID();
    const problem =
      error instanceof ApiError ? error : new ApiError('INTERNAL', 'Internal error; quote the corrId');
    if (!(error instanceof ApiError)) logFailure(`${corrId} ${c.req.method} ${c.req.routePath}`, error);
    const { retryAfterSeconds } = problem.extra as { retryAfterSeconds?: number };
    return c.json(problemBody(problem, corrId, c.req.path), problem.status as 400, {
      'content-type': 'application/problem+json',
      'x-correlation-id': corrId,
      ...(retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {}),
    });
  });
  app.notFound((c) => {
    const problem = new ApiError('ROUTE_NOT_FOUND', `No route ${c.req.method} ${printable(c.req.path)}`);
    if (c.req.path.startsWith(`${gesBase}/`)) return gesError(c, problem);
    return c.json(problemBody(problem, c.get('corrId'), c.req.path), 404, {
      'content-type': 'application/problem+json',
    });
  });

  for (const group of [
    healthRoutes,
    authRoutes,
    blockRoutes,
    applicationRoutes,
    phoneNumberRoutes,
    businessHoursRoutes,
    testCallRoutes,
    userRoutes,
    accessRoutes,
    simRoutes,
    callbackEngineRoutes,
    lockoutRoutes,
    docsRoutes,
  ]) {
    group(app);
  }
  editorRoutes(app);
  return app;
}
