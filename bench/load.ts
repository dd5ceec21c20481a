/**
 * The load the HTTP benchmarks use: a closed-loop client for multi-step work, autocannon for
 * single requests, and a hello-world baseline server (in this process, or in one of its own).
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';

/** Runs `operation` back to back on `concurrency` lanes for `seconds`; returns operations a second. */
export async function closedLoop(concurrency: number, seconds: number, operation: () => Promise<void>) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await operation();
        done++;
      }
    }),
  );
  return done / seconds;
}

/** A hello-world Hono route in this process: the baseline every HTTP figure is compared with. */
export async function helloWorldServer(): Promise<{ url: string; hit: () => Promise<void>; close(): void }> {
  const app = new Hono().get('/hello', (c) => c.text('hello'));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hello`;
  return { url, hit: async () => void (await fetch(url)).text(), close: () => server.close() };
}

/** The hello-world route in a process of its own, for comparison with a runtime in its own process. */
export async function helloWorldProcess(): Promise<{ url: string; close(): void }> {
  const script = fileURLToPath(new URL('./hello-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`hello-world server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/hello`, close: () => child.kill() };
}

/**
 * Requests a second with autocannon on `connections` keep-alive connections for `seconds`.
 * `body(i)` gives the i-th request's JSON body. Throws when any answer is not 2xx.
 */
export async function hammer(options: {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: (i: number) => unknown;
}): Promise<{ perSecond: number; p99Ms: number }> {
  let next = 0;
  const { body } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(body
      ? { requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(body(next++)) }) }] }
      : {}),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${options.url}: ${result.non2xx} answers were not 2xx, ${result.errors} errors`);
  return { perSecond: result.requests.total / options.seconds, p99Ms: result.latency.p99 };
}
