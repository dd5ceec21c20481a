/**
 * The Developer tab's credentials (push, CAPTCHA, statistics): public settings in clear, secrets
 * sealed with AES-256-GCM (runtime/secrets). Secrets are write-only: a view shows them masked,
 * and an update that leaves one out keeps the stored one.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { type CredentialKind, developerCredentials } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

export interface StoredCredentials {
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  updatedAt: number;
}

/** Which members of each kind's body are secrets. */
export const secretMembers: Record<CredentialKind, readonly string[]> = {
  push: ['clientEmail', 'privateKey'],
  captcha: ['secretKey'],
  statistics: ['password'],
};

export function credentialStore(db: Database, box: SecretBox, now: () => number) {
  /**
   * Recently read credentials, per tenant and kind: every GES request asks (CAPTCHA), so a read is
   * shared by the requests that arrive while it runs and reused for CACHE_MS (wall-clock).
   */
  const cache = new Map<string, { value: Promise<StoredCredentials | undefined>; until: number }>();
  const CACHE_MS = 2000;
  const key = (tenantId: string, kind: CredentialKind) => `${tenantId}\u0000${kind}`;

  async function load(tenantId: string, kind: CredentialKind): Promise<StoredCredentials | undefined> {
    const [row] = await db
      .select()
      .from(developerCredentials)
      .where(and(eq(developerCredentials.tenantId, tenantId), eq(developerCredentials.kind, kind)));
    return row
      ? {
          settings: row.settings,
          secrets: JSON.parse(box.open(row.secret)) as Record<string, string>,
          updatedAt: row.updatedAt,
        }
      : undefined;
  }

  function read(tenantId: string, kind: CredentialKind): Promise<StoredCredentials | undefined> {
    const hit = cache.get(key(tenantId, kind));
    if (hit && hit.until > performance.now()) return hit.value;
    const value = load(tenantId, kind);
    cache.set(key(tenantId, kind), { value, until: performance.now() + CACHE_MS });
    // A failed read is not remembered.
    value.catch(() => cache.delete(key(tenantId, kind)));
    return value;
  }

  return {
    read,
    async put(
      tenantId: string,
      kind: CredentialKind,
      body: Record<string, unknown>,
    ): Promise<StoredCredentials> {
      const previous = await read(tenantId, kind);
      const settings: Record<string, unknown> = {};
      const secrets: Record<string, string> = {};
      const missing: string[] = [];
      for (const [name, value] of Object.entries(body)) {
        if (secretMembers[kind].includes(name)) secrets[name] = String(value);
        else settings[name] = value;
      }
      for (const name of secretMembers[kind]) {
        if (secrets[name] !== undefined) continue;
        const kept = previous?.secrets[name];
        if (kept === undefined) missing.push(name);
        else secrets[name] = kept;
      }
      if (missing.length > 0)
        throw new ApiError('VALIDATION_FAILED', `Give ${missing.join(', ')} (no stored value to keep)`, {
          errors: missing.map((name) => ({
            pointer: `/${name}`,
            message: 'required: nothing is stored yet',
          })),
        });
      const at = now();
      const sealed = box.seal(JSON.stringify(secrets));
      await db
        .insert(developerCredentials)
        .values({ tenantId, kind, settings, secret: sealed, updatedAt: at })
        .onConflictDoUpdate({
          target: [developerCredentials.tenantId, developerCredentials.kind],
          set: { settings, secret: sealed, updatedAt: at },
        });
      cache.delete(key(tenantId, kind));
      return { settings, secrets, updatedAt: at };
    },
    async remove(tenantId: string, kind: CredentialKind): Promise<boolean> {
      const gone = await db
        .delete(developerCredentials)
        .where(and(eq(developerCredentials.tenantId, tenantId), eq(developerCredentials.kind, kind)))
        .returning({ kind: developerCredentials.kind });
      cache.delete(key(tenantId, kind));
      return gone.length > 0;
    },
  };
}

export type CredentialStore = ReturnType<typeof credentialStore>;
