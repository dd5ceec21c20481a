/**
 * The Scale invariants across real processes: three `ringback serve` processes dispatch one
 * PostgreSQL's callbacks; one is killed with SIGKILL half way. Every callback ends COMPLETED
 * exactly once, no attempt is dialled twice, no customer's phone rings twice (counted at the
 * telephony adapter, per callback), and the killed process's leased work is taken over.
 * RINGBACK_MP_CALLBACKS sets how many callbacks (default sized for a 2-core machine).
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/spawn-runtime.ts';

const total = Number(process.env.RINGBACK_MP_CALLBACKS ?? 5000);
const leaseMs = 10_000;
const agentsPerProcess = 60;

describe.skipIf(testDatabaseKind !== 'postgres')('three runtime processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let sql: postgres.Sql;
  const nodes: SpawnedRuntime[] = [];
  const env = () => ({
    DATABASE_URL: database.url,
    RINGBACK_SIM_DIAL_MS: '200',
    RINGBACK_ENGINE_TICK_MS: '50',
    RINGBACK_LEASE_MS: String(leaseMs),
    RINGBACK_ADMIN_PASSWORD: 'admin-password-for-tests',
    RINGBACK_DEMO_API_KEY: 'rbk_demo_key_for_tests_000000',
  });

  beforeAll(async () => {
    database = await freshDatabaseUrl('postgres');
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    // The first process migrates and seeds Sales_VQ; the others start against the same database.
    nodes.push(await spawnRuntime('node-a', env()));
    await sql`update callback_settings set document = document || '{"purgeAtEndOfDay": false}'::jsonb
      where virtual_queue = 'Sales_VQ'`;
    const [{ tenant_id: tenantId } = { tenant_id: '' }] =
      await sql`select tenant_id from callback_settings where virtual_queue = 'Sales_VQ'`;
    const now = Date.now();
    await sql`insert into agents (tenant_id, id, name, skills, handle_time, state, updated_at)
      select ${tenantId}, 'mp-' || n, 'MP agent ' || n, '{"Sales": 5}'::jsonb,
        '{"kind": "fixed", "seconds": 0.2}'::jsonb, 'Ready', ${now}::bigint
      from generate_series(1, ${agentsPerProcess}) n`;
    // Only the fast agents: the seeded Sales agents talk 240 s per callback, and a callback is
    // PROCESSING for the whole conversation.
    await sql`update agents set state = 'LoggedOut' where id not like 'mp-%'`;
    // The callbacks are added once all three processes run, so that all three dispatch them.
    nodes.push(...(await Promise.all([spawnRuntime('node-b', env()), spawnRuntime('node-c', env())])));
    await sql`insert into callbacks (id, tenant_id, virtual_queue, phone_number, state, origin,
        desired_time, priority, user_data, details, queued_at, next_attempt_at, created_at, updated_at, expires_at)
      select gen_random_uuid()::text, ${tenantId}, 'Sales_VQ', '+1' || (212 + n / 10000) || '555' || lpad((n % 10000)::text, 4, '0'), 'QUEUED',
        'immediate', ${now}::bigint, 1, '{}'::jsonb, '{}'::jsonb, ${now}::bigint + n, ${now}::bigint,
        ${now}::bigint, ${now}::bigint, ${now + 14 * 86_400_000}::bigint
      from generate_series(1, ${total}) n`;
    await sql`insert into callback_audit (callback_id, at, from_state, to_state, reason, actor)
      select id, ${now}::bigint, null, 'QUEUED', 'CREATED', 'test' from callbacks`;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.kill('SIGKILL')));
    await sql?.end();
    await database?.drop();
  });

  it('completes every callback exactly once and never dials an attempt twice, with one process SIGKILLed', async () => {
    const started = Date.now();
    const completed = async () =>
      Number((await sql`select count(*) as n from callbacks where state = 'COMPLETED'`)[0]?.n);
    const leasedBy = async (nodeId: string) =>
      Number(
        (
          await sql`select count(*) as n from callbacks where lease_owner = ${nodeId}
          and state in ('ROUTING', 'PROCESSING')`
        )[0]?.n,
      );
    // Dials of the victim still ringing at the telephony.
    const ringingBy = async (nodeId: string) =>
      Number(
        (
          await sql`select count(*) as n from simulated_dials
          where node_id = ${nodeId} and outcome <> 'voided' and ended_at > ${Date.now()}::bigint`
        )[0]?.n,
      );
    // Half way, while the victim holds leased work and has dials in flight.
    while (
      (await completed()) < total / 2 ||
      (await leasedBy('node-b')) === 0 ||
      (await ringingBy('node-b')) === 0
    ) {
      if (Date.now() - started > 120_000) throw new Error(`too slow: ${await completed()} done`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const victim = nodes[1] as SpawnedRuntime;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const killedAt = Date.now();
    const orphans = await sql`select id from callbacks
      where lease_owner = ${victim.nodeId} and state in ('ROUTING', 'PROCESSING')`;
    while ((await completed()) < total) {
      if (Date.now() - started > 240_000) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const elapsed = Date.now() - started;
    const perNode = await sql`select actor, count(*)::int as n from callback_audit
      where to_state = 'COMPLETED' group by 1 order by 1`;
    console.log(
      `multi-process: ${total} callbacks in ${(elapsed / 1000).toFixed(1)} s, ${orphans.length} taken over from ${victim.nodeId}; completed by ${perNode.map((r) => `${r.actor} ${r.n}`).join(', ')}`,
    );

    const states = await sql`select state, reason, count(*)::int as n from callbacks group by 1, 2`;
    expect(states.map((r) => ({ ...r }))).toEqual([
      { state: 'COMPLETED', reason: 'AGENT_CONNECTED', n: total },
    ]);
    const completions = await sql`select callback_id, count(*)::int as n from callback_audit
      where to_state = 'COMPLETED' group by 1 having count(*) <> 1`;
    expect(completions).toHaveLength(0);
    const [dials] = await sql`select count(*)::int as n,
      count(distinct (callback_id, attempt))::int as distinct_attempts from dial_attempts`;
    expect(dials?.n).toBe(dials?.distinct_attempts);
    // What the customers heard: dials that reached the telephony, per callback. Every dial
    // answers in this run, so each customer is rung exactly once, killed process or not.
    const rungTwice = await sql`select callback_id, count(*)::int as n from simulated_dials
      where outcome <> 'voided' group by 1 having count(*) > 1`;
    const [rung] = await sql`select count(distinct callback_id)::int as n from simulated_dials
      where outcome <> 'voided'`;
    const [voided] = await sql`select count(*)::int as n from simulated_dials where outcome = 'voided'`;
    // The victim's dials: those of its orphans were ringing or over when it died, and a survivor
    // learnt their outcome from the telephony instead of dialling again.
    const [resolved] = await sql`select count(*)::int as n from simulated_dials d
      where d.callback_id = any(${orphans.map((o) => o.id)}) and d.node_id = ${victim.nodeId}
        and d.outcome <> 'voided'`;
    console.log(
      `multi-process: customers dialled twice ${rungTwice.length}; of ${orphans.length} orphans, ${resolved?.n} had their dial at the telephony (outcome taken over, not dialled again), ${voided?.n} attempts were never dialled (voided, dialled anew)`,
    );
    expect(rungTwice.map((r) => ({ ...r }))).toEqual([]);
    expect(rung?.n).toBe(total);
    // Only a callback the killed process was dialling may have a second attempt.
    const redialled = await sql`select callback_id from dial_attempts group by 1 having count(*) > 1`;
    const orphanIds = new Set(orphans.map((o) => o.id));
    for (const { callback_id } of redialled) expect(orphanIds.has(callback_id)).toBe(true);
    // Each attempt number a callback reached was dialled at most once, by the process that held it.
    const byOthers = await sql`select d.callback_id from dial_attempts d
      join callback_audit a on a.callback_id = d.callback_id and a.reason = 'DIAL_ATTEMPT_' || d.attempt
      where a.actor <> 'engine:' || d.node_id`;
    expect(byOthers).toHaveLength(0);
    if (orphans.length > 0) {
      const takenOver = await sql`select max(completed_at)::bigint as last,
        count(*) filter (where c.agent_id is not null)::int as n from callbacks c
        where id = any(${orphans.map((o) => o.id)})`;
      const takeoverMs = Number(takenOver[0]?.last) - killedAt;
      console.log(
        `multi-process: the last orphan completed ${(takeoverMs / 1000).toFixed(1)} s after the kill (lease ${leaseMs / 1000} s)`,
      );
      expect(takeoverMs).toBeLessThan(60_000);
      const completers = await sql`select distinct actor from callback_audit
        where to_state = 'COMPLETED' and callback_id = any(${orphans.map((o) => o.id)})`;
      expect(completers.map((c) => c.actor)).not.toContain(`engine:${victim.nodeId}`);
    }
  }, 300_000);
});
