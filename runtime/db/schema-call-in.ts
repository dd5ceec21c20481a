/**
 * Tables of Click-To-Call-In, push notifications and developer credentials (issue 12). Times are
 * epoch milliseconds (bigint), compared with the engine's Clock like the callback tables.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

const ms = (name: string) => bigint(name, { mode: 'number' });

/** A Click-To-Call-In group: access-code settings, request expiry, unique DNIS. Its pool is call_in_numbers. */
export const callInGroups = pgTable(
  'call_in_groups',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    accessCodeEnabled: boolean('access_code_enabled').notNull(),
    accessCodeLength: integer('access_code_length').notNull(),
    expirySeconds: integer('expiry_seconds').notNull(),
    uniqueDnis: boolean('unique_dnis').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

/** A group's DNIS pool; `last_used_at` makes the choice fair (least recently handed out first). */
export const callInNumbers = pgTable(
  'call_in_numbers',
  {
    tenantId: text('tenant_id').notNull(),
    groupName: text('group_name').notNull(),
    number: text('number').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
    lastUsedAt: ms('last_used_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.groupName, t.number] })],
);

export type CallInRequestState = 'PENDING' | 'COMPLETED';

/** A Call-In request: the number handed out, the access code's hash (never the code), its expiry. */
export const callInRequests = pgTable(
  'call_in_requests',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    groupName: text('group_name').notNull(),
    toNumber: text('to_number').notNull(),
    fromNumber: text('from_number'),
    /** HMAC of the access code keyed by the request id; null when the group uses no code. */
    accessCodeHash: text('access_code_hash'),
    userData: jsonb('user_data').$type<Record<string, unknown>>().notNull(),
    /** Delayed: the USERORIGINATED callback this request belongs to. */
    callbackId: text('callback_id'),
    state: text('state').$type<CallInRequestState>().notNull(),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
    matchedAt: ms('matched_at'),
    matchedCallId: text('matched_call_id'),
    /** The criteria that matched, e.g. accessCode+dnis. */
    matchedOn: text('matched_on'),
  },
  (t) => [
    index('call_in_requests_tenant_created').on(t.tenantId, t.createdAt),
    index('call_in_requests_pending_number')
      .on(t.tenantId, t.toNumber, t.expiresAt)
      .where(sql`${t.state} = 'PENDING'`),
    index('call_in_requests_callback').on(t.callbackId),
  ],
);

export type CallInSessionState = 'WAITING' | 'CALLED_IN' | 'EXPIRED' | 'FAILED';

/**
 * A USERORIGINATED callback that reached the top of its queue: CALLBACK_READY was pushed and the
 * customer may call in until `expires_at` (Pushed Callback Expiry Time).
 */
export const callbackCallInSessions = pgTable(
  'callback_call_in_sessions',
  {
    callbackId: text('callback_id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    readyAt: ms('ready_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
    state: text('state').$type<CallInSessionState>().notNull(),
  },
  (t) => [
    index('callback_call_in_waiting')
      .on(t.tenantId, t.virtualQueue, t.expiresAt)
      .where(sql`${t.state} = 'WAITING'`),
  ],
);

/** Per callback with push targets: whether CALLBACK_UPCOMING was sent, or ruled out at booking. */
export const callbackUpcoming = pgTable('callback_upcoming', {
  callbackId: text('callback_id').primaryKey(),
  /** 'SENT' | 'BELOW_AT_BOOKING' */
  outcome: text('outcome').notNull(),
  at: ms('at').notNull(),
});

export type PushState = 'PENDING' | 'SENT' | 'DROPPED' | 'FAILED';

/** Push notifications to send: written with the change that causes them, sent by the push worker. */
export const pushOutbox = pgTable(
  'push_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: text('tenant_id').notNull(),
    callbackId: text('callback_id'),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    event: text('event').notNull(),
    /** The FCM data payload; emptied once delivered or given up (it may carry an access code). */
    payload: jsonb('payload').$type<Record<string, string>>().notNull(),
    state: text('state').$type<PushState>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ms('created_at').notNull(),
    sentAt: ms('sent_at'),
  },
  (t) => [
    index('push_outbox_due').on(t.nextAttemptAt).where(sql`${t.state} = 'PENDING'`),
    index('push_outbox_callback').on(t.callbackId),
  ],
);

/** Registration tokens FCM reported UNREGISTERED: never sent to again (sha-256 of the token). */
export const pushUnregistered = pgTable(
  'push_unregistered',
  {
    tenantId: text('tenant_id').notNull(),
    targetHash: text('target_hash').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.targetHash] })],
);

export type CredentialKind = 'push' | 'captcha' | 'statistics';

/** Developer-tab credentials: public settings in clear, secrets AES-GCM encrypted (runtime/secrets). */
export const developerCredentials = pgTable(
  'developer_credentials',
  {
    tenantId: text('tenant_id').notNull(),
    kind: text('kind').$type<CredentialKind>().notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    secret: text('secret').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind] })],
);

/** CAPTCHA tokens already used (sha-256), kept a while so a token is accepted once. */
export const captchaTokensUsed = pgTable('captcha_tokens_used', {
  tokenHash: text('token_hash').primaryKey(),
  at: ms('at').notNull(),
});
