/**
 * Sign-in and token checks. A token expires after the configured idle time; each use slides the
 * expiry forward (written at most once a minute to spare the database).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { accessGroups, authTokens, userAccessGroups, users } from '../db/schema.ts';
import type { SignedInUser } from '../http/app-env.ts';
import { effectiveRoles } from './effective-roles.ts';
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
  /** A user in the given access groups (Agents, the group granting no role, when none is named). */
  createUser(
    tenantId: string,
    username: string,
    password: string,
    roles: Role[],
    groups?: string[],
  ): Promise<string>;
  /** Roles, groups or a password changed: forget cached sign-ins (this process). */
  forgetCached(): void;
  /** Signs a user out everywhere (after a password reset). */
  revokeSessions(userId: string): Promise<void>;
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
      return { user: await toUser(db, row), token, expiresAt };
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
      const user = await toUser(db, row.user);
      if (recent.size > 10_000) recent.clear();
      recent.set(hash, { user, until: Date.now() + cacheMs, lastSeenAt });
      return user;
    },

    async logout(token) {
      recent.delete(tokenHash(token));
      await db.delete(authTokens).where(eq(authTokens.tokenHash, tokenHash(token)));
    },

    forgetCached() {
      recent.clear();
    },

    async revokeSessions(userId) {
      recent.clear();
      await db.delete(authTokens).where(eq(authTokens.userId, userId));
    },

    async createUser(tenantId, username, password, roles, groups = ['Agents']) {
      const id = randomUUID();
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await tx.insert(users).values({ id, tenantId, username, passwordHash, roles });
        if (groups.length)
          await tx
            .insert(userAccessGroups)
            .values(groups.map((groupName) => ({ userId: id, tenantId, groupName })));
      });
      return id;
    },
  };
}

const dummyHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The signed-in user with its effective roles (own ∪ its groups'). */
async function toUser(db: Database, row: typeof users.$inferSelect): Promise<SignedInUser> {
  const groups = await db
    .select({ name: accessGroups.name, roles: accessGroups.roles })
    .from(userAccessGroups)
    .innerJoin(
      accessGroups,
      and(
        eq(accessGroups.tenantId, userAccessGroups.tenantId),
        eq(accessGroups.name, userAccessGroups.groupName),
      ),
    )
    .where(eq(userAccessGroups.userId, row.id));
  return {
    id: row.id,
    tenantId: row.tenantId,
    username: row.username,
    displayName: row.displayName,
    roles: effectiveRoles(row.roles, groups),
    accessGroups: groups.map((g) => g.name).sort(),
    language: row.language,
  };
}
