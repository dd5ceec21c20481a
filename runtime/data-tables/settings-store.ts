/**
 * The CALLBACK_SETTINGS data table: one row per callback virtual queue. A row is saved only when
 * its Callback Application is a published Callback-type application, its business hours exist,
 * its skill expression parses (callback-settings.md) and the rules it names exist. Rule
 * assignments are not stored in the row: a row carrying them assigns them (queue_rules), and
 * reading a row shows them.
 */
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { CallbackSettings } from '../../schemas/callback-settings.generated.ts';
import { schemaValidator } from '../../schemas/validation/index.ts';
import { assignmentFields, withDefaults } from '../callbacks/settings.ts';
import { checkSkillExpression } from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { applications, businessHours, callbackSettings, callbacks, queueRules } from '../db/schema.ts';
import { ApiError, type FieldError } from '../http/problem.ts';
import { assignmentColumn, type RuleKind, type RulesStore } from '../rules-store/rules-store.ts';

type AssignmentField = (typeof assignmentColumn)[RuleKind];

export function settingsStore(db: Database, rules: RulesStore, now: () => number) {
  const keyOf = (tenantId: string, virtualQueue: string) =>
    and(eq(callbackSettings.tenantId, tenantId), eq(callbackSettings.virtualQueue, virtualQueue));

  async function referenceIssues(tenantId: string, row: CallbackSettings): Promise<FieldError[]> {
    const issues: FieldError[] = [];
    const [app] = await db
      .select({ type: applications.type, latestVersion: applications.latestVersion })
      .from(applications)
      .where(
        and(
          eq(applications.tenantId, tenantId),
          or(eq(applications.id, row.callbackApplication), eq(applications.name, row.callbackApplication)),
        ),
      );
    if (!app)
      issues.push({ pointer: '/callbackApplication', message: `no application ${row.callbackApplication}` });
    else if (app.type !== 'Callback')
      issues.push({ pointer: '/callbackApplication', message: 'must be a Callback-type application' });
    else if (app.latestVersion === null)
      issues.push({ pointer: '/callbackApplication', message: 'the application has no published version' });
    const hoursNames = [row.businessHours, ...(row.immediateOfferHours ? [row.immediateOfferHours] : [])];
    const found = await db
      .select({ name: businessHours.name })
      .from(businessHours)
      .where(and(eq(businessHours.tenantId, tenantId), inArray(businessHours.name, hoursNames)));
    const known = new Set(found.map((f) => f.name));
    if (!known.has(row.businessHours))
      issues.push({ pointer: '/businessHours', message: `no business hours named ${row.businessHours}` });
    if (row.immediateOfferHours && !known.has(row.immediateOfferHours))
      issues.push({
        pointer: '/immediateOfferHours',
        message: `no business hours named ${row.immediateOfferHours}`,
      });
    const skill = checkSkillExpression(row.skillExpression);
    // The message already says where: "… at position 7".
    if (skill) issues.push({ pointer: '/skillExpression', message: skill.message });
    // Checked before the row is stored: an unknown rule found at assignment would leave the row
    // saved and the request refused.
    for (const [kind, field] of Object.entries(assignmentColumn) as [RuleKind, AssignmentField][]) {
      const name = row[field];
      if (name && !(await rules.find(tenantId, kind, name)))
        issues.push({ pointer: `/${field}`, message: `no rule named ${name}` });
    }
    return issues;
  }

  async function view(tenantId: string, document: unknown) {
    const row = document as CallbackSettings;
    return { ...row, ...withoutNulls(await rules.assignment(tenantId, row.virtualQueue)) };
  }

  return {
    async list(tenantId: string) {
      const rows = await db
        .select({ document: callbackSettings.document })
        .from(callbackSettings)
        .where(eq(callbackSettings.tenantId, tenantId))
        .orderBy(asc(callbackSettings.virtualQueue));
      return Promise.all(rows.map((r) => view(tenantId, r.document)));
    },

    async get(tenantId: string, virtualQueue: string) {
      const [row] = await db.select().from(callbackSettings).where(keyOf(tenantId, virtualQueue));
      if (!row) throw new ApiError('NOT_FOUND', `No CALLBACK_SETTINGS row for ${virtualQueue}`);
      return view(tenantId, row.document);
    },

    async put(tenantId: string, virtualQueue: string, body: CallbackSettings) {
      const issues: FieldError[] = schemaValidator().validate('callback-settings.schema.json', body);
      if (issues.length === 0 && body.virtualQueue !== virtualQueue)
        issues.push({ pointer: '/virtualQueue', message: 'must equal the virtual queue in the path' });
      if (issues.length === 0) issues.push(...(await referenceIssues(tenantId, body)));
      if (issues.length > 0)
        throw new ApiError('VALIDATION_FAILED', `${issues.length} field(s) failed validation`, {
          errors: issues,
        });
      const stored: Record<string, unknown> = { ...withDefaults(body) };
      for (const field of assignmentFields) delete stored[field];
      const inserted = await db
        .insert(callbackSettings)
        .values({ tenantId, virtualQueue, document: stored, updatedAt: now() })
        .onConflictDoUpdate({
          target: [callbackSettings.tenantId, callbackSettings.virtualQueue],
          set: { document: stored, updatedAt: now() },
        })
        // xmax is 0 only on a freshly inserted row: tells a create (201) from a replace (200).
        .returning({ created: sql<boolean>`xmax = 0` });
      const change = Object.fromEntries(
        assignmentFields.filter((f) => f in body).map((f) => [f, body[f] ?? null]),
      );
      if (Object.keys(change).length > 0) await rules.assign(tenantId, virtualQueue, change);
      return { row: await view(tenantId, stored), created: inserted[0]?.created === true };
    },

    /** Refused while the queue still has callbacks that are not COMPLETED. */
    async remove(tenantId: string, virtualQueue: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(callbackSettings)
          .where(keyOf(tenantId, virtualQueue))
          .for('update');
        if (!row) throw new ApiError('NOT_FOUND', `No CALLBACK_SETTINGS row for ${virtualQueue}`);
        const [live] = await tx
          .select({ id: callbacks.id })
          .from(callbacks)
          .where(
            and(
              eq(callbacks.tenantId, tenantId),
              eq(callbacks.virtualQueue, virtualQueue),
              ne(callbacks.state, 'COMPLETED'),
            ),
          )
          .limit(1);
        if (live)
          throw new ApiError('IN_USE', `${virtualQueue} still has callbacks waiting; cancel them first`);
        await tx
          .delete(queueRules)
          .where(and(eq(queueRules.tenantId, tenantId), eq(queueRules.virtualQueue, virtualQueue)));
        await tx.delete(callbackSettings).where(keyOf(tenantId, virtualQueue));
      });
    },
  };
}

export type SettingsStore = ReturnType<typeof settingsStore>;

function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<T>;
}
