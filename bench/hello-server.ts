/** The baseline: a hello-world Hono route in a process of its own; prints its port when listening. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/hello', (c) => c.text('hello'));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`listening on http://localhost:${(server.address() as AddressInfo).port}`);
});
