/**
 * Sign-in and token checks. A token expires after the configured idle time; each use slides the
 * expiry forward (written at most once a minute to spare the database).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { authTokens, users } from '../db/schema.ts';
import type { SignedInUser } from '../http/app-env.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Role } from './roles.ts';
import { newToken, tokenHash } from './tokens.ts';

export interface AuthService {
  login(
    tenantId: string,
    username: string,
    password: string,
  ): Promise<{ user: SignedInUser; token: string; expiresAt: Date } | undefined>;
  authenticate(token: string): Promise<SignedInUser | undefined>;
  logout(token: string): Promise<void>;
  createUser(tenantId: string, username: string, password: string, roles: Role[]): Promise<string>;
  listUsers(tenantId: string): Promise<{ id: string; username: string; roles: string[] }[]>;
  deleteUser(tenantId: string, username: string): Promise<boolean>;
}

/**
 * Recently checked tokens are remembered for a few seconds, sparing a query per request. A token
 * signed out through another process may therefore still work here for up to this long.
 */
const cacheMs = 5_000;

export function authService(db: Database, clock: Clock, idleMinutes: number): AuthService {
  const idleMs = idleMinutes * 60_000;
  const recent = new Map<string, { user: SignedInUser; until: number; lastSeenAt: number }>();
  return {
    async login(tenantId, username, password) {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
      // Verify against a dummy hash when the user is unknown, so timing does not reveal names.
      const ok = await verifyPassword(password, row?.passwordHash ?? dummyHash);
      if (!row || !ok) return undefined;
      const token = newToken('rbs');
      const now = clock.now();
      const expiresAt = new Date(now + idleMs);
      await db.insert(authTokens).values({
        tokenHash: tokenHash(token),
        userId: row.id,
        kind: 'session',
        lastSeenAt: new Date(now),
        expiresAt,
      });
      await db.delete(authTokens).where(lt(authTokens.expiresAt, new Date(now)));
      return { user: toUser(row), token, expiresAt };
    },

    async authenticate(token) {
      const hash = tokenHash(token);
      const now = clock.now();
      const cached = recent.get(hash);
      // Within a minute of the last check the token cannot have expired, and no slide is due.
      if (cached && cached.until > Date.now() && now - cached.lastSeenAt <= 60_000) return cached.user;
      const [row] = await db
        .select({ user: users, lastSeenAt: authTokens.lastSeenAt, expiresAt: authTokens.expiresAt })
        .from(authTokens)
        .innerJoin(users, eq(users.id, authTokens.userId))
        .where(and(eq(authTokens.tokenHash, hash), gt(authTokens.expiresAt, new Date(now))));
      if (!row) return undefined;
      let lastSeenAt = row.lastSeenAt.getTime();
      if (now - lastSeenAt > 60_000) {
        lastSeenAt = now;
        await db
          .update(authTokens)
          .set({ lastSeenAt: new Date(now), expiresAt: new Date(now + idleMs) })
          .where(eq(authTokens.tokenHash, hash));
      }
      const user = toUser(row.user);
      if (recent.size > 10_000) recent.clear();
      recent.set(hash, { user, until: Date.now() + cacheMs, lastSeenAt });
      return user;
    },

    async logout(token) {
      recent.delete(tokenHash(token));
      await db.delete(authTokens).where(eq(authTokens.tokenHash, tokenHash(token)));
    },

    async listUsers(tenantId) {
      const rows = await db
        .select({ id: users.id, username: users.username, roles: users.roles })
        .from(users)
        .where(eq(users.tenantId, tenantId))
        .orderBy(users.username);
      return rows;
    },

    async deleteUser(tenantId, username) {
      const deleted = await db
        .delete(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.username, username)))
        .returning({ id: users.id });
      recent.clear();
      return deleted.length > 0;
    },

    async createUser(tenantId, username, password, roles) {
      const id = randomUUID();
      await db
        .insert(users)
        .values({ id, tenantId, username, passwordHash: await hashPassword(password), roles });
      return id;
    },
  };
}

const dummyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function toUser(row: typeof users.$inferSelect): SignedInUser {
  return { id: row.id, tenantId: row.tenantId, username: row.username, roles: row.roles };
}
