/**
 * Every route in /openapi.json, attacked: hostile variants derived from the route's parameters
 * and its body's JSON Schema (see test/support/hostile-variants.ts) are sent over HTTP to a real
 * runtime. None may answer 5xx; every refusal has the error shape of its API (problem+json on
 * /api/v1, the GES envelope on /engagement/v3) and leaves every table as it was.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../../runtime/db/migrate.ts';
import catalogue from '../../schemas/error-catalogue.json' with { type: 'json' };
import { ApiClient } from '../support/client.ts';
import {
  type HostileRequest,
  hostileRequests,
  type Operation,
  operationsOf,
} from '../support/hostile-variants.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

/** Change it to draw other variants; a failure's message names the seed it came from. */
const seed = Number(process.env.HOSTILE_SEED ?? 20261201);
const maxBodyBytes = 65_536;
/** The run stops sending after this long (a loaded CI machine); every route is reached well before. */
const budgetMs = Number(process.env.HOSTILE_BUDGET_MS ?? 55_000);
/** Written on purpose by refused requests (the error log, sessions, throttles) or by time. */
const volatileTables = new Set([
  'api_errors',
  'auth_tokens',
  'ringback_migrations',
  'runtime_nodes',
  'auth_throttle',
  'auth_lockouts',
]);
const codes = new Set(catalogue.errors.map((e) => e.code));

let started: StartedRuntime;
let api: ApiClient;
const known: Record<string, string> = {};

beforeAll(async () => {
  // Tuesday 10:00 in Los Angeles: the seeded IVR and queues are open. No engine: nothing else writes.
  started = await startRuntime({
    RINGBACK_MAX_BODY_BYTES: String(maxBodyBytes),
    RINGBACK_CLOCK: 'virtual',
    RINGBACK_CLOCK_START: '2026-11-24T18:00:00Z',
    RINGBACK_ENGINE: 'off',
  });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
  const call = await api.post('/api/v1/test-calls', { dnis: '+18005550100', ani: '+14155550123' });
  known.testCall = call.body.id;
  const created = await api.request(
    'POST',
    '/engagement/v3/callbacks/create',
    { serviceName: 'Sales_VQ', phoneNumber: '+14155550177', desiredTime: '2026-11-25T17:00:00.000Z' },
    { 'x-api-key': started.apiKey },
  );
  known.callback = created.body.data.id;
  known.agent =
    (await api.get('/api/v1/agents')).body.items?.[0]?.id ?? (await api.get('/api/v1/agents')).body[0]?.id;
  known.businessHours = (await api.get('/api/v1/business-hours')).body.items?.[0]?.name ?? 'missing';
  expect(known.testCall && known.callback).toBeTruthy();
}, 120_000);
afterAll(() => started?.stop());

function realistic(operation: Operation, parameter: string): string {
  if (operation.method === 'DELETE') return 'fuzz-missing';
  const { path } = operation;
  if (path.startsWith('/api/v1/test-calls')) return parameter === 'id' ? known.testCall! : 'choice';
  if (path.startsWith('/api/v1/callbacks')) return known.callback!;
  if (path.startsWith('/api/v1/agents')) return known.agent ?? 'agent-1';
  if (path.startsWith('/api/v1/business-hours')) return known.businessHours!;
  if (path.startsWith('/api/v1/capacity-rules')) return 'March';
  if (path.startsWith('/api/v1/number-validation-rules')) return 'North-America';
  const byName: Record<string, string> = {
    id: 'inbound-ivr',
    version: '1',
    dnis: '+18005550100',
    number: '+14155550100',
    virtualQueue: 'Sales_VQ',
    serviceName: 'Sales_VQ',
    queueName: 'Sales_VQ',
    username: 'fuzz-missing',
    name: 'fuzz-rule',
  };
  return byName[parameter] ?? 'x';
}

let digestQuery: string | undefined;
let lastLsn: string | undefined;
let lastDigest: string | undefined;

/**
 * Per table, its row count and the sum of its rows' `xmin` (the id of the transaction that wrote
 * each row version): an insert, update or delete that committed changes it; a rolled-back one
 * leaves no trace. Far cheaper than hashing every row's text.
 */
