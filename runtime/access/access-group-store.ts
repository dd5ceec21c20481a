/** Access groups of a tenant: the callback roles each grants, and who is in it. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import { accessGroups, queueFolders, queuePermissions, userAccessGroups, users } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export interface AccessGroup {
  name: string;
  roles: string[];
  predefined: boolean;
  members: string[];
}

export function accessGroupStore(db: Database) {
  async function members(tenantId: string): Promise<Map<string, string[]>> {
    const rows = await db
      .select({ group: userAccessGroups.groupName, username: users.username })
      .from(userAccessGroups)
      .innerJoin(users, eq(users.id, userAccessGroups.userId))
      .where(eq(userAccessGroups.tenantId, tenantId))
      .orderBy(asc(users.username));
    const byGroup = new Map<string, string[]>();
    for (const r of rows) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.username]);
    return byGroup;
  }

  return {
    async list(tenantId: string): Promise<AccessGroup[]> {
      const [rows, byGroup] = await Promise.all([
        db
          .select()
          .from(accessGroups)
          .where(eq(accessGroups.tenantId, tenantId))
          .orderBy(asc(accessGroups.name)),
        members(tenantId),
      ]);
      return rows.map((r) => ({
        name: r.name,
        roles: r.roles,
        predefined: r.predefined,
        members: byGroup.get(r.name) ?? [],
      }));
    },

    async get(tenantId: string, name: string): Promise<AccessGroup> {
      const group = (await this.list(tenantId)).find((g) => g.name === name);
      if (!group) throw new ApiError('NOT_FOUND', `No access group ${name}`);
      return group;
    },

    /** Names among `names` that are not groups of the tenant. */
    async unknown(tenantId: string, names: readonly string[]): Promise<string[]> {
      if (names.length === 0) return [];
      const rows = await db
        .select({ name: accessGroups.name })
        .from(accessGroups)
        .where(and(eq(accessGroups.tenantId, tenantId), inArray(accessGroups.name, [...names])));
      const known = new Set(rows.map((r) => r.name));
      return names.filter((n) => !known.has(n));
    },

    async put(tenantId: string, name: string, roles: string[]): Promise<{ created: boolean }> {
      const [row] = await db
        .insert(accessGroups)
        .values({ tenantId, name, roles })
        .onConflictDoUpdate({ target: [accessGroups.tenantId, accessGroups.name], set: { roles } })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      return { created: Boolean(row?.inserted) };
    },

    /** Refused for a predefined group and while a folder or queue lists it as a reader. */
    async remove(tenantId: string, name: string): Promise<void> {
      const group = await this.get(tenantId, name);
      if (group.predefined)
        throw new ApiError('IN_USE', `${name} is a predefined group; it cannot be deleted`);
      const readers = await db.execute(sql`
        select 'folder' as kind, ${queueFolders.name} as name from ${queueFolders}
          where ${queueFolders.tenantId} = ${tenantId} and ${queueFolders.read} ? ${name}
        union all
        select 'queue', ${queuePermissions.virtualQueue} from ${queuePermissions}
          where ${queuePermissions.tenantId} = ${tenantId} and coalesce(${queuePermissions.read}, '[]'::jsonb) ? ${name}`);
      const using = rows<{ kind: string; name: string }>(readers);
      if (using.length)
        throw new ApiError(
          'IN_USE',
          `${name} reads ${using.map((u) => `${u.kind} ${u.name}`).join(', ')}; remove it there first`,
        );
      await db.transaction(async (tx) => {
        await tx
          .delete(userAccessGroups)
          .where(and(eq(userAccessGroups.tenantId, tenantId), eq(userAccessGroups.groupName, name)));
        await tx
          .delete(accessGroups)
          .where(and(eq(accessGroups.tenantId, tenantId), eq(accessGroups.name, name)));
      });
    },
  };
}

export type AccessGroupStore = ReturnType<typeof accessGroupStore>;
