/**
 * The Call-In tab's records: the newest 5,000 Click-To-Call-In requests (older ones drop off the
 * list, as the guide says), in pages of up to 500, by creation time range, searchable by any
 * attribute or by one. A pending request past its expiry reads as EXPIRED. The access code is
 * never shown: only whether the request had one.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';

export const MAX_RECORDS = 5000;
export const searchFields = [
  'id',
  'groupName',
  'toPhoneNumber',
  'fromPhoneNumber',
  'callbackServiceId',
  'state',
] as const;
export type SearchField = (typeof searchFields)[number];

export interface RecordFilter {
  fromMs?: number | undefined;
  toMs?: number | undefined;
  search?: string | undefined;
  field?: SearchField | undefined;
}

interface Row {
  id: string;
  group_name: string;
  to_number: string;
  from_number: string | null;
  callback_id: string | null;
  has_code: boolean;
  state: string;
  created_at: string | number;
  expires_at: string | number;
  matched_at: string | number | null;
  matched_on: string | null;
  total: number;
}

const iso = (ms: string | number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export async function listCallInRecords(
  db: Database,
  tenantId: string,
  nowMs: number,
  filter: RecordFilter,
  page: number,
  pageSize: number,
) {
  const state = sql`case when r.state = 'PENDING' and r.expires_at <= ${nowMs}::bigint then 'EXPIRED' else r.state end`;
  const columns: Record<SearchField, SQL> = {
    id: sql`r.id`,
    groupName: sql`r.group_name`,
    toPhoneNumber: sql`r.to_number`,
    fromPhoneNumber: sql`coalesce(r.from_number, '')`,
    callbackServiceId: sql`coalesce(r.callback_id, '')`,
    state,
  };
  const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const search = pattern
    ? filter.field
      ? sql`and ${columns[filter.field]} ilike ${pattern}`
      : sql`and (${sql.join(
          searchFields.map((f) => sql`${columns[f]} ilike ${pattern}`),
          sql` or `,
        )})`
    : sql``;
  const result = await db.execute(sql`
    with newest as (
      select * from call_in_requests where tenant_id = ${tenantId}
      order by created_at desc, id desc limit ${MAX_RECORDS}
    ), chosen as (
      select r.*, ${state} as shown_state from newest r
      where true
        ${filter.fromMs !== undefined ? sql`and r.created_at >= ${filter.fromMs}::bigint` : sql``}
        ${filter.toMs !== undefined ? sql`and r.created_at < ${filter.toMs}::bigint` : sql``}
        ${search}
    )
    -- The count stands apart from the page: a page past the end is empty, its total still real.
    select (select count(*)::int from chosen) as total, p.* from (select 1) one
    left join lateral (
      select id, group_name, to_number, from_number, callback_id, access_code_hash is not null as has_code,
        shown_state as state, created_at, expires_at, matched_at, matched_on
      from chosen order by created_at desc, id desc
      limit ${pageSize} offset ${(page - 1) * pageSize}
    ) p on true`);
  const found = rows<Row | (Pick<Row, 'total'> & { id: null })>(result);
  const records = found.filter((r): r is Row => r.id !== null);
  return {
    total: found[0]?.total ?? 0,
    items: records.map((r) => ({
      id: r.id,
      groupName: r.group_name,
      toPhoneNumber: r.to_number,
      fromPhoneNumber: r.from_number,
      callbackServiceId: r.callback_id,
      accessCode: r.has_code,
      state: r.state,
      createdAt: iso(r.created_at),
      expirationTime: iso(r.expires_at),
      matchedAt: iso(r.matched_at),
      matchedOn: r.matched_on,
    })),
  };
}
