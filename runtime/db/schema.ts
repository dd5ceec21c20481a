/**
 * The database schema (drizzle). Migrations in ./migrations are generated from this file by
 * `npm run db:generate` and never edited by hand.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    username: text('username').notNull(),
    /** scrypt hash in the form scrypt$N$r$p$salt$hash (see runtime/auth/passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    /** The user's own roles; its access groups add theirs (runtime/auth/effective-roles.ts). */
    roles: jsonb('roles').$type<string[]>().notNull(),
    displayName: text('display_name'),
    /** UI language ('en' | 'fr'), applied when the user signs in. */
    language: text('language').notNull().default('en'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_tenant_username').on(t.tenantId, t.username)],
);

/** Login sessions and script tokens; only a SHA-256 of the token is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'session' | 'bearer'>().notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('auth_tokens_user').on(t.userId)],
);

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  tenantId: text('tenant_id')
    .notNull()
    .references(() => tenants.id),
  name: text('name').notNull(),
  /** SHA-256 of the key; the key itself is shown once. */
  keyHash: text('key_hash').notNull().unique(),
  /** The first characters, shown to tell keys apart. */
  keyPrefix: text('key_prefix').notNull(),
  createdAt: createdAt(),
});

export const applications = pgTable(
  'applications',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<'Default' | 'Callback'>().notNull(),
    draft: jsonb('draft').notNull(),
    /** Bumped on every save of the draft; a save naming an older revision is refused. */
    revision: integer('revision').notNull().default(1),
    latestVersion: integer('latest_version'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Published versions are immutable; the newest one is live. */
export const applicationVersions = pgTable(
  'application_versions',
  {
    tenantId: text('tenant_id').notNull(),
    applicationId: text('application_id').notNull(),
    version: integer('version').notNull(),
    document: jsonb('document').notNull(),
    publishedBy: text('published_by').notNull(),
    /** Set when the version re-publishes an earlier one (a roll back). */
    republishedFrom: integer('republished_from'),
    /** Why this version went live, as the publisher wrote it (optional). */
    note: text('note'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.applicationId, t.version] })],
);

export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    tenantId: text('tenant_id').notNull(),
    dnis: text('dnis').notNull(),
    applicationId: text('application_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dnis] })],
);

export const businessHours = pgTable(
  'business_hours',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    document: jsonb('document').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

/** A call in progress (or ended): its whole interpreter state, saved whenever it waits. */
export const callSessions = pgTable(
  'call_sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    applicationId: text('application_id').notNull(),
    version: integer('version').notNull(),
    state: text('state').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    /** Bumped on each save so two processes cannot both advance one call. */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    /** When a waiting call should be resumed with a timeout (epoch ms), null when not waiting on time. */
    wakeAt: bigint('wake_at', { mode: 'number' }),
    testCall: boolean('test_call').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('call_sessions_wake').on(t.wakeAt).where(sql`${t.wakeAt} is not null`),
    index('call_sessions_tenant_created').on(t.tenantId, t.createdAt),
  ],
);
export * from './schema-access.ts';
export * from './schema-auth-throttle.ts';
export * from './schema-call-in.ts';
export * from './schema-callbacks.ts';
