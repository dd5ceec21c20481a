/**
 * readableQueues: which callback queues a signed-in user may read, the one filter every route
 * with per-queue data applies (lists filter, direct reads answer 404, bulk operations skip,
 * exports and report figures exclude). See runtime/auth/README.md.
 */
import { notInArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Context } from 'hono';
import type { Database } from '../db/client.ts';
import type { AppEnv, SignedInUser } from '../http/app-env.ts';
import { restrictedQueues } from './lines-of-business.ts';

export interface QueueAccess {
  /** True when the user reads every queue (the platform administrator, or nothing restricted). */
  readonly all: boolean;
  /** Queues the user may not read; every queue not named here is readable. */
  readonly hidden: ReadonlySet<string>;
  canRead(virtualQueue: string): boolean;
  /** Keeps the items whose queue the user may read. */
  filter<T>(items: readonly T[], queueOf: (item: T) => string): T[];
  /** A condition on a queue-name column keeping readable rows; undefined when nothing is hidden. */
  where(column: AnyPgColumn): SQL | undefined;
}

export async function queueAccessFor(db: Database, user: SignedInUser): Promise<QueueAccess> {
  const hidden = new Set<string>();
  if (!user.roles.includes('administrator')) {
    const groups = new Set(user.accessGroups);
    for (const [queue, read] of await restrictedQueues(db, user.tenantId))
      if (!read.some((group) => groups.has(group))) hidden.add(queue);
  }
  return {
    all: hidden.size === 0,
    hidden,
    canRead: (virtualQueue) => !hidden.has(virtualQueue),
    filter: (items, queueOf) => items.filter((item) => !hidden.has(queueOf(item))),
    where: (column) => (hidden.size ? notInArray(column, [...hidden]) : undefined),
  };
}

const perRequest = new WeakMap<Context<AppEnv>, Promise<QueueAccess>>();

/** The signed-in user's queue access, computed once per request. */
export function readableQueues(c: Context<AppEnv>): Promise<QueueAccess> {
  let access = perRequest.get(c);
  if (!access) {
    const user = c.get('user');
    if (!user) throw new Error('readableQueues needs a signed-in route');
    access = queueAccessFor(c.get('runtime').db, user);
    perRequest.set(c, access);
  }
  return access;
}
