/**
 * Tables of access control (the guide's "Controlling user access"): access groups carrying
 * callback roles, users' membership, and lines of business: queue folders and per-queue read
 * permissions. Read lists hold access-group names; null means "not set here".
 */
import { boolean, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

export const accessGroups = pgTable(
  'access_groups',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    /** One of the guide's predefined groups, present on every tenant; it cannot be deleted. */
    predefined: boolean('predefined').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

export const userAccessGroups = pgTable(
  'user_access_groups',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id').notNull(),
    groupName: text('group_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.groupName] })],
);

/** A folder of callback queues; with `propagate`, its read list applies to the queues in it. */
export const queueFolders = pgTable(
  'queue_folders',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    read: jsonb('read').$type<string[]>().notNull(),
    propagate: boolean('propagate').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

/** A queue's folder and its own read list (null: inherit from a propagating folder). */
export const queuePermissions = pgTable(
  'queue_permissions',
  {
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    folder: text('folder'),
    read: jsonb('read').$type<string[] | null>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.virtualQueue] })],
);
