/**
 * Who sent a request and whether it came over TLS. Behind a reverse proxy the socket's peer is
 * the proxy; only a proxy listed in RINGBACK_TRUSTED_PROXIES is believed about the client
 * (X-Forwarded-For, read from the right, skipping trusted hops) and the scheme
 * (X-Forwarded-Proto). Anyone else could write those headers to dodge the throttle.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { normalizeAddress } from '../env.ts';
import type { AppEnv } from './app-env.ts';

function peerAddress(c: Context<AppEnv>): string {
  try {
    return normalizeAddress(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    // Not served by node (app.request in a unit test): no socket to ask.
    return 'unknown';
  }
}

function fromTrustedProxy(c: Context<AppEnv>): boolean {
  return c.get('runtime').config.trustedProxies.includes(peerAddress(c));
}

export function clientAddress(c: Context<AppEnv>): string {
  const peer = peerAddress(c);
  const trusted = c.get('runtime').config.trustedProxies;
  if (!trusted.includes(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => normalizeAddress(hop.trim()))
    .filter(Boolean);
  // The rightmost hop a trusted proxy did not add is the client; further left is the client's say.
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.includes(hops[i]!)) return hops[i]!.slice(0, 64);
  return peer;
}

export function servedOverTls(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!fromTrustedProxy(c)) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
