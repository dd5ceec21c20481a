/**
 * Applications: a mutable draft guarded by a revision number, and immutable numbered versions.
 * Publishing copies the validated draft into the next version, which becomes live; rolling back
 * publishes an earlier version again under a new number, so history only ever grows.
 */
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Application } from '../../schemas/application.generated.ts';
import type { Database } from '../db/client.ts';
import { applications, applicationVersions } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export interface DraftView {
  application: Application;
  revision: number;
  updatedAt: string;
  liveVersion: number | null;
  latestVersion: number | null;
}

export interface VersionView {
  version: number;
  publishedAt: string;
  publishedBy: string;
  republishedFrom: number | null;
  note: string | null;
  live: boolean;
}

export interface PublishOptions {
  /** Set when re-publishing an earlier version (a roll back). */
  republishedFrom?: number;
  note?: string;
  /** Roll back the draft too, so the draft matches what is live again. */
  restoreDraft?: boolean;
}

type Row = typeof applications.$inferSelect;

function draftView(row: Row): DraftView {
  return {
    application: row.draft as Application,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    liveVersion: row.latestVersion,
    latestVersion: row.latestVersion,
  };
}

export function applicationStore(db: Database, now: () => number) {
  // Published versions never change, so they can be cached without invalidation.
  const versionCache = new Map<string, Application>();

  async function row(tenantId: string, id: string): Promise<Row> {
    const [found] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.tenantId, tenantId), eq(applications.id, id)));
    if (!found) throw new ApiError('NOT_FOUND', `No application ${id}`);
    return found;
  }

  return {
    async list(tenantId: string, options: { page: number; pageSize: number; search?: string }) {
      const filter = and(
        eq(applications.tenantId, tenantId),
        options.search
          ? or(ilike(applications.name, `%${options.search}%`), ilike(applications.id, `%${options.search}%`))
          : undefined,
      );
      const [items, [count]] = await Promise.all([
        db
          .select({
            id: applications.id,
            name: applications.name,
            type: applications.type,
            revision: applications.revision,
            updatedAt: applications.updatedAt,
            latestVersion: applications.latestVersion,
          })
          .from(applications)
          .where(filter)
          .orderBy(asc(applications.name), asc(applications.id))
          .limit(options.pageSize)
          .offset((options.page - 1) * options.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(applications).where(filter),
      ]);
      return {
        items: items.map((i) => ({
          ...i,
          updatedAt: i.updatedAt.toISOString(),
          liveVersion: i.latestVersion,
        })),
        total: count?.n ?? 0,
      };
    },

    async get(tenantId: string, id: string): Promise<DraftView> {
      return draftView(await row(tenantId, id));
    },

    async create(tenantId: string, application: Application): Promise<DraftView> {
      const inserted = await db
        .insert(applications)
        .values({
          tenantId,
          id: application.id,
          name: application.name,
          type: application.type,
          draft: application,
          revision: 1,
          updatedAt: new Date(now()),
        })
        .onConflictDoNothing()
        .returning();
      if (!inserted[0])
        throw new ApiError('ALREADY_EXISTS', `An application ${application.id} already exists`);
      return draftView(inserted[0]);
    },

    /** Saves the draft only if nobody saved since `revision`: a stale edit is refused, never merged. */
    async save(tenantId: string, application: Application, revision: number): Promise<DraftView> {
      const current = await row(tenantId, application.id);
      if (current.type !== application.type) {
        throw new ApiError('APPLICATION_TYPE_MISMATCH', 'The type of an application cannot change');
      }
      const [updated] = await db
        .update(applications)
        .set({
          draft: application,
          name: application.name,
          revision: revision + 1,
          updatedAt: new Date(now()),
        })
        .where(
          and(
            eq(applications.tenantId, tenantId),
            eq(applications.id, application.id),
            eq(applications.revision, revision),
          ),
        )
        .returning();
      if (!updated) {
        const latest = await row(tenantId, application.id);
        throw new ApiError(
          'REVISION_CONFLICT',
          `Revision ${revision} is stale; the draft is at ${latest.revision}`,
          {
            currentRevision: latest.revision,
          },
        );
      }
      return draftView(updated);
    },

    async remove(tenantId: string, id: string): Promise<void> {
      await row(tenantId, id);
      await db.transaction(async (tx) => {
        await tx
          .delete(applicationVersions)
          .where(and(eq(applicationVersions.tenantId, tenantId), eq(applicationVersions.applicationId, id)));
        await tx
          .delete(applications)
          .where(and(eq(applications.tenantId, tenantId), eq(applications.id, id)));
      });
    },

    /** Publishes a document as the next version. The row lock serialises concurrent publishes. */
    async publish(
      tenantId: string,
      id: string,
      document: Application,
      by: string,
      options: PublishOptions = {},
    ) {
      const { republishedFrom, note, restoreDraft } = options;
      return db.transaction(async (tx) => {
        const [locked] = await tx
          .select({ latest: applications.latestVersion, revision: applications.revision })
          .from(applications)
          .where(and(eq(applications.tenantId, tenantId), eq(applications.id, id)))
          .for('update');
        if (!locked) throw new ApiError('NOT_FOUND', `No application ${id}`);
        const version = (locked.latest ?? 0) + 1;
        const publishedAt = new Date(now());
        await tx.insert(applicationVersions).values({
          tenantId,
          applicationId: id,
          version,
          document,
          publishedBy: by,
          publishedAt,
          republishedFrom: republishedFrom ?? null,
          note: note?.trim() || null,
        });
        // Restoring the draft is a save like any other: the revision moves so open editors reload.
        const draft = restoreDraft
          ? { draft: document, name: document.name, revision: locked.revision + 1 }
          : {};
        await tx
          .update(applications)
          .set({ latestVersion: version, ...draft, ...(restoreDraft ? { updatedAt: publishedAt } : {}) })
          .where(and(eq(applications.tenantId, tenantId), eq(applications.id, id)));
        return {
          version,
          publishedAt: publishedAt.toISOString(),
          draftRestored: restoreDraft === true,
          revision: restoreDraft ? locked.revision + 1 : locked.revision,
        };
      });
    },

    async versions(tenantId: string, id: string, page: number, pageSize: number) {
      const current = await row(tenantId, id);
      const items = await db
        .select({
          version: applicationVersions.version,
          publishedAt: applicationVersions.publishedAt,
          publishedBy: applicationVersions.publishedBy,
          republishedFrom: applicationVersions.republishedFrom,
          note: applicationVersions.note,
        })
        .from(applicationVersions)
        .where(and(eq(applicationVersions.tenantId, tenantId), eq(applicationVersions.applicationId, id)))
        .orderBy(desc(applicationVersions.version))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const views: VersionView[] = items.map((v) => ({
        ...v,
        publishedAt: v.publishedAt.toISOString(),
        live: v.version === current.latestVersion,
      }));
      return { items: views, total: current.latestVersion ?? 0 };
    },

    async version(tenantId: string, id: string, version: number) {
      const [found] = await db
        .select()
        .from(applicationVersions)
        .where(
          and(
            eq(applicationVersions.tenantId, tenantId),
            eq(applicationVersions.applicationId, id),
            eq(applicationVersions.version, version),
          ),
        );
      if (!found) throw new ApiError('NOT_FOUND', `Application ${id} has no version ${version}`);
      versionCache.set(`${tenantId}/${id}/${version}`, found.document as Application);
      return {
        version,
        publishedAt: found.publishedAt.toISOString(),
        publishedBy: found.publishedBy,
        republishedFrom: found.republishedFrom,
        note: found.note,
        application: found.document as Application,
      };
    },

    /** The document of a published version, from cache when possible (versions are immutable). */
    async document(tenantId: string, id: string, version: number): Promise<Application> {
      const cached = versionCache.get(`${tenantId}/${id}/${version}`);
      if (cached) return cached;
      return (await this.version(tenantId, id, version)).application;
    },

    async liveVersion(tenantId: string, id: string): Promise<number> {
      const current = await row(tenantId, id);
      if (current.latestVersion === null)
        throw new ApiError('NOT_PUBLISHED', `Application ${id} is not published`);
      return current.latestVersion;
    },
  };
}

export type ApplicationStore = ReturnType<typeof applicationStore>;
