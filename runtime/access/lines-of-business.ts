/**
 * Lines of business (the guide's "Line of Business segmentation"): callback queues placed in
 * folders, and the access groups that may read each folder and queue. A queue's own read list
 * wins; without one (null) it inherits its folder's when the folder propagates; with neither,
 * every group reads it (the guide's default). Inheritance is resolved when read, so a queue put
 * into a propagating folder later inherits just the same.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { callbackSettings, queueFolders, queuePermissions } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export interface QueueFolder {
  name: string;
  read: string[];
  propagate: boolean;
}

export interface QueuePermission {
  virtualQueue: string;
  folder: string | null;
  read: string[] | null;
  /** Who reads it in effect: its own list, its folder's, or null for every group. */
  effectiveRead: string[] | null;
}

/** Each restricted queue of a tenant with the groups that read it in effect. */
export async function restrictedQueues(db: Database, tenantId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({
      virtualQueue: queuePermissions.virtualQueue,
      own: queuePermissions.read,
      folderRead: queueFolders.read,
      propagate: queueFolders.propagate,
    })
    .from(queuePermissions)
    .leftJoin(
      queueFolders,
      and(
        eq(queueFolders.tenantId, queuePermissions.tenantId),
        eq(queueFolders.name, queuePermissions.folder),
      ),
    )
    .where(eq(queuePermissions.tenantId, tenantId));
  const restricted = new Map<string, string[]>();
  for (const r of rows) {
    const read = r.own ?? (r.propagate ? r.folderRead : null);
    if (read) restricted.set(r.virtualQueue, read);
  }
  return restricted;
}

export function linesOfBusiness(db: Database) {
  return {
    async folders(tenantId: string): Promise<QueueFolder[]> {
      return db
        .select({ name: queueFolders.name, read: queueFolders.read, propagate: queueFolders.propagate })
        .from(queueFolders)
        .where(eq(queueFolders.tenantId, tenantId))
        .orderBy(asc(queueFolders.name));
    },

    async folder(tenantId: string, name: string): Promise<QueueFolder & { queues: string[] }> {
      const folder = (await this.folders(tenantId)).find((f) => f.name === name);
      if (!folder) throw new ApiError('NOT_FOUND', `No queue folder ${name}`);
      const queues = await db
        .select({ q: queuePermissions.virtualQueue })
        .from(queuePermissions)
        .where(and(eq(queuePermissions.tenantId, tenantId), eq(queuePermissions.folder, name)))
        .orderBy(asc(queuePermissions.virtualQueue));
      return { ...folder, queues: queues.map((r) => r.q) };
    },

    async putFolder(tenantId: string, folder: QueueFolder): Promise<{ created: boolean }> {
      const [row] = await db
        .insert(queueFolders)
        .values({ tenantId, ...folder })
        .onConflictDoUpdate({
          target: [queueFolders.tenantId, queueFolders.name],
          set: { read: folder.read, propagate: folder.propagate },
        })
        .returning({ created: sql<boolean>`xmax = 0` });
      return { created: Boolean(row?.created) };
    },

    /** Every provisioned queue (a CALLBACK_SETTINGS row) with its permissions. */
    async permissions(tenantId: string): Promise<QueuePermission[]> {
      const [queues, stored, restricted] = await Promise.all([
        db
          .select({ q: callbackSettings.virtualQueue })
          .from(callbackSettings)
          .where(eq(callbackSettings.tenantId, tenantId))
          .orderBy(asc(callbackSettings.virtualQueue)),
        db.select().from(queuePermissions).where(eq(queuePermissions.tenantId, tenantId)),
        restrictedQueues(db, tenantId),
      ]);
      const byQueue = new Map(stored.map((p) => [p.virtualQueue, p]));
      return queues.map(({ q }) => ({
        virtualQueue: q,
        folder: byQueue.get(q)?.folder ?? null,
        read: byQueue.get(q)?.read ?? null,
        effectiveRead: restricted.get(q) ?? null,
      }));
    },

    async permission(tenantId: string, virtualQueue: string): Promise<QueuePermission> {
      const found = (await this.permissions(tenantId)).find((p) => p.virtualQueue === virtualQueue);
      if (!found) throw new ApiError('NOT_FOUND', `No queue ${virtualQueue}`);
      return found;
    },

    async putPermission(
      tenantId: string,
      virtualQueue: string,
      value: { folder: string | null; read: string[] | null },
    ): Promise<QueuePermission> {
      await this.permission(tenantId, virtualQueue);
      if (value.folder !== null && !(await this.folders(tenantId)).some((f) => f.name === value.folder))
        throw new ApiError('VALIDATION_FAILED', `No queue folder ${value.folder}`, {
          errors: [{ pointer: '/folder', message: 'must name an existing queue folder' }],
        });
      await db
        .insert(queuePermissions)
        .values({ tenantId, virtualQueue, ...value })
        .onConflictDoUpdate({
          target: [queuePermissions.tenantId, queuePermissions.virtualQueue],
          set: { folder: value.folder, read: value.read },
        });
      return this.permission(tenantId, virtualQueue);
    },
  };
}

export type LinesOfBusiness = ReturnType<typeof linesOfBusiness>;
