/** DNIS → application. A call to a number runs that application's live version. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { applications, phoneNumbers } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export interface AssignOptions {
  /** Take the number from the application that holds it; without it a held number is refused. */
  move?: boolean;
}

/** A number's row joined to the application it serves. */
const servedApplication = and(
  eq(applications.tenantId, phoneNumbers.tenantId),
  eq(applications.id, phoneNumbers.applicationId),
);

export function phoneNumberStore(db: Database, now: () => number) {
  return {
    /**
     * Routes a number to an application. A number already serving another application is live
     * traffic: it moves only when the caller said so, otherwise the refusal names the holder.
     */
    async assign(tenantId: string, dnis: string, applicationId: string, options: AssignOptions = {}) {
      return db.transaction(async (tx) => {
        const [app] = await tx
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.tenantId, tenantId), eq(applications.id, applicationId)));
        if (!app) throw new ApiError('NOT_FOUND', `No application ${applicationId}`);
        const [held] = await tx
          .select({ applicationId: phoneNumbers.applicationId, name: applications.name })
          .from(phoneNumbers)
          .leftJoin(applications, servedApplication)
          .where(and(eq(phoneNumbers.tenantId, tenantId), eq(phoneNumbers.dnis, dnis)))
          .for('update', { of: phoneNumbers });
        if (held && held.applicationId !== applicationId && !options.move) {
          throw new ApiError('NUMBER_HELD', `${dnis} serves ${held.name ?? held.applicationId}`, {
            holder: { applicationId: held.applicationId, name: held.name ?? held.applicationId },
            errors: [
              { pointer: '/move', message: `set move: true to take ${dnis} from ${held.applicationId}` },
            ],
          });
        }
        await tx
          .insert(phoneNumbers)
          .values({ tenantId, dnis, applicationId, updatedAt: new Date(now()) })
          .onConflictDoUpdate({
            target: [phoneNumbers.tenantId, phoneNumbers.dnis],
            set: { applicationId, updatedAt: new Date(now()) },
          });
        const movedFrom = held && held.applicationId !== applicationId ? held.applicationId : null;
        return { dnis, applicationId, movedFrom };
      });
    },
    async release(tenantId: string, dnis: string) {
      const deleted = await db
        .delete(phoneNumbers)
        .where(and(eq(phoneNumbers.tenantId, tenantId), eq(phoneNumbers.dnis, dnis)))
        .returning();
      if (deleted.length === 0) throw new ApiError('NOT_FOUND', `No number ${dnis}`);
    },
    /** Every number with the application it serves (name and live version), so nothing is implicit. */
    async list(tenantId: string, page: number, pageSize: number) {
      const where = eq(phoneNumbers.tenantId, tenantId);
      const [rows, [count]] = await Promise.all([
        db
          .select({
            dnis: phoneNumbers.dnis,
            applicationId: phoneNumbers.applicationId,
            applicationName: applications.name,
            liveVersion: applications.latestVersion,
          })
          .from(phoneNumbers)
          .leftJoin(applications, servedApplication)
          .where(where)
          .orderBy(asc(phoneNumbers.dnis))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(phoneNumbers).where(where),
      ]);
      const items = rows.map((r) => ({
        dnis: r.dnis,
        applicationId: r.applicationId,
        applicationName: r.applicationName ?? r.applicationId,
        liveVersion: r.liveVersion ?? null,
      }));
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
