/**
 * Which tenant an `x-api-key` belongs to. Every GES request asks, so a known key is remembered
 * for a few seconds (wall-clock time, not the possibly virtual engine clock): a key removed from
 * the database keeps working for at most API_KEY_CACHE_MS in each process that used it. Unknown
 * keys are never remembered, so a new key works at once.
 */
import { eq } from 'drizzle-orm';
import { tokenHash } from '../auth/tokens.ts';
import type { Database } from '../db/client.ts';
import { apiKeys } from '../db/schema.ts';

export const API_KEY_CACHE_MS = 5_000;
/** Beyond this many remembered keys the memory starts over (keys are few; guessed ones are not kept). */
const MAX_KEYS = 10_000;

/** Per database handle, so runtimes sharing a process (the tests) never share answers. */
const caches = new WeakMap<Database, Map<string, { tenantId: string; until: number }>>();

/** The tenant of a key this process checked in the last few seconds, without asking the database. */
export function rememberedTenantOfKey(db: Database, key: string): string | undefined {
  const known = caches.get(db)?.get(tokenHash(key));
  return known && known.until > performance.now() ? known.tenantId : undefined;
}

export async function tenantOfKey(db: Database, key: string): Promise<string | undefined> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hash = tokenHash(key);
  const now = performance.now();
  const known = cache.get(hash);
  if (known && known.until > now) return known.tenantId;
  const [row] = await db
    .select({ tenantId: apiKeys.tenantId })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hash));
  if (!row) {
    cache.delete(hash);
    return undefined;
  }
  if (cache.size >= MAX_KEYS) cache.clear();
  cache.set(hash, { tenantId: row.tenantId, until: now + API_KEY_CACHE_MS });
  return row.tenantId;
}
