/**
 * The callback engine on PostgreSQL: callbacks/create over HTTP on a runtime process of its own,
 * beside a hello-world Hono route in a process of its own, both driven by autocannon; 30-day
 * availability with a capacity rule and 10,000 bookings; due time → dial start; dispatch across
 * three `ringback serve` processes. Needs DATABASE_URL (a PostgreSQL server); every figure uses a
 * fresh database. RINGBACK_BENCH_ONLY=create|availability|due|dispatch runs one part;
 * RINGBACK_BENCH_CONNECTIONS sets the create load (64); RINGBACK_BENCH_EXPLAIN and
 * RINGBACK_BENCH_PROFILE_DIR help find where time goes; RINGBACK_BENCH_DUMP=file writes each due
 * callback's delay against its due time (ms after the first), to see when late dials happen.
 */

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { ApiClient } from '../test/support/client.ts';
import { freshDatabaseUrl } from '../test/support/database.ts';
import { type SpawnedRuntime, spawnRuntime } from '../test/support/spawn-runtime.ts';
import { startRuntime } from '../test/support/start-runtime.ts';
import { hammer, helloWorldProcess } from './load.ts';
import { median, percentile, type Report } from './report.ts';

const DAY = 86_400_000;
const apiKey = 'rbk_demo_key_for_tests_000000';

/** A valid North American number per index (area codes 212, 213, … each with 10,000 lines). */
const numberOf = (i: number) => `+1${212 + Math.floor(i / 10_000)}555${String(i % 10_000).padStart(4, '0')}`;
const numberSql = (n: string) =>
  `'+1' || (212 + ${n} / 10000) || '555' || lpad((${n} % 10000)::text, 4, '0')`;

/**
 * RINGBACK_BENCH_EXPLAIN=<ms>: PostgreSQL logs the plan of every statement of the benchmark's
 * database slower than that (auto_explain, in the server log), to find a bad plan.
 */
async function explainSlowStatements(url: string): Promise<void> {
  const threshold = process.env.RINGBACK_BENCH_EXPLAIN;
  if (!threshold) return;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const name = new URL(url).pathname.slice(1);
  await sql.unsafe(`alter database ${name} set session_preload_libraries = 'auto_explain'`);
  await sql.unsafe(`alter database ${name} set auto_explain.log_min_duration = ${Number(threshold)}`);
  await sql.unsafe(`alter database ${name} set auto_explain.log_analyze = on`);
  await sql.unsafe(`alter database ${name} set auto_explain.log_buffers = on`);
  await sql.end();
}

/** RINGBACK_BENCH_PROFILE_DIR: each runtime process writes a CPU profile there when it stops. */
function profiling(): { nodeArgs?: string[] } {
  const dir = process.env.RINGBACK_BENCH_PROFILE_DIR;
  return dir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] } : {};
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * callbacks/create on one runtime process of its own (engine off: booking alone), driven by
 * autocannon, beside a hello-world Hono route in a process of its own driven the same way.
 */
