/**
 * Starts a real runtime (database, HTTP server on a free port) inside the test process.
 * PostgreSQL is used when the test run targets it (RINGBACK_TEST_DB=postgres), each runtime in a
 * database of its own; PGlite in memory otherwise.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { readConfig } from '../../runtime/env.ts';
import { createApp } from '../../runtime/http/app.ts';
import { createRuntime, type Runtime } from '../../runtime/runtime.ts';
import { freshDatabaseUrl } from './database.ts';

export interface StartedRuntime {
  baseUrl: string;
  adminPassword: string;
  apiKey: string;
  runtime: Runtime;
  stop(): Promise<void>;
}

export async function startRuntime(env: Record<string, string> = {}): Promise<StartedRuntime> {
  const adminPassword = env.RINGBACK_ADMIN_PASSWORD ?? 'admin-password-for-tests';
  const apiKey = env.RINGBACK_DEMO_API_KEY ?? 'rbk_demo_key_for_tests_000000';
  // An explicit DATABASE_URL ('' for PGlite on disk) is kept after stop; otherwise a fresh one is made.
  const databaseUrl =
    env.DATABASE_URL !== undefined
      ? { url: env.DATABASE_URL, drop: async () => {} }
      : await freshDatabaseUrl();
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...env,
    DATABASE_URL: databaseUrl.url,
    RINGBACK_ADMIN_PASSWORD: adminPassword,
    RINGBACK_DEMO_API_KEY: apiKey,
  });
  const runtime = await createRuntime(config);
  const app = createApp(runtime);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    adminPassword,
    apiKey,
    runtime,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
      await databaseUrl.drop();
    },
  };
}
