/**
 * Tables of the callback engine: CALLBACK_SETTINGS rows, rules and their queue assignment,
 * agents, callbacks with their audit, dial attempts and slot counters, and the GES developer
 * data (recorded API errors, CORS origins). Times of the engine are epoch milliseconds (bigint)
 * because the engine compares them with the Clock, which may be virtual.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

const ms = (name: string) => bigint(name, { mode: 'number' });

/** One row of the CALLBACK_SETTINGS data table per callback virtual queue. */
export const callbackSettings = pgTable(
  'callback_settings',
  {
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    /** The row with defaults applied (schemas/callback-settings.schema.json), without rule assignments. */
    document: jsonb('document').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.virtualQueue] })],
);

/** Rules of one kind ('capacity' | 'numberValidation' | 'regionAffinity'), by name. */
export const callbackRules = pgTable(
  'callback_rules',
  {
    tenantId: text('tenant_id').notNull(),
    kind: text('kind').$type<RuleKind>().notNull(),
    name: text('name').notNull(),
    document: jsonb('document').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.name] })],
);

export type RuleKind = 'capacity' | 'numberValidation' | 'regionAffinity';

/** Zero or one rule of each kind per queue (the Callback UI's Queues page). */
export const queueRules = pgTable(
  'queue_rules',
  {
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    capacityRule: text('capacity_rule'),
    numberValidationRule: text('number_validation_rule'),
    regionAffinityRule: text('region_affinity_rule'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.virtualQueue] })],
);

export const agents = pgTable(
  'agents',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    skills: jsonb('skills').$type<Record<string, number>>().notNull(),
    handleTime: jsonb('handle_time').notNull(),
    state: text('state').$type<'Ready' | 'NotReady' | 'LoggedOut'>().notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const callbacks = pgTable(
  'callbacks',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    /** E.164. */
    phoneNumber: text('phone_number').notNull(),
    state: text('state').$type<CallbackState>().notNull(),
    /** Set when COMPLETED. */
    reason: text('reason'),
    origin: text('origin').$type<'immediate' | 'scheduled'>().notNull(),
    desiredTime: ms('desired_time').notNull(),
    /** Start of the capacity slot a scheduled callback holds; null for immediate ones. */
    slotStart: ms('slot_start'),
    priority: integer('priority').notNull(),
    userData: jsonb('user_data').$type<Record<string, unknown>>().notNull(),
    /** Everything else a booking carried (language, routePoint, channel, pushTargets, …). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the callback entered the queue (its age for ordering and priority aging). */
    queuedAt: ms('queued_at'),
    /** A QUEUED callback is not dialled before this. */
    nextAttemptAt: ms('next_attempt_at'),
    leaseOwner: text('lease_owner'),
    leaseUntil: ms('lease_until'),
    agentId: text('agent_id'),
    createdBy: text('created_by'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    completedAt: ms('completed_at'),
    /** Fixed retention: 14 days from the Desired Callback Time (seed, "Managing callbacks"). */
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [
    index('callbacks_due').on(t.state, t.nextAttemptAt).where(sql`${t.state} <> 'COMPLETED'`),
    // The dispatcher's claim: the oldest waiting callbacks of each priority (dispatcher leases.ts).
    index('callbacks_queued')
      .on(t.tenantId, t.virtualQueue, t.priority, t.queuedAt)
      .where(sql`${t.state} = 'QUEUED'`),
    // Callbacks being dialled or connected, by lease expiry: a dead process's work is found here.
    index('callbacks_leased')
      .on(t.tenantId, t.virtualQueue, t.leaseUntil)
      .where(sql`${t.state} in ('ROUTING', 'PROCESSING')`),
    index('callbacks_number').on(t.tenantId, t.virtualQueue, t.phoneNumber),
    index('callbacks_desired').on(t.tenantId, t.desiredTime),
    index('callbacks_expires').on(t.expiresAt),
  ],
);

export type CallbackState = 'SCHEDULED' | 'QUEUED' | 'ROUTING' | 'PROCESSING' | 'COMPLETED';

export const callbackAudit = pgTable(
  'callback_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    callbackId: text('callback_id').notNull(),
    at: ms('at').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    actor: text('actor').notNull(),
  },
  (t) => [index('callback_audit_callback').on(t.callbackId)],
);

/** One row per dial; the primary key is what guarantees an attempt is dialled at most once. */
export const dialAttempts = pgTable(
  'dial_attempts',
  {
    callbackId: text('callback_id').notNull(),
    attempt: integer('attempt').notNull(),
    nodeId: text('node_id').notNull(),
    startedAt: ms('started_at').notNull(),
    outcome: text('outcome'),
    endedAt: ms('ended_at'),
  },
  (t) => [primaryKey({ columns: [t.callbackId, t.attempt] })],
);

/**
 * The simulated telephony adapter's own record of its dials (runtime/contact-center/telephony.ts),
 * kept where every process can read it, as a real adapter keeps its calls on the telephony side:
 * at most one dial per (callback, attempt), whichever process asks. The outcome and when it is
 * heard are decided when the dial starts; `voided` marks an attempt resolved as never dialled,
 * which no process may dial afterwards.
 */
export const simulatedDials = pgTable(
  'simulated_dials',
  {
    callbackId: text('callback_id').notNull(),
    attempt: integer('attempt').notNull(),
    outcome: text('outcome').notNull(),
    startedAt: ms('started_at').notNull(),
    endedAt: ms('ended_at').notNull(),
    /** The process that asked for the dial (or voided the attempt). */
    nodeId: text('node_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callbackId, t.attempt] })],
);

/** Scheduled callbacks holding each slot; incremented only while below the slot's capacity. */
export const slotBookings = pgTable(
  'slot_bookings',
  {
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    slotStart: ms('slot_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.virtualQueue, t.slotStart] })],
);

/**
 * Per queue, its immediate callbacks waiting (QUEUED or ROUTING): what Max Queued Callbacks
 * caps. Kept by statement triggers on callbacks (migration 0005), so every path that books,
 * moves or deletes callbacks keeps it exact, and booking reads one row instead of counting.
 */
export const queueCounts = pgTable(
  'queue_counts',
  {
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    immediateWaiting: integer('immediate_waiting').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.virtualQueue] })],
);

/** Runtime processes and their regions, with the last time each said it was alive (region affinity). */
export const runtimeNodes = pgTable('runtime_nodes', {
  nodeId: text('node_id').primaryKey(),
  region: text('region').notNull(),
  seenAt: ms('seen_at').notNull(),
});

/** Errors answered on /engagement/v3, for the Developer tab (searchable by corrId). */
export const apiErrors = pgTable(
  'api_errors',
  {
    corrId: text('corr_id').primaryKey(),
    tenantId: text('tenant_id'),
    at: ms('at').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    message: text('message').notNull(),
    /** The queue the failed request named, if any: the Developer tab hides other lines' errors. */
    virtualQueue: text('virtual_queue'),
  },
  (t) => [index('api_errors_tenant_at').on(t.tenantId, t.at)],
);

export const corsOrigins = pgTable(
  'cors_origins',
  {
    tenantId: text('tenant_id').notNull(),
    origin: text('origin').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.origin] })],
);

