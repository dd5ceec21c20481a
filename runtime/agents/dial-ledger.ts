/**
 * The simulated telephony adapter's dial state in the database (table simulated_dials), so that
 * every process sees every dial, as it would on a real telephony side. Claims asked for in one
 * turn of the event loop (a dispatch pass dials a batch) go in one statement: insert the new
 * keys, first writer wins, and read back what holds for each.
 */
import { sql } from 'drizzle-orm';
import type { DialKey, DialLedger, LedgerEntry } from '../contact-center/index.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/migrate.ts';

interface Pending {
  key: DialKey;
  entry: LedgerEntry;
  resolve: (held: { entry: LedgerEntry; mine: boolean }) => void;
  reject: (error: unknown) => void;
}

export function databaseLedger(db: Database, nodeId: string): DialLedger {
  let pending: Pending[] = [];

  async function flush(): Promise<void> {
    // One claim per key in a statement (a second one waits for the next batch).
    const batch: Pending[] = [];
    const later: Pending[] = [];
    const seen = new Set<string>();
    for (const p of pending) {
      const id = `${p.key.callbackId}:${p.key.attempt}`;
      if (seen.has(id)) later.push(p);
      else {
        seen.add(id);
        batch.push(p);
      }
    }
    pending = later;
    if (later.length > 0) setImmediate(() => void flush());
    try {
      const input = JSON.stringify(
        batch.map((p) => ({
          c: p.key.callbackId,
          a: p.key.attempt,
          o: p.entry.outcome,
          s: p.entry.startedMs,
          e: p.entry.endedMs,
        })),
      );
      const result = await db.execute(sql`
        with input as (
          select * from jsonb_to_recordset(${input}::jsonb) as i(c text, a int, o text, s bigint, e bigint)
        ), inserted as (
          insert into simulated_dials (callback_id, attempt, outcome, started_at, ended_at, node_id)
          select c, a, o, s, e, ${nodeId}::text from input
          on conflict do nothing
          returning callback_id, attempt
        )
        select i.c as "callbackId", i.a as attempt,
          (n.callback_id is not null) as mine, (d.callback_id is not null) as found,
          coalesce(d.outcome, i.o) as outcome,
          coalesce(d.started_at, i.s)::bigint as "startedMs",
          coalesce(d.ended_at, i.e)::bigint as "endedMs"
        from input i
        left join inserted n on n.callback_id = i.c and n.attempt = i.a
        left join simulated_dials d on d.callback_id = i.c and d.attempt = i.a and n.callback_id is null`);
      const held = new Map(
        rows<{
          callbackId: string;
          attempt: number;
          mine: boolean;
          found: boolean;
          outcome: LedgerEntry['outcome'];
          startedMs: string | number;
          endedMs: string | number;
        }>(result).map((r) => [`${r.callbackId}:${r.attempt}`, r]),
      );
      for (const p of batch) {
        const r = held.get(`${p.key.callbackId}:${p.key.attempt}`);
        if (!r) {
          p.reject(new Error('the dial ledger answered no row for a claim'));
          continue;
        }
        // Inserted by another process after this statement's snapshot: read it in the next one.
        if (!r.mine && !r.found) {
          if (pending.length === 0) setImmediate(() => void flush());
          pending.push(p);
          continue;
        }
        p.resolve({
          mine: r.mine,
          entry: { outcome: r.outcome, startedMs: Number(r.startedMs), endedMs: Number(r.endedMs) },
        });
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  return {
    claim(key, entry) {
      return new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(() => void flush());
        pending.push({ key, entry, resolve, reject });
      });
    },
  };
}