async function benchCreate(report: Report): Promise<void> {
  const connections = Number(process.env.RINGBACK_BENCH_CONNECTIONS ?? 64);
  const seconds = 10;
  const database = await freshDatabaseUrl('postgres');
  await explainSlowStatements(database.url);
  const node = await spawnRuntime(
    'bench-create',
    {
      DATABASE_URL: database.url,
      RINGBACK_ENGINE: 'off',
      RINGBACK_DEMO_API_KEY: apiKey,
      RINGBACK_ADMIN_PASSWORD: 'bench-password',
    },
    profiling(),
  );
  const hello = await helloWorldProcess();
  try {
    const api = await new ApiClient(node.baseUrl).login('admin', 'bench-password');
    const row = (await api.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ')).body;
    // Room for every immediate booking of the run.
    const saved = await api.put('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Sales_VQ', {
      ...row,
      maxQueuedCallbacks: 1_000_000, // the schema's bound
    });
    if (saved.status !== 200) throw new Error(`settings: ${JSON.stringify(saved.body)}`);
    let booked = 0;
    const create = (warm: boolean) =>
      hammer({
        url: `${node.baseUrl}/engagement/v3/callbacks/create`,
        method: 'POST',
        connections,
        seconds: warm ? 2 : seconds,
        headers: { 'x-api-key': apiKey },
        body: () => ({ serviceName: 'Sales_VQ', phoneNumber: numberOf(booked++) }),
      });
    await create(true);
    const created = await create(false);
    await hammer({ url: hello.url, connections, seconds: 2 });
    const helloRun = await hammer({ url: hello.url, connections, seconds });
    report.figure(
      `callbacks/create, immediate, PostgreSQL, one process, ${connections} connections: creates / s`,
      created.perSecond,
      { unit: '/s', target: '≥ 3,000/s', ok: created.perSecond >= 3000 },
    );
    report.figure('  p99 latency of the same', created.p99Ms, { unit: 'ms' });
    report.figure(
      '  baseline: hello-world Hono route, own process, same load: requests / s',
      helloRun.perSecond,
      {
        unit: '/s',
      },
    );
    report.ratio('  creates ÷ hello-world requests', created.perSecond / helloRun.perSecond);
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    const [stored] = await sql`select count(*)::int as n from callbacks where virtual_queue = 'Sales_VQ'`;
    await sql.end();
    if (stored?.n !== booked) throw new Error(`${booked} bookings answered 200 but ${stored?.n} are stored`);
  } finally {
    hello.close();
    await node.kill('SIGTERM');
    await database.drop();
  }
}

async function benchAvailability(report: Report): Promise<void> {
  const database = await freshDatabaseUrl('postgres');
  const started = await startRuntime({
    DATABASE_URL: database.url,
    RINGBACK_ENGINE: 'off',
    RINGBACK_DEMO_API_KEY: apiKey,
  });
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  try {
    // Availability: 10,000 scheduled bookings spread over the open slots of the next 30 days.
    const [{ tenant_id: tenantId } = { tenant_id: '' }] =
      await sql`select tenant_id from callback_settings where virtual_queue = 'Sales_VQ'`;
    const runtime = started.runtime;
    const config = await runtime.callbacks.queues.get(tenantId as string, 'Sales_VQ');
    const now = Date.now();
    const { slotsBetween } = await import('../runtime/callbacks/slots.ts');
    const open = (await slotsBetween(runtime.db, config, now, now + 30 * DAY)).filter((s) => s.total > 0);
    const starts = open.map((s) => s.startMs);
    await sql`insert into callbacks (id, tenant_id, virtual_queue, phone_number, state, origin, desired_time,
        slot_start, priority, user_data, details, created_at, updated_at, expires_at)
      select gen_random_uuid()::text, ${tenantId}, 'Sales_VQ', ${sql.unsafe(numberSql('(n + 500000)'))}, 'SCHEDULED',
        'scheduled', s.start, s.start, 1, '{}'::jsonb, '{}'::jsonb, ${now}::bigint, ${now}::bigint, s.start + ${14 * DAY}::bigint
      from generate_series(0, 9999) n
      cross join lateral (select (${starts}::bigint[])[1 + n % ${starts.length}] as start) s`;
    await sql`insert into slot_bookings (tenant_id, virtual_queue, slot_start, count)
      select tenant_id, virtual_queue, slot_start, count(*) from callbacks where state = 'SCHEDULED'
      group by 1, 2, 3 on conflict (tenant_id, virtual_queue, slot_start) do update set count = excluded.count`;
    const url = `${started.baseUrl}/engagement/v3/callbacks/availability/Sales_VQ?numberOfDays=30&maxTimeSlots=10000`;
    const latencies: number[] = [];
    let slotsShown = 0;
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      const response = await fetch(url, { headers: { 'x-api-key': apiKey } });
      const body = (await response.json()) as { data?: { slots: unknown[] } };
      if (i >= 20) latencies.push(performance.now() - t0);
      slotsShown = body.data?.slots.length ?? 0;
    }
    const inProcess: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      await slotsBetween(runtime.db, config, Date.now(), Date.now() + 30 * DAY);
      if (i >= 20) inProcess.push(performance.now() - t0);
    }
    report.figure(
      `availability, 30 days, capacity rule, 10,000 bookings (${slotsShown} slots): median`,
      median(latencies),
      { unit: 'ms', target: '< 5 ms', ok: median(latencies) < 5 },
    );
    report.figure('  p99 of the same', percentile(latencies, 99), { unit: 'ms' });
    report.figure('  without HTTP (slotsBetween in process): median', median(inProcess), { unit: 'ms' });
  } finally {
    await sql.end();
    await started.stop();
    await database.drop();
  }
}

