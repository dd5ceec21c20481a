/**
 * Click-To-Call-In groups: a DNIS pool with access-code settings, request expiry and unique DNIS
 * (the guide's "Configuring Click-To-Call-In Groups"). A group is replaced whole, pool included,
 * in one transaction; a number kept across an edit keeps its last-use time, so the fair choice of
 * the next number (call-in-requests.ts) is not reset by editing a description.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Group, PoolNumber } from '../../schemas/call-in.generated.ts';
import type { Database } from '../db/client.ts';
import { callInGroups, callInNumbers } from '../db/schema.ts';
import { ApiError, type FieldError } from '../http/problem.ts';

export interface CallInGroup {
  name: string;
  numbers: { number: string; description: string }[];
  accessCode: { enabled: boolean; length: number };
  expirySeconds: number;
  uniqueDnis: boolean;
}

/** Pool numbers are kept in E.164 with the plus sign, the form call DNIS arrive in. */
export const e164 = (number: string) => (number.startsWith('+') ? number : `+${number}`);

/** Duplicates in a pool, one error per repeated number (the schema cannot see them). */
export function duplicateErrors(
  numbers: readonly PoolNumber[],
  pointer: (i: number) => string,
): FieldError[] {
  const first = new Map<string, number>();
  const errors: FieldError[] = [];
  numbers.forEach((n, i) => {
    const key = e164(n.number);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else errors.push({ pointer: pointer(i), message: `duplicates ${key} (${pointer(seen)})` });
  });
  return errors;
}

export const groupNotFound = (name: string) =>
  new ApiError('CALL_IN_GROUP_NOT_FOUND', `No Click-To-Call-In group '${name}'`);

const CHUNK = 1000;

export function callInGroupStore(db: Database, now: () => number) {
  async function find(tenantId: string, name: string): Promise<CallInGroup | undefined> {
    const [group] = await db
      .select()
      .from(callInGroups)
      .where(and(eq(callInGroups.tenantId, tenantId), eq(callInGroups.name, name)));
    if (!group) return undefined;
    const numbers = await db
      .select({ number: callInNumbers.number, description: callInNumbers.description })
      .from(callInNumbers)
      .where(and(eq(callInNumbers.tenantId, tenantId), eq(callInNumbers.groupName, name)))
      .orderBy(asc(callInNumbers.position));
    return {
      name: group.name,
      numbers: numbers.map((n) => ({ number: n.number, description: n.description ?? '' })),
      accessCode: { enabled: group.accessCodeEnabled, length: group.accessCodeLength },
      expirySeconds: group.expirySeconds,
      uniqueDnis: group.uniqueDnis,
    };
  }

  return {
    find,
    async get(tenantId: string, name: string): Promise<CallInGroup> {
      const group = await find(tenantId, name);
      if (!group) throw groupNotFound(name);
      return group;
    },
    /** Every group with its pool size (the pools themselves through get). */
    async list(tenantId: string) {
      const groups = await db
        .select()
        .from(callInGroups)
        .where(eq(callInGroups.tenantId, tenantId))
        .orderBy(asc(callInGroups.name));
      const counts = await db
        .select({ groupName: callInNumbers.groupName, number: callInNumbers.number })
        .from(callInNumbers)
        .where(eq(callInNumbers.tenantId, tenantId));
      const sizes = new Map<string, number>();
      for (const row of counts) sizes.set(row.groupName, (sizes.get(row.groupName) ?? 0) + 1);
      return groups.map((g) => ({
        name: g.name,
        numberCount: sizes.get(g.name) ?? 0,
        accessCode: { enabled: g.accessCodeEnabled, length: g.accessCodeLength },
        expirySeconds: g.expirySeconds,
        uniqueDnis: g.uniqueDnis,
      }));
    },
    /** Creates or replaces the group (the body was checked against call-in.schema.json#/$defs/group). */
    async put(
      tenantId: string,
      name: string,
      body: Group,
    ): Promise<{ group: CallInGroup; created: boolean }> {
      const errors = duplicateErrors(body.numbers, (i) => `/numbers/${i}/number`);
      if (body.name !== undefined && body.name !== name)
        errors.unshift({
          pointer: '/name',
          message: `a group's name cannot change (the path names '${name}')`,
        });
      if (errors.length > 0)
        throw new ApiError('VALIDATION_FAILED', `${errors.length} field(s) failed validation`, { errors });
      const at = now();
      const settings = {
        accessCodeEnabled: body.accessCode?.enabled ?? false,
        accessCodeLength: body.accessCode?.length ?? 6,
        expirySeconds: body.expirySeconds ?? 30,
        uniqueDnis: body.uniqueDnis ?? false,
        updatedAt: at,
      };
      const created = await db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ name: callInGroups.name })
          .from(callInGroups)
          .where(and(eq(callInGroups.tenantId, tenantId), eq(callInGroups.name, name)))
          .for('update');
        if (existing)
          await tx
            .update(callInGroups)
            .set(settings)
            .where(and(eq(callInGroups.tenantId, tenantId), eq(callInGroups.name, name)));
        else await tx.insert(callInGroups).values({ tenantId, name, ...settings, createdAt: at });
        await replacePool(tx, tenantId, name, body.numbers);
        return !existing;
      });
      return { group: await this.get(tenantId, name), created };
    },
    /** Replaces an existing group's pool (the bulk import). */
    async replaceNumbers(tenantId: string, name: string, numbers: PoolNumber[]): Promise<CallInGroup> {
      await db.transaction(async (tx) => {
        const [group] = await tx
          .select({ name: callInGroups.name })
          .from(callInGroups)
          .where(and(eq(callInGroups.tenantId, tenantId), eq(callInGroups.name, name)))
          .for('update');
        if (!group) throw groupNotFound(name);
        await tx
          .update(callInGroups)
          .set({ updatedAt: now() })
          .where(and(eq(callInGroups.tenantId, tenantId), eq(callInGroups.name, name)));
        await replacePool(tx, tenantId, name, numbers);
      });
      return this.get(tenantId, name);
    },
    async remove(tenantId: string, name: string): Promise<void> {
      await db.transaction(async (tx) => {
        const gone = await tx
          .delete(callInGroups)
          .where(and(eq(callInGroups.tenantId, tenantId), eq(callInGroups.name, name)))
          .returning({ name: callInGroups.name });
        if (gone.length === 0) throw groupNotFound(name);
        await tx
          .delete(callInNumbers)
          .where(and(eq(callInNumbers.tenantId, tenantId), eq(callInNumbers.groupName, name)));
      });
    },
  };
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function replacePool(tx: Tx, tenantId: string, groupName: string, numbers: readonly PoolNumber[]) {
  const where = and(eq(callInNumbers.tenantId, tenantId), eq(callInNumbers.groupName, groupName));
  const previous = await tx
    .select({ number: callInNumbers.number, lastUsedAt: callInNumbers.lastUsedAt })
    .from(callInNumbers)
    .where(where);
  const lastUsed = new Map(previous.map((p) => [p.number, p.lastUsedAt]));
  await tx.delete(callInNumbers).where(where);
  const rows = numbers.map((n, position) => {
    const number = e164(n.number);
    return {
      tenantId,
      groupName,
      number,
      description: n.description ?? null,
      position,
      lastUsedAt: lastUsed.get(number) ?? null,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx.insert(callInNumbers).values(rows.slice(i, i + CHUNK));
}

export type CallInGroupStore = ReturnType<typeof callInGroupStore>;
