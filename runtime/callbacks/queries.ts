/** Reading callbacks: the admin list (filters, pages of 250), one with its position and EWT. */
import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { QueueAccess } from '../access/queue-access.ts';
import type { ContactCenterHost } from '../agents/contact-center-host.ts';
import type { Database } from '../db/client.ts';
import { callbacks } from '../db/schema.ts';
import type { CallbackRow, CallbackState } from './callback-store.ts';
import type { QueueConfigs } from './queue-config.ts';
import { queueWait } from './wait-time.ts';

export interface CallbackFilter {
  fromMs?: number | undefined;
  toMs?: number | undefined;
  states?: CallbackState[] | undefined;
  reasons?: string[] | undefined;
  services?: string[] | undefined;
  /** Matches the id or the phone number. */
  search?: string | undefined;
  /** The user's lines of business: callbacks of other queues are left out. */
  readable?: Pick<QueueAccess, 'where'> | undefined;
  /** Only SCHEDULED callbacks still waiting past their Desired Callback Time window (true), or none of them (false). */
  overdue?: boolean | undefined;
}

/**
 * A SCHEDULED callback still waiting after its Desired Callback Time window (the queue's Desired
 * Time Window, 2 minutes by default) has passed: the engine should have queued it by then.
 */
export function overdueAt(nowMs: number): SQL<boolean> {
  // Qualified: inside the subquery a bare column name would be the settings row's.
  return sql<boolean>`("callbacks"."state" = 'SCHEDULED' and "callbacks"."desired_time" + 60000 * coalesce((
    select (s.document ->> 'desiredTimeWindowMinutes')::int from callback_settings s
    where s.tenant_id = "callbacks"."tenant_id" and s.virtual_queue = "callbacks"."virtual_queue"), 2)
    < ${nowMs}::bigint)`;
}

export async function listCallbacks(
  db: Database,
  tenantId: string,
  filter: CallbackFilter,
  page: number,
  pageSize: number,
  nowMs: number,
) {
  const overdue = overdueAt(nowMs);
  const where = and(
    eq(callbacks.tenantId, tenantId),
    filter.fromMs !== undefined ? gte(callbacks.desiredTime, filter.fromMs) : undefined,
    filter.toMs !== undefined ? lt(callbacks.desiredTime, filter.toMs) : undefined,
    filter.states?.length ? inArray(callbacks.state, filter.states) : undefined,
    filter.reasons?.length ? inArray(callbacks.reason, filter.reasons) : undefined,
    filter.services?.length ? inArray(callbacks.virtualQueue, filter.services) : undefined,
    filter.search
      ? or(ilike(callbacks.phoneNumber, `%${filter.search}%`), sql`${callbacks.id} = ${filter.search}`)
      : undefined,
    filter.readable?.where(callbacks.virtualQueue),
    filter.overdue === undefined ? undefined : filter.overdue ? overdue : sql`not ${overdue}`,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(callbacks), overdue })
      .from(callbacks)
      .where(where)
      .orderBy(asc(callbacks.desiredTime), asc(callbacks.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(callbacks).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Position among the queue's waiting callbacks (priority, then age) and the EWT for it. */
export async function queuePosition(
  db: Database,
  host: ContactCenterHost,
  queues: QueueConfigs,
  row: CallbackRow,
) {
  if (row.state !== 'QUEUED' && row.state !== 'ROUTING' && row.state !== 'PROCESSING') return undefined;
  if (row.state !== 'QUEUED') return { position: 0, ewtSeconds: 0 };
  const [ahead] = await db
    .select({ n: count() })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.tenantId, row.tenantId),
        eq(callbacks.virtualQueue, row.virtualQueue),
        eq(callbacks.state, 'QUEUED'),
        or(
          sql`${callbacks.priority} > ${row.priority}`,
          and(eq(callbacks.priority, row.priority), lt(callbacks.queuedAt, row.queuedAt ?? 0)),
        ),
      ),
    );
  const position = (ahead?.n ?? 0) + 1;
  const config = await queues.find(row.tenantId, row.virtualQueue);
  const ewt = config
    ? await queueWait({ db, host }, row.tenantId, row.virtualQueue, config, 'mode2', position)
    : undefined;
  return { position, ewtSeconds: ewt && ewt.resultCode === 0 ? ewt.estimatedWaitTime : -1 };
}

/** The same test as overdueAt for one callback, from its queue's settings. */
export async function isOverdue(queues: QueueConfigs, row: CallbackRow, nowMs: number): Promise<boolean> {
  if (row.state !== 'SCHEDULED') return false;
  const config = await queues.find(row.tenantId, row.virtualQueue);
  const windowMinutes = config?.settings.desiredTimeWindowMinutes ?? 2;
  return row.desiredTime + windowMinutes * 60_000 < nowMs;
}