/** Starts `processes` runtimes on one fresh database with Ready agents of short handle time. */
async function cluster(processes: number, env: Record<string, string>, agents: number) {
  const database = await freshDatabaseUrl('postgres');
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  await explainSlowStatements(database.url);
  const base = { DATABASE_URL: database.url, RINGBACK_DEMO_API_KEY: apiKey, LOG_LEVEL: 'warn', ...env };
  const options = profiling();
  const nodes: SpawnedRuntime[] = [await spawnRuntime('node-a', base, options)];
  // The examples may still be seeding after the process listens.
  await waitFor(
    async () => (await sql`select 1 from callback_settings where virtual_queue = 'Sales_VQ'`).length > 0,
    30_000,
  );
  await sql`update callback_settings set document = document || '{"purgeAtEndOfDay": false, "maxQueuedCallbacks": 1000000}'::jsonb
    where virtual_queue = 'Sales_VQ'`;
  if (process.env.RINGBACK_BENCH_NO_APP)
    await sql`update callback_settings set document = document || '{"callbackApplication": ""}'::jsonb`;
  const [{ tenant_id: tenantId } = { tenant_id: '' }] =
    await sql`select tenant_id from callback_settings where virtual_queue = 'Sales_VQ'`;
  // The seeded agents talk 240 s, and a callback is PROCESSING for its whole conversation: they
  // would hold the run's last callbacks for minutes. The bench's own agents take every call.
  await sql`update agents set state = 'LoggedOut' where id not like 'bench-%'`;
  await sql`insert into agents (tenant_id, id, name, skills, handle_time, state, updated_at)
    select ${tenantId}, 'bench-' || n, 'Bench agent ' || n, '{"Sales": 5}'::jsonb,
      '{"kind": "fixed", "seconds": 0.01}'::jsonb, 'Ready', ${Date.now()}::bigint
    from generate_series(1, ${agents}) n`;
  for (let i = 1; i < processes; i++) nodes.push(await spawnRuntime(`node-${'abc'[i]}`, base, options));
  return {
    sql,
    tenantId: tenantId as string,
    async stop() {
      await Promise.all(nodes.map((node) => node.kill('SIGTERM')));
      await sql.end();
      await database.drop();
    },
  };
}

async function benchDueToDial(report: Report): Promise<void> {
  const tickMs = 20;
  const { sql, tenantId, stop } = await cluster(
    1,
    { RINGBACK_SIM_DIAL_MS: '100', RINGBACK_ENGINE_TICK_MS: String(tickMs) },
    400,
  );
  try {
    // 1,000 scheduled callbacks falling due over 10 s (100 a second).
    const count = 1000;
    const start = Date.now() + 2000;
    await sql`insert into callbacks (id, tenant_id, virtual_queue, phone_number, state, origin, desired_time,
        priority, user_data, details, created_at, updated_at, expires_at)
      select gen_random_uuid()::text, ${tenantId}, 'Sales_VQ', ${sql.unsafe(numberSql('n'))}, 'SCHEDULED', 'scheduled',
        ${start}::bigint + n * 10, 1, '{}'::jsonb, '{}'::jsonb, ${Date.now()}::bigint, ${Date.now()}::bigint,
        ${start + 15 * DAY}::bigint
      from generate_series(0, ${count - 1}) n`;
    await waitFor(
      async () => Number((await sql`select count(*) as n from dial_attempts`)[0]?.n) >= count,
      60_000,
    );
    const rows =
      await sql`select d.started_at - c.desired_time as delay, c.desired_time as due from dial_attempts d
        join callbacks c on c.id = d.callback_id where d.attempt = 1 order by c.desired_time`;
    const delays = rows.map((r) => Number(r.delay));
    if (process.env.RINGBACK_BENCH_DUMP)
      writeFileSync(
        process.env.RINGBACK_BENCH_DUMP,
        rows.map((r) => `${Number(r.due) - start} ${r.delay}`).join('\n'),
      );
    report.figure(`due time → dial start, one process, tick ${tickMs} ms: p50`, median(delays), {
      unit: 'ms',
    });
    report.figure(`  p99 (${delays.length} callbacks, 100 falling due / s)`, percentile(delays, 99), {
      unit: 'ms',
      target: '< 100 ms',
      ok: percentile(delays, 99) < 100,
    });
  } finally {
    await stop();
  }
}

