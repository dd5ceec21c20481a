/**
 * Guess throttling (runtime/auth/guess-throttle.ts): the counters rate-limiter-flexible keeps,
 * shared by every process through the database, and the lockouts they caused, for the Developer tab.
 */
import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** rate-limiter-flexible's RateLimiterDrizzle table: key, points, expire. Keys are hashed. */
export const authThrottle = pgTable('auth_throttle', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true, mode: 'date' }),
});

/** One row each time an account or a client address was locked out. */
export const authLockouts = pgTable(
  'auth_lockouts',
  {
    id: text('id').primaryKey(),
    /** Null when the guesses named no tenant (API keys, unknown accounts). */
    tenantId: text('tenant_id'),
    /** Epoch ms (wall clock: throttles run on real time, not the virtual clock). */
    at: bigint('at', { mode: 'number' }).notNull(),
    kind: text('kind').$type<'login' | 'apiKey'>().notNull(),
    scope: text('scope').$type<'account' | 'address'>().notNull(),
    /** The username for an account lockout, else null. */
    account: text('account'),
    clientAddress: text('client_address').notNull(),
    until: bigint('until', { mode: 'number' }).notNull(),
  },
  (t) => [index('auth_lockouts_at').on(t.at)],
);
