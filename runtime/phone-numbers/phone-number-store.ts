/** DNIS → application. A call to a number runs that application's live version. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { applications, phoneNumbers } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export function phoneNumberStore(db: Database, now: () => number) {
  return {
    async assign(tenantId: string, dnis: string, applicationId: string) {
      const [app] = await db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.tenantId, tenantId), eq(applications.id, applicationId)));
      if (!app) throw new ApiError('NOT_FOUND', `No application ${applicationId}`);
      await db
        .insert(phoneNumbers)
        .values({ tenantId, dnis, applicationId, updatedAt: new Date(now()) })
        .onConflictDoUpdate({
          target: [phoneNumbers.tenantId, phoneNumbers.dnis],
          set: { applicationId, updatedAt: new Date(now()) },
        });
      return { dnis, applicationId };
    },
    async release(tenantId: string, dnis: string) {
      const deleted = await db
        .delete(phoneNumbers)
        .where(and(eq(phoneNumbers.tenantId, tenantId), eq(phoneNumbers.dnis, dnis)))
        .returning();
      if (deleted.length === 0) throw new ApiError('NOT_FOUND', `No number ${dnis}`);
    },
    async list(tenantId: string, page: number, pageSize: number) {
      const where = eq(phoneNumbers.tenantId, tenantId);
      const [items, [count]] = await Promise.all([
        db
          .select({ dnis: phoneNumbers.dnis, applicationId: phoneNumbers.applicationId })
          .from(phoneNumbers)
          .where(where)
          .orderBy(asc(phoneNumbers.dnis))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(phoneNumbers).where(where),
      ]);
      return { items, total: count?.n ?? 0 };
    },
    async applicationFor(tenantId: string, dnis: string): Promise<string> {
      const [found] = await db
        .select({ applicationId: phoneNumbers.applicationId })
        .from(phoneNumbers)
        .where(and(eq(phoneNumbers.tenantId, tenantId), eq(phoneNumbers.dnis, dnis)));
      if (!found) throw new ApiError('UNKNOWN_DNIS', `No application is assigned to ${dnis}`);
      return found.applicationId;
    },
  };
}

export type PhoneNumberStore = ReturnType<typeof phoneNumberStore>;