async function fingerprint(): Promise<string> {
  const db = started.runtime.db;
  // Nothing was written since the last look when the write-ahead log has not moved.
  const [position] = rows<{ lsn: string }>(await db.execute(sql`select pg_current_wal_lsn()::text as lsn`));
  if (position!.lsn === lastLsn && lastDigest) return lastDigest;
  lastLsn = position!.lsn;
  if (!digestQuery) {
    const tables = rows<{ name: string }>(
      await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`),
    )
      .map((r) => r.name)
      .filter((name) => !volatileTables.has(name));
    const digests = tables.map(
      (t) => `(select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from "${t}")`,
    );
    digestQuery = `select concat_ws(',', ${digests.join(', ')}) as digest`;
  }
  const [row] = rows<{ digest: string }>(await db.execute(sql.raw(digestQuery)));
  lastDigest = row!.digest;
  return lastDigest;
}

async function send(request: HostileRequest): Promise<{ status: number; contentType: string; body: any }> {
  const headers: Record<string, string> = {};
  if (request.operation.startsWith('/engagement/v3')) headers['x-api-key'] = started.apiKey;
  else if (request.operation === '/api/v1/auth/logout') {
    // Signing out ends the session it is sent with: each variant brings a session of its own.
    headers.authorization = `Bearer ${(await new ApiClient(started.baseUrl).login('admin', started.adminPassword)).token}`;
  } else headers.authorization = `Bearer ${api.token}`;
  if (request.contentType) headers['content-type'] = request.contentType;
  const hasBody = request.body !== undefined && request.method !== 'GET';
  const response = await fetch(started.baseUrl + request.url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: request.body } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: checked below where JSON is required
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
}

/** Why a refusal does not have its API's error shape, or undefined when it does. */
function shapeProblem(request: HostileRequest, reply: { status: number; contentType: string; body: any }) {
  const { status, body } = reply;
  if (request.operation.startsWith('/engagement/v3')) {
    const ok =
      body?.status?.code === status &&
      typeof body.status.message === 'string' &&
      typeof body.status.corrId === 'string' &&
      codes.has(body.data?.code);
    return ok ? undefined : 'not the GES envelope';
  }
  if (!reply.contentType.includes('application/problem+json')) return `content-type ${reply.contentType}`;
  if (body?.status !== status || !codes.has(body.code) || typeof body.corrId !== 'string')
    return 'not problem+json';
  if (body.code === 'VALIDATION_FAILED') {
    const fields = body.errors;
    const named =
      Array.isArray(fields) &&
      fields.length > 0 &&
      fields.every((f: any) => typeof f.pointer === 'string' && typeof f.message === 'string');
    if (!named) return 'VALIDATION_FAILED without the failing fields';
  }
  return undefined;
}

it('answers every hostile variant of every route with a 4xx of the right shape and no partial write', async () => {
  const openApi = (await api.get('/openapi.json')).body;
  const operations = operationsOf(openApi);
  const failures: string[] = [];
  // Round robin over the operations (the i-th variant of each, then the next), so that when the
  // time budget of a loaded machine ends the run early, every route has had its share.
  const perOperation = operations.map((operation) =>
    hostileRequests(operation, { seed, bodies: 10, realistic, maxBodyBytes }),
  );
  const rounds = Math.max(...perOperation.map((list) => list.length));
  const queue = Array.from({ length: rounds }, (_, round) =>
    perOperation.flatMap((list) => list[round] ?? []),
  );
  const covered = new Set<string>();
  let sent = 0;
  let serverErrors = 0;
  const began = performance.now();
  let before = await fingerprint();
  for (const request of queue.flat()) {
    if (performance.now() - began > budgetMs) break;
    const reply = await send(request);
    sent++;
    covered.add(`${request.method} ${request.operation}`);
    const where = `${request.method} ${request.url.slice(0, 120)} [${request.label}]`;
    if (reply.status >= 500) {
      serverErrors++;
      failures.push(`${where}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
      continue;
    }
    const after = await fingerprint();
    if (reply.status >= 400) {
      const problem = shapeProblem(request, reply);
      if (problem)
        failures.push(`${where}: ${reply.status} ${problem}: ${JSON.stringify(reply.body).slice(0, 200)}`);
      if (after !== before) failures.push(`${where}: refused with ${reply.status} but wrote`);
    }
    before = after;
  }
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  const total = queue.flat().length;
  const routes = operations.filter((o) => covered.has(`${o.method} ${o.path}`)).length;
  console.log(
    `hostile variants: ${sent} of ${total} sent to ${routes} of ${operations.length} routes in ${seconds} s (seed ${seed}); 5xx: ${serverErrors}`,
  );
  expect(failures, `seed ${seed}`).toEqual([]);
  expect(routes).toBe(operations.length);
}, 300_000);