async function benchDispatch(report: Report): Promise<void> {
  const count = Number(process.env.RINGBACK_BENCH_DISPATCH ?? 20_000);
  const { sql, tenantId, stop } = await cluster(
    3,
    { RINGBACK_SIM_DIAL_MS: '0', RINGBACK_ENGINE_TICK_MS: '20' },
    400,
  );
  try {
    const now = Date.now();
    await sql`insert into callbacks (id, tenant_id, virtual_queue, phone_number, state, origin, desired_time,
        priority, user_data, details, queued_at, next_attempt_at, created_at, updated_at, expires_at)
      select gen_random_uuid()::text, ${tenantId}, 'Sales_VQ', ${sql.unsafe(numberSql('n'))}, 'QUEUED', 'immediate',
        ${now}::bigint, 1, '{}'::jsonb, '{}'::jsonb, ${now}::bigint + n, ${now}::bigint, ${now}::bigint,
        ${now}::bigint, ${now + 14 * DAY}::bigint
      from generate_series(0, ${count - 1}) n`;
    const t0 = Date.now();
    const finished = await waitFor(
      async () =>
        Number((await sql`select count(*) as n from callbacks where state = 'COMPLETED'`)[0]?.n) >= count,
      300_000,
    );
    const seconds = (Date.now() - t0) / 1000;
    const [dials] =
      await sql`select count(*)::int as n, count(distinct (callback_id, attempt))::int as distinct_n,
      count(distinct callback_id)::int as callbacks from dial_attempts`;
    const [twice] = await sql`select count(*)::int as n from (select callback_id from callback_audit
      where to_state = 'COMPLETED' group by 1 having count(*) > 1) t`;
    const clean = dials?.n === dials?.distinct_n && dials?.n === count && twice?.n === 0;
    report.figure(
      `dispatch, 3 processes, ${count} callbacks to COMPLETED${finished ? '' : ' (timed out)'}: callbacks / s`,
      count / seconds,
      { unit: '/s', target: '≥ 2,000/s', ok: finished && count / seconds >= 2000 },
    );
    report.figure(
      `  dials ${dials?.n}, one per callback, none completed twice: ${clean ? 'yes' : 'NO'}`,
      seconds,
      {
        unit: 's',
        ok: clean,
      },
    );
  } finally {
    await stop();
  }
}

export async function benchCallbacks(report: Report): Promise<void> {
  if (!process.env.DATABASE_URL?.startsWith('postgres')) {
    console.log('callbacks: skipped, set DATABASE_URL to a PostgreSQL server');
    return;
  }
  // The spawned processes run what `npm start` runs: the bundle, built when a source is newer.
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-runtime.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
  const only = process.env.RINGBACK_BENCH_ONLY;
  if (!only || only === 'create') await benchCreate(report);
  if (!only || only === 'availability') await benchAvailability(report);
  if (!only || only === 'due') await benchDueToDial(report);
  if (!only || only === 'dispatch') await benchDispatch(report);
}
