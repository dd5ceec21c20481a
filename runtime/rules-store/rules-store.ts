/**
 * Capacity, number-validation and region-affinity rules, and their assignment to queues (zero or
 * one of each kind per queue). A rule assigned to any queue cannot be deleted; an edit applies at
 * once to every queue using it, because the engine reads rules at each decision.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { CapacityRule } from '../../schemas/capacity-rule.generated.ts';
import type { NumberValidationRule } from '../../schemas/number-validation-rule.generated.ts';
import type { RegionAffinityRule } from '../../schemas/region-affinity-rule.generated.ts';
import { schemaValidator } from '../../schemas/validation/index.ts';
import type { Database } from '../db/client.ts';
import { callbackRules, callbackSettings, queueRules, type RuleKind } from '../db/schema.ts';
import { ApiError, type FieldError } from '../http/problem.ts';
import { validateNumberValidationRule } from '../rules/number-validation/index.ts';
import { validateRegionAffinityRule } from '../rules/region-affinity/index.ts';

export type { RuleKind };

export interface RuleDocuments {
  capacity: CapacityRule;
  numberValidation: NumberValidationRule;
  regionAffinity: RegionAffinityRule;
}

const schemaOf: Record<RuleKind, string> = {
  capacity: 'capacity-rule.schema.json',
  numberValidation: 'number-validation-rule.schema.json',
  regionAffinity: 'region-affinity-rule.schema.json',
};

export const assignmentColumn = {
  capacity: 'capacityRule',
  numberValidation: 'numberValidationRule',
  regionAffinity: 'regionAffinityRule',
} as const;

function semanticIssues(kind: RuleKind, document: unknown): FieldError[] {
  if (kind === 'numberValidation') return validateNumberValidationRule(document as NumberValidationRule);
  if (kind === 'regionAffinity') return validateRegionAffinityRule(document as RegionAffinityRule);
  const rule = document as CapacityRule;
  const issues: FieldError[] = [];
  if (rule.duration === 60) {
    for (const [day, values] of Object.entries(rule.days)) {
      for (const key of Object.keys(values ?? {}))
        if (!key.endsWith(':00'))
          issues.push({ pointer: `/days/${day}/${key}`, message: 'an hourly rule has only :00 timeslots' });
    }
  }
  return issues;
}

/** Schema and rule-specific checks; throws VALIDATION_FAILED listing every failing field. */
export function checkRule(kind: RuleKind, document: unknown): void {
  const issues: FieldError[] = schemaValidator().validate(schemaOf[kind], document);
  if (issues.length === 0) issues.push(...semanticIssues(kind, document));
  if (issues.length > 0)
    throw new ApiError('VALIDATION_FAILED', `${issues.length} field(s) failed validation`, {
      errors: issues,
    });
}

