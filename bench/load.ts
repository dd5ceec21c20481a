/** The load both HTTP benchmarks use: a closed-loop client and a hello-world baseline server. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
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