/**
 * Interactions the contact center handed to an agent (callbacks and Route Call calls alike): when
 * they left their virtual queue, how many matching agents were logged in then, and how long the
 * agent handled them. The estimated wait time is computed from the latest rows of a queue, so
 * every process (and a restarted one) sees the same history.
 */
export const queueInteractions = pgTable(
  'queue_interactions',
  {
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    interactionId: text('interaction_id').notNull(),
    /** 'callback' or 'call'. */
    kind: text('kind').notNull(),
    enteredAt: ms('entered_at').notNull(),
    assignedAt: ms('assigned_at').notNull(),
    agentId: text('agent_id').notNull(),
    agentsLoggedIn: integer('agents_logged_in').notNull(),
    /** Set when the agent's conversation ends. */
    handledMs: bigint('handled_ms', { mode: 'number' }),
    endedAt: ms('ended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.assignedAt] }),
    index('queue_interactions_assigned').on(t.tenantId, t.virtualQueue, t.assignedAt),
    index('queue_interactions_ended').on(t.tenantId, t.virtualQueue, t.endedAt),
  ],
);

/**
 * The EWT a newcomer would have been given (GES mode2), once per queue and quarter hour: the
 * estimate is computed from the queue's live state and kept nowhere else, so the Monitor's "EWT
 * over the day" reads these. Kept two days (a local day is at most 26 hours back).
 */
export const queueEwtSamples = pgTable(
  'queue_ewt_samples',
  {
    tenantId: text('tenant_id').notNull(),
    virtualQueue: text('virtual_queue').notNull(),
    /** Start of the quarter hour (epoch ms) the sample stands for. */
    quarterAt: ms('quarter_at').notNull(),
    /** When it was taken: the engine's first pass in that quarter hour. */
    sampledAt: ms('sampled_at').notNull(),
    /** Seconds; -1 when no estimate could be made (no agents or no history). */
    ewtSeconds: integer('ewt_seconds').notNull(),
    waiting: integer('waiting').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.virtualQueue, t.quarterAt] }),
    index('queue_ewt_samples_quarter').on(t.quarterAt),
  ],
);
