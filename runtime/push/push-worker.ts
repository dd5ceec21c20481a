/**
 * Sends the push outbox. Rows are claimed in one statement (SKIP LOCKED; the claim moves their
 * next attempt a lease ahead, so a process that dies mid-send leaves them to be claimed again),
 * then sent over FCM outside any transaction: a slow or failing FCM never holds a callback back,
 * and rows written before a restart are sent after it.
 *
 * After a send: SENT (payload emptied: a call-in CALLBACK_READY carries an access code); a retryable
 * failure waits with exponential back-off (or FCM's Retry-After) up to MAX_ATTEMPTS; UNREGISTERED
 * drops the row, remembers the token and drops every other pending row for it; any other refusal
 * is FAILED. A tenant without push credentials has its rows dropped: the events are about now.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';
import type { CredentialStore } from '../developer-credentials/credential-store.ts';
import type { FcmClient, SendResult } from './fcm-client.ts';

const BATCH = 50;
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 10 * 60_000;
const PARALLEL = 8;

export const targetHash = (target: string) => createHash('sha256').update(target).digest('hex');

interface Claimed {
  id: number;
  tenant_id: string;
  target: string;
  payload: Record<string, string>;
  attempts: number;
}

/** 1 s, 2 s, 4 s … up to ten minutes. */
export const backoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));

export function pushWorker(deps: {
  db: Database;
  clock: Clock;
  credentials: CredentialStore;
  fcm: FcmClient;
}) {
  const { db, clock, credentials, fcm } = deps;
  let running: Promise<void> | undefined;
  let again = false;

  async function claim(): Promise<Claimed[]> {
    const at = clock.now();
    return rows<Claimed>(
      await db.execute(sql`
        with due as (
          select id from push_outbox where state = 'PENDING' and next_attempt_at <= ${at}::bigint
          order by next_attempt_at, id limit ${BATCH} for update skip locked
        )
        update push_outbox o set next_attempt_at = ${at + LEASE_MS}::bigint, attempts = o.attempts + 1
        from due where o.id = due.id
        returning o.id, o.tenant_id, o.target, o.payload, o.attempts`),
    );
  }

  async function settle(row: Claimed, result: SendResult): Promise<void> {
    const at = clock.now();
    const where = sql`where id = ${row.id} and state = 'PENDING'`;
    if (result.kind === 'sent') {
      await db.execute(sql`update push_outbox set state = 'SENT', sent_at = ${at}::bigint, payload = '{}'::jsonb,
        last_error = null ${where}`);
    } else if (result.kind === 'retry' && row.attempts < MAX_ATTEMPTS) {
      const wait = Math.max(result.retryAfterMs ?? 0, backoffMs(row.attempts));
      await db.execute(sql`update push_outbox set next_attempt_at = ${at + wait}::bigint,
        last_error = ${result.error} ${where}`);
    } else if (result.kind === 'unregistered') {
      const hash = targetHash(row.target);
      await db.execute(sql`
        with remembered as (
          insert into push_unregistered (tenant_id, target_hash, at) values (${row.tenant_id}, ${hash}, ${at}::bigint)
          on conflict do nothing
        )
        update push_outbox set state = 'DROPPED', payload = '{}'::jsonb, last_error = ${result.error}
        where tenant_id = ${row.tenant_id} and target = ${row.target} and state = 'PENDING'`);
    } else {
      await db.execute(sql`update push_outbox set state = 'FAILED', payload = '{}'::jsonb,
        last_error = ${result.error} ${where}`);
    }
  }

  async function drop(ids: number[], reason: string): Promise<void> {
    if (ids.length === 0) return;
    await db.execute(sql`update push_outbox set state = 'DROPPED', payload = '{}'::jsonb, last_error = ${reason}
      where id = any(${`{${ids.join(',')}}`}::bigint[]) and state = 'PENDING'`);
  }

  async function sendBatch(batch: Claimed[]): Promise<void> {
    const byTenant = new Map<string, Claimed[]>();
    for (const row of batch) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row]);
    for (const [tenantId, tenantRows] of byTenant) {
      const stored = await credentials.read(tenantId, 'push');
      if (!stored) {
        await drop(
          tenantRows.map((r) => r.id),
          'NO_PUSH_CREDENTIALS: register them in the Developer tab',
        );
        continue;
      }
      const hashes = `{${tenantRows.map((r) => targetHash(r.target)).join(',')}}`;
      const gone = new Set(
        rows<{ target_hash: string }>(
          await db.execute(sql`select target_hash from push_unregistered
            where tenant_id = ${tenantId} and target_hash = any(${hashes}::text[])`),
        ).map((r) => r.target_hash),
      );
      await drop(
        tenantRows.filter((r) => gone.has(targetHash(r.target))).map((r) => r.id),
        'UNREGISTERED: FCM reported this registration token unregistered',
      );
      const account = {
        projectId: String(stored.settings.projectId),
        clientEmail: stored.secrets.clientEmail ?? '',
        privateKey: stored.secrets.privateKey ?? '',
      };
      const queue = tenantRows.filter((r) => !gone.has(targetHash(r.target)));
      // A few sends at a time; rows to one token go in order, so an UNREGISTERED answer stops the rest.
      const byTarget = new Map<string, Claimed[]>();
      for (const row of queue) byTarget.set(row.target, [...(byTarget.get(row.target) ?? []), row]);
      const lanes = [...byTarget.values()];
      const work = async () => {
        for (let lane = lanes.shift(); lane; lane = lanes.shift()) {
          for (const row of lane) {
            const result = await fcm.send(account, { token: row.target, data: row.payload });
            await settle(row, result);
            if (result.kind === 'unregistered') break;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, lanes.length) }, work));
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (let batch = await claim(); batch.length > 0; batch = batch.length === BATCH ? await claim() : []) {
        await sendBatch(batch);
      }
    } while (again);
  }

  let timer: NodeJS.Timeout | undefined;
  let stopListening: (() => void) | undefined;
  return {
    /** Sends what is due now, in the background; a kick while sending asks for one more round. */
    kick(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = drain()
        .catch((error) => console.error('[push]', (error as Error).message))
        .finally(() => {
          running = undefined;
        });
      return running;
    },
    /** Waits for the round in progress (tests, shutdown). */
    idle(): Promise<void> {
      return running ?? Promise.resolve();
    },
    start(intervalMs = 500): void {
      if (clock.kind === 'virtual') {
        stopListening = clock.onAdvance(() => {
          void this.kick();
        });
        return;
      }
      timer = setInterval(() => void this.kick(), intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      stopListening?.();
      await running;
    },
  };
}

export type PushWorker = ReturnType<typeof pushWorker>;
