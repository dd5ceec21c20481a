/**
 * Complete 10-step test calls a second over HTTP (create the call, one DTMF entry), beside a
 * hello-world Hono route served by this process and driven by the same closed-loop client.
 */

import { ApiClient } from '../test/support/client.ts';
import { freshDatabaseUrl } from '../test/support/database.ts';
import { startRuntime } from '../test/support/start-runtime.ts';
import { tenStepFlow } from './flows.ts';
import { closedLoop, helloWorldServer } from './load.ts';
import type { Report } from './report.ts';

export async function benchHttpTestCalls(report: Report): Promise<void> {
  const helloServer = await helloWorldServer();
  // PostgreSQL when DATABASE_URL names a server, else PGlite; a fresh database either way.
  const database = await freshDatabaseUrl(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const started = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false', DATABASE_URL: database.url });
  try {
    const api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
    await api.post('/api/v1/applications', tenStepFlow());
    await api.post('/api/v1/applications/bench-ten/publish');
    const call = async () => {
      const created = await api.post('/api/v1/test-calls', {
        applicationId: 'bench-ten',
        ani: '+14155550100',
      });
      const ended = await api.post(`/api/v1/test-calls/${created.body.id}/dtmf`, { digits: '1' });
      if (ended.body.state !== 'ended' || ended.body.trace.length !== 10)
        throw new Error('the bench call did not complete');
    };
    await closedLoop(8, 2, call);
    const callsPerSecond = await closedLoop(8, 8, call);
    await closedLoop(8, 1, helloServer.hit);
    const helloPerSecond = await closedLoop(8, 4, helloServer.hit);
    report.figure(
      `test calls over HTTP: complete 10-step calls / s (${started.runtime.dbKind})`,
      callsPerSecond,
    );
    report.figure('  baseline: hello-world Hono route, requests / s', helloPerSecond);
    report.ratio(
      '  HTTP requests of test calls ÷ hello-world requests',
      (callsPerSecond * 2) / helloPerSecond,
    );
  } finally {
    helloServer.close();
    await started.stop();
    await database.drop();
  }
}
