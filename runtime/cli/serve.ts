import { serve } from '@hono/node-server';
import { readConfig } from '../env.ts';
import { createApp } from '../http/app.ts';
import { logFailure } from '../log/failure.ts';
import { createRuntime, type Runtime } from '../runtime.ts';

/** Answered before first-start seeding finishes; every other request waits for it. */
const answeredWhileSeeding = new Set(['/healthz', '/readyz']);

export async function serveCommand(): Promise<void> {
  const config = readConfig();
  const runtime = await createRuntime(config, { seedInBackground: true });
  const app = createApp(runtime);
  let seeding = true;
  const seeded = runtime.seeded.finally(() => {
    seeding = false;
  });
  let readyMs = 0;
  const listening = new Promise<number>((resolve) => {
    const server = serve(
      {
        fetch: (request, env) =>
          seeding && !answeredWhileSeeding.has(new URL(request.url).pathname)
            ? seeded.then(
                () => app.fetch(request, env),
                () => app.fetch(request, env),
              )
            : app.fetch(request, env),
        port: config.port,
        hostname: config.host,
      },
      (info) => {
        readyMs = performance.now();
        resolve(info.port);
      },
    );
    const stop = async () => {
      server.close();
      await runtime.close().catch(() => undefined);
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

  const [port, report] = await Promise.all([listening, seeded]).catch((error: unknown) => {
    logFailure('Seeding failed', error);
    process.exit(2);
  });
  // Printed once every request is served: scripts and tests wait for this line.
  console.log(
    `Ringback listening on http://localhost:${port} (database: ${runtime.dbKind}, clock: ${runtime.clock.kind}, node: ${config.nodeId})`,
  );
  // Shown once, when this start created them; only hashes are stored.
  if (report.generatedAdminPassword)
    console.log(`  admin password (shown once): ${report.generatedAdminPassword}`);
  if (report.generatedApiKey) console.log(`  demo API key (shown once): ${report.generatedApiKey}`);
  console.log(
    `  ready in ${ms(readyMs)} (${phases(runtime)}); seeding took ${ms(runtime.startup.seedMs ?? 0)}`,
  );
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** Where the time to /readyz went, counted from the start of the process. */
function phases(runtime: Runtime): string {
  const { templateMs, openMs, migrateMs } = runtime.startup.database;
  const codeMs = runtime.startedAt - performance.timeOrigin;
  const cluster = templateMs > 0 ? `new cluster ${ms(templateMs)}, ` : '';
  return `code ${ms(codeMs)}, ${cluster}database ${ms(openMs)}, migrations ${ms(migrateMs)}`;
}
