/**
 * Callback records and their audit. Every state change goes through `transition`, which updates
 * the row only if it is still in an expected state and writes the audit line in the same
 * transaction, so two processes can never both move one callback.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { callbackAudit, callbacks, slotBookings } from '../db/schema.ts';

export type CallbackRow = typeof callbacks.$inferSelect;
export type CallbackState = CallbackRow['state'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

export const waitingStates: CallbackState[] = ['SCHEDULED', 'QUEUED', 'ROUTING', 'PROCESSING'];
export const RETENTION_MS = 14 * 86_400_000;

export interface Transition {
  from: CallbackState[];
  to: CallbackState;
  reason?: string | null;
  actor: string;
  at: number;
  /** Other columns to set with the state. */
  set?: Partial<CallbackRow>;
  /** Extra guard, e.g. the lease owner. */
  where?: ReturnType<typeof sql>;
}

export async function transition(
  db: Executor,
  id: string,
  change: Transition,
): Promise<CallbackRow | undefined> {
  const run = async (tx: Executor) => {
    const completing = change.to === 'COMPLETED';
    const [row] = await tx
      .update(callbacks)
      .set({
        ...change.set,
        state: change.to,
        updatedAt: change.at,
        ...(completing
          ? { reason: change.reason ?? null, completedAt: change.at, leaseOwner: null, leaseUntil: null }
          : {}),
      })
      .where(and(eq(callbacks.id, id), inArray(callbacks.state, change.from), change.where))
      .returning();
    if (!row) return undefined;
    const from = change.from.length === 1 ? change.from[0] : null;
    await tx.insert(callbackAudit).values({
      callbackId: id,
      at: change.at,
      fromState: from ?? null,
      toState: change.to,
      reason: change.reason ?? null,
      actor: change.actor,
    });
    // A scheduled callback that ends without being served gives its slot back.
    if (completing && row.slotStart !== null && from === 'SCHEDULED') await releaseSlot(tx, row);
    return row;
  };
  return 'transaction' in db ? db.transaction(run) : run(db);
}

export async function releaseSlot(
  tx: Executor,
  row: Pick<CallbackRow, 'tenantId' | 'virtualQueue' | 'slotStart'>,
) {
  if (row.slotStart === null) return;
  await tx
    .update(slotBookings)
    .set({ count: sql`greatest(0, ${slotBookings.count} - 1)` })
    .where(
      and(
        eq(slotBookings.tenantId, row.tenantId),
        eq(slotBookings.virtualQueue, row.virtualQueue),
        eq(slotBookings.slotStart, row.slotStart),
      ),
    );
}

export async function findCallback(
  db: Executor,
  tenantId: string,
  id: string,
): Promise<CallbackRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.tenantId, tenantId), eq(callbacks.id, id)));
  return row;
}

export async function auditOf(db: Executor, id: string) {
  return db.select().from(callbackAudit).where(eq(callbackAudit.callbackId, id)).orderBy(callbackAudit.id);
}