export function rulesStore(db: Database, now: () => number) {
  const keyOf = (tenantId: string, kind: RuleKind, name: string) =>
    and(eq(callbackRules.tenantId, tenantId), eq(callbackRules.kind, kind), eq(callbackRules.name, name));

  async function queuesUsing(tenantId: string, kind: RuleKind, name: string): Promise<string[]> {
    const column = queueRules[assignmentColumn[kind]];
    const rows = await db
      .select({ virtualQueue: queueRules.virtualQueue })
      .from(queueRules)
      .where(and(eq(queueRules.tenantId, tenantId), eq(column, name)))
      .orderBy(asc(queueRules.virtualQueue));
    return rows.map((r) => r.virtualQueue);
  }

  return {
    async list<K extends RuleKind>(tenantId: string, kind: K) {
      const rows = await db
        .select()
        .from(callbackRules)
        .where(and(eq(callbackRules.tenantId, tenantId), eq(callbackRules.kind, kind)))
        .orderBy(asc(callbackRules.name));
      return Promise.all(
        rows.map(async (r) => ({
          rule: r.document as RuleDocuments[K],
          queues: await queuesUsing(tenantId, kind, r.name),
        })),
      );
    },

    async find<K extends RuleKind>(tenantId: string, kind: K, name: string) {
      const [row] = await db
        .select()
        .from(callbackRules)
        .where(keyOf(tenantId, kind, name));
      return row?.document as RuleDocuments[K] | undefined;
    },

    async get<K extends RuleKind>(tenantId: string, kind: K, name: string) {
      const rule = await this.find(tenantId, kind, name);
      if (!rule) throw new ApiError('NOT_FOUND', `No ${kind} rule named ${name}`);
      return { rule, queues: await queuesUsing(tenantId, kind, name) };
    },

    async put<K extends RuleKind>(tenantId: string, kind: K, document: RuleDocuments[K]) {
      checkRule(kind, document);
      const inserted = await db
        .insert(callbackRules)
        .values({ tenantId, kind, name: document.name, document, updatedAt: now() })
        .onConflictDoNothing()
        .returning({ name: callbackRules.name });
      if (inserted.length > 0) return { created: true };
      await db
        .update(callbackRules)
        .set({ document, updatedAt: now() })
        .where(keyOf(tenantId, kind, document.name));
      return { created: false };
    },

    async remove(tenantId: string, kind: RuleKind, name: string): Promise<void> {
      await db.transaction(async (tx) => {
        // Locks the rule so an assignment cannot slip in between the check and the delete.
        const [rule] = await tx
          .select()
          .from(callbackRules)
          .where(keyOf(tenantId, kind, name))
          .for('update');
        if (!rule) throw new ApiError('NOT_FOUND', `No ${kind} rule named ${name}`);
        const column = queueRules[assignmentColumn[kind]];
        const users = await tx
          .select({ virtualQueue: queueRules.virtualQueue })
          .from(queueRules)
          .where(and(eq(queueRules.tenantId, tenantId), eq(column, name)));
        if (users.length > 0) {
          throw new ApiError(
            'IN_USE',
            `The rule is assigned to ${users.map((u) => u.virtualQueue).join(', ')}`,
            {
              queues: users.map((u) => u.virtualQueue),
            },
          );
        }
        await tx.delete(callbackRules).where(keyOf(tenantId, kind, name));
      });
    },

    async assignment(tenantId: string, virtualQueue: string) {
      const [row] = await db
        .select()
        .from(queueRules)
        .where(and(eq(queueRules.tenantId, tenantId), eq(queueRules.virtualQueue, virtualQueue)));
      return {
        capacityRule: row?.capacityRule ?? null,
        numberValidationRule: row?.numberValidationRule ?? null,
        regionAffinityRule: row?.regionAffinityRule ?? null,
      };
    },

    /** Sets the given assignments (null unassigns; absent leaves as is). */
    async assign(
      tenantId: string,
      virtualQueue: string,
      change: Partial<Record<(typeof assignmentColumn)[RuleKind], string | null>>,
    ) {
      return db.transaction(async (tx) => {
        const [settings] = await tx
          .select({ q: callbackSettings.virtualQueue })
          .from(callbackSettings)
          .where(
            and(eq(callbackSettings.tenantId, tenantId), eq(callbackSettings.virtualQueue, virtualQueue)),
          );
        if (!settings)
          throw new ApiError('SERVICE_NOT_FOUND', `No CALLBACK_SETTINGS row for ${virtualQueue}`);
        const wanted = (Object.keys(assignmentColumn) as RuleKind[])
          .map((kind) => ({ kind, name: change[assignmentColumn[kind]] }))
          .filter((w): w is { kind: RuleKind; name: string } => typeof w.name === 'string');
        if (wanted.length > 0) {
          const found = await tx
            .select({ kind: callbackRules.kind, name: callbackRules.name })
            .from(callbackRules)
            .where(
              and(
                eq(callbackRules.tenantId, tenantId),
                or(...wanted.map((w) => and(eq(callbackRules.kind, w.kind), eq(callbackRules.name, w.name)))),
              ),
            )
            .for('share');
          const missing = wanted.filter((w) => !found.some((f) => f.kind === w.kind && f.name === w.name));
          if (missing.length > 0) {
            throw new ApiError('VALIDATION_FAILED', 'Unknown rule(s)', {
              errors: missing.map((m) => ({
                pointer: `/${assignmentColumn[m.kind]}`,
                message: `no rule named ${m.name}`,
              })),
            });
          }
        }
        const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
        await tx
          .insert(queueRules)
          .values({ tenantId, virtualQueue, ...set })
          .onConflictDoUpdate({
            target: [queueRules.tenantId, queueRules.virtualQueue],
            set: Object.keys(set).length ? set : { virtualQueue },
          });
        const [row] = await tx
          .select()
          .from(queueRules)
          .where(and(eq(queueRules.tenantId, tenantId), eq(queueRules.virtualQueue, virtualQueue)));
        return {
          capacityRule: row?.capacityRule ?? null,
          numberValidationRule: row?.numberValidationRule ?? null,
          regionAffinityRule: row?.regionAffinityRule ?? null,
        };
      });
    },
  };
}

export type RulesStore = ReturnType<typeof rulesStore>;
