/**
 * Users of a tenant as the Users screen and api.md show them: `{ username, displayName, roles,
 * accessGroups, language }` plus the effective roles; the password is write-only (a scrypt hash).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { accessGroupStore } from '../access/access-group-store.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { effectiveRoles } from '../auth/effective-roles.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import { userAccessGroups, users } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export interface UserView {
  username: string;
  displayName: string | null;
  roles: string[];
  accessGroups: string[];
  language: string;
  /** Own roles plus the groups' (callback roles only for a member of some group). */
  effectiveRoles: string[];
}

export interface UserInput {
  password?: string;
  displayName?: string | null;
  roles?: string[];
  accessGroups?: string[];
  language?: string;
}

export function userStore(db: Database, auth: AuthService) {
  const groups = accessGroupStore(db);

  async function checkGroups(tenantId: string, names: string[] | undefined): Promise<void> {
    const unknown = await groups.unknown(tenantId, names ?? []);
    if (unknown.length)
      throw new ApiError('VALIDATION_FAILED', `No access group ${unknown.join(', ')}`, {
        errors: unknown.map((name) => ({
          pointer: `/accessGroups/${names!.indexOf(name)}`,
          message: `no access group ${name}`,
        })),
      });
  }

  async function row(tenantId: string, username: string) {
    const [found] = await db
      .select()
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
    if (!found) throw new ApiError('NOT_FOUND', `No user ${username}`);
    return found;
  }

  return {
    async list(tenantId: string): Promise<UserView[]> {
      const [rows, all, memberships] = await Promise.all([
        db.select().from(users).where(eq(users.tenantId, tenantId)).orderBy(asc(users.username)),
        groups.list(tenantId),
        db.select().from(userAccessGroups).where(eq(userAccessGroups.tenantId, tenantId)),
      ]);
      const byName = new Map(all.map((g) => [g.name, g]));
      return rows.map((r) => {
        const mine = memberships
          .filter((m) => m.userId === r.id && byName.has(m.groupName))
          .map((m) => byName.get(m.groupName)!);
        return {
          username: r.username,
          displayName: r.displayName,
          roles: r.roles,
          accessGroups: mine.map((g) => g.name).sort(),
          language: r.language,
          effectiveRoles: effectiveRoles(r.roles, mine),
        };
      });
    },

    async get(tenantId: string, username: string): Promise<UserView> {
      const found = (await this.list(tenantId)).find((u) => u.username === username);
      if (!found) throw new ApiError('NOT_FOUND', `No user ${username}`);
      return found;
    },

    async create(
      tenantId: string,
      username: string,
      input: UserInput & { password: string },
    ): Promise<UserView> {
      const accessGroups = input.accessGroups ?? ['Agents'];
      await checkGroups(tenantId, accessGroups);
      const [existing] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), eq(users.username, username)));
      if (existing) throw new ApiError('ALREADY_EXISTS', `A user ${username} exists`);
      const id = randomUUID();
      const passwordHash = await hashPassword(input.password);
      await db.transaction(async (tx) => {
        await tx.insert(users).values({
          id,
          tenantId,
          username,
          passwordHash,
          roles: input.roles ?? [],
          displayName: input.displayName ?? null,
          language: input.language ?? 'en',
        });
        if (accessGroups.length)
          await tx
            .insert(userAccessGroups)
            .values(accessGroups.map((groupName) => ({ userId: id, tenantId, groupName })));
      });
      return this.get(tenantId, username);
    },

    /** Replaces the members given; a new password signs the user out everywhere. */
    async update(tenantId: string, username: string, input: UserInput): Promise<UserView> {
      const current = await row(tenantId, username);
      await checkGroups(tenantId, input.accessGroups);
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      await db.transaction(async (tx) => {
        const set = {
          ...(input.roles ? { roles: input.roles } : {}),
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.language ? { language: input.language } : {}),
          ...(passwordHash ? { passwordHash } : {}),
        };
        if (Object.keys(set).length) await tx.update(users).set(set).where(eq(users.id, current.id));
        if (input.accessGroups) {
          await tx.delete(userAccessGroups).where(eq(userAccessGroups.userId, current.id));
          if (input.accessGroups.length)
            await tx
              .insert(userAccessGroups)
              .values(input.accessGroups.map((groupName) => ({ userId: current.id, tenantId, groupName })));
        }
      });
      if (passwordHash) await auth.revokeSessions(current.id);
      else auth.forgetCached();
      return this.get(tenantId, username);
    },

    async remove(tenantId: string, username: string): Promise<void> {
      const current = await row(tenantId, username);
      await db.delete(users).where(eq(users.id, current.id));
      auth.forgetCached();
    },
  };
}
