/**
 * Named business hours and their compiled calendars.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { BusinessHours } from '../../schemas/business-hours.generated.ts';
import {
  type BusinessHoursCalendar,
  compileBusinessHours,
  validateBusinessHours,
} from '../business-hours/index.ts';
import type { Database } from '../db/client.ts';
import { businessHours } from '../db/schema.ts';
import { ApiError } from '../http/problem.ts';

export function businessHoursStore(db: Database, now: () => number) {
  /** Per name: the compiled calendar and the row version (xmin) it was compiled from. */
  const calendars = new Map<string, { version: string; calendar: BusinessHoursCalendar }>();
  const key = (tenantId: string, name: string) => `${tenantId}\u0000${name}`;

  function compiled(tenantId: string, name: string, version: string, document: BusinessHours) {
    const known = calendars.get(key(tenantId, name));
    if (known?.version === version) return known.calendar;
    const calendar = compileBusinessHours(document);
    calendars.set(key(tenantId, name), { version, calendar });
    return calendar;
  }

  return {
    async list(tenantId: string): Promise<BusinessHours[]> {
      const rows = await db
        .select({ document: businessHours.document })
        .from(businessHours)
        .where(eq(businessHours.tenantId, tenantId))
        .orderBy(asc(businessHours.name));
      return rows.map((r) => r.document as BusinessHours);
    },
    async find(tenantId: string, name: string): Promise<BusinessHours | undefined> {
      const [row] = await db
        .select({ document: businessHours.document })
        .from(businessHours)
        .where(and(eq(businessHours.tenantId, tenantId), eq(businessHours.name, name)));
      return row?.document as BusinessHours | undefined;
    },
    async get(tenantId: string, name: string): Promise<BusinessHours> {
      const found = await this.find(tenantId, name);
      if (!found) throw new ApiError('NOT_FOUND', `No business hours named ${name}`);
      return found;
    },
    async put(tenantId: string, document: BusinessHours): Promise<{ created: boolean }> {
      const problems = validateBusinessHours(document);
      if (problems.length > 0) {
        throw new ApiError('VALIDATION_FAILED', `${problems.length} field(s) failed validation`, {
          errors: problems,
        });
      }
      const existed = await this.find(tenantId, document.name);
      await db
        .insert(businessHours)
        .values({ tenantId, name: document.name, document, updatedAt: new Date(now()) })
        .onConflictDoUpdate({
          target: [businessHours.tenantId, businessHours.name],
          set: { document, updatedAt: new Date(now()) },
        });
      return { created: !existed };
    },
    async remove(tenantId: string, name: string): Promise<void> {
      const deleted = await db
        .delete(businessHours)
        .where(and(eq(businessHours.tenantId, tenantId), eq(businessHours.name, name)))
        .returning();
      if (deleted.length === 0) throw new ApiError('NOT_FOUND', `No business hours named ${name}`);
    },
    /**
     * The compiled calendar. Compiling is cached per version of the row (PostgreSQL's `xmin`,
     * which every update changes, unlike updated_at which two edits within one virtual-clock
     * millisecond share), so an edit made through any process applies to the very next decision.
     */
    async calendar(tenantId: string, name: string): Promise<BusinessHoursCalendar | undefined> {
      const [row] = await db
        .select({ document: businessHours.document, version: sql<string>`xmin::text` })
        .from(businessHours)
        .where(and(eq(businessHours.tenantId, tenantId), eq(businessHours.name, name)));
      if (!row) return undefined;
      return compiled(tenantId, name, row.version, row.document as BusinessHours);
    },
    /** The calendar of a row already read with its version (see queue-config.ts). */
    compiled,
  };
}

export type BusinessHoursStore = ReturnType<typeof businessHoursStore>;
