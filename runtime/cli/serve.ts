import { serve } from '@hono/node-server';
import { readConfig } from '../env.ts';
import { createApp } from '../http/app.ts';
import { createRuntime } from '../runtime.ts';

export async function serveCommand(): Promise<void> {
  const config = readConfig();
  const runtime = await createRuntime(config);
  const app = createApp(runtime);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const { seedReport } = runtime;
    console.log(
      `Ringback listening on http://localhost:${info.port} (database: ${runtime.dbKind}, clock: ${runtime.clock.kind}, node: ${config.nodeId})`,
    );
    // Shown once, when this start created them; only hashes are stored.
    if (seedReport.generatedAdminPassword)
      console.log(`  admin password (shown once): ${seedReport.generatedAdminPassword}`);
    if (seedReport.generatedApiKey) console.log(`  demo API key (shown once): ${seedReport.generatedApiKey}`);
    console.log(
      `  ready in ${Date.now() - runtime.startedAt} ms (database ${runtime.startup.databaseMs} ms, seed ${runtime.startup.seedMs} ms)`,
    );
  });
  const stop = async () => {
    server.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
