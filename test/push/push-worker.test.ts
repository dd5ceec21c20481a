import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../runtime/db/migrate.ts';
import { now, type Sales, startSales } from '../ges/support.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { eventually } from '../support/google-fakes.ts';
import { fakesAndEnv, type GoogleFakes, outbox, registerPush, serviceAccount } from './support.ts';

let ctx: Sales;
let fakes: GoogleFakes;
let privateKey: string;

beforeAll(async () => {
  const setup = await fakesAndEnv();
  fakes = setup.fakes;
  privateKey = setup.account.privateKey;
  ctx = await startSales(setup.env);
}, 180_000);
afterAll(async () => {
  await ctx?.started.stop();
  await fakes?.close();
});

async function enqueue(target: string, event = 'CALLBACK_UPCOMING', on: Sales = ctx) {
  const at = await now(on);
  await on.started.runtime.db.execute(sql`
    insert into push_outbox (tenant_id, callback_id, channel, target, event, payload, state, attempts, next_attempt_at, created_at)
    select id, null, 'FCM', ${target}, ${event}, ${JSON.stringify({ event, callbackId: 'cb-1' })}::jsonb, 'PENDING', 0, ${at}::bigint, ${at}::bigint
    from tenants limit 1`);
}
const rowFor = async (target: string) => (await outbox(ctx)).filter((r) => r.target === target);
const kick = () => ctx.started.runtime.push.worker.kick();

describe('push credentials', () => {
  it('stores the service account encrypted, shows it masked, and keeps a secret left out of an update', async () => {
    const view = await registerPush(ctx, privateKey);
    expect(view).toMatchObject({
      projectId: 'ringback-test',
      appId: '1:1234567890:web:abcdef',
      senderId: '1234567890',
    });
    expect(view.clientEmail).toMatch(/^fire•+\.com$/);
    expect(JSON.stringify(view)).not.toContain(privateKey.slice(40, 80));
    const [{ secret }] = rows<{ secret: string }>(
      await ctx.started.runtime.db.execute(sql`select secret from developer_credentials where kind = 'push'`),
    ) as [{ secret: string }];
    expect(secret).toMatch(/^v1\./);
    expect(secret).not.toContain('BEGIN PRIVATE KEY');
    expect(secret).not.toContain('firebase-adminsdk');
    const updated = await ctx.api.put('/api/v1/developer/credentials/push', {
      projectId: 'ringback-test',
      clientEmail: 'firebase-adminsdk-test@ringback-test.iam.gserviceaccount.com',
    });
    expect(updated.status).toBe(200);
    const tested = await ctx.api.post('/api/v1/developer/credentials/push/test', {});
    expect(tested.body).toMatchObject({ ok: true, step: 'oauth' });
    const sent = await ctx.api.post('/api/v1/developer/credentials/push/test', { target: 'web-test-token' });
    expect(sent.body).toMatchObject({ ok: true, step: 'send' });
    expect(fakes.messages.at(-1)).toMatchObject({
      token: 'web-test-token',
      validateOnly: true,
      project: 'ringback-test',
    });
  });

  it('reports a key Google refuses, without storing anything else', async () => {
    const other = await serviceAccount();
    await registerPush(ctx, other.privateKey);
    const tested = await ctx.api.post('/api/v1/developer/credentials/push/test', {});
    expect(tested.body).toMatchObject({
      ok: false,
      step: 'oauth',
      message: expect.stringContaining('invalid_grant'),
    });
    expect(fakes.tokenRefusals.at(-1)).toContain('Invalid JWT Signature');
    await registerPush(ctx, privateKey);
  });
});

describe('the push outbox', () => {
  it('sends each row as an FCM v1 message with one cached OAuth token', async () => {
    const before = fakes.tokenRequests;
    for (const target of ['tok-a', 'tok-b', 'tok-c']) await enqueue(target);
    await kick();
    await eventually(async () => (await rowFor('tok-c'))[0]?.state === 'SENT');
    for (const target of ['tok-a', 'tok-b', 'tok-c']) {
      expect(fakes.messages.find((m) => m.token === target)).toMatchObject({
        project: 'ringback-test',
        data: { event: 'CALLBACK_UPCOMING', callbackId: 'cb-1' },
        validateOnly: false,
      });
      expect((await rowFor(target))[0]).toMatchObject({ state: 'SENT', attempts: 1, payload: {} });
    }
    expect(fakes.tokenRequests - before).toBeLessThanOrEqual(1);
  });

  it('retries 503 with exponential back-off and 429 after its Retry-After', async () => {
    fakes.script('tok-503', ['unavailable', 'unavailable', 'ok']);
    fakes.script('tok-429', ['quota', 'ok']);
    await enqueue('tok-503');
    await enqueue('tok-429');
    const at = await now(ctx);
    await kick();
    let [row] = await rowFor('tok-503');
    expect(row).toMatchObject({
      state: 'PENDING',
      attempts: 1,
      last_error: expect.stringContaining('503 UNAVAILABLE'),
    });
    expect(Number(row!.next_attempt_at)).toBe(at + 1000);
    const [quota] = await rowFor('tok-429');
    expect(quota).toMatchObject({
      state: 'PENDING',
      last_error: expect.stringContaining('429 QUOTA_EXCEEDED'),
    });
    expect(Number(quota!.next_attempt_at)).toBe(at + 30_000);
    await ctx.advance(1);
    await kick();
    [row] = await rowFor('tok-503');
    expect(row).toMatchObject({ state: 'PENDING', attempts: 2 });
    expect(Number(row!.next_attempt_at)).toBe(at + 1000 + 2000);
    await ctx.advance(2);
    await kick();
    await eventually(async () => (await rowFor('tok-503'))[0]?.state === 'SENT');
    expect((await rowFor('tok-429'))[0]?.state).toBe('PENDING');
    await ctx.advance(30);
    await kick();
    await eventually(async () => (await rowFor('tok-429'))[0]?.state === 'SENT');
    expect(fakes.attempts.get('tok-503')).toBe(3);
    expect(fakes.attempts.get('tok-429')).toBe(2);
  });

  it('stops sending to a token FCM reports UNREGISTERED, and fails a refused message without retrying', async () => {
    fakes.script('tok-gone', ['unregistered']);
    await enqueue('tok-gone', 'CALLBACK_READY');
    await enqueue('tok-gone', 'CALLBACK_UPCOMING');
    await kick();
    await eventually(async () => (await rowFor('tok-gone')).every((r) => r.state === 'DROPPED'));
    expect(fakes.attempts.get('tok-gone')).toBe(1);
    await enqueue('tok-gone', 'CALLBACK_PURGED');
    await kick();
    await eventually(async () => (await rowFor('tok-gone')).every((r) => r.state === 'DROPPED'));
    expect(fakes.attempts.get('tok-gone')).toBe(1);
    expect((await rowFor('tok-gone')).at(-1)?.last_error).toContain('UNREGISTERED');

    fakes.script('tok-bad', ['invalid']);
    await enqueue('tok-bad');
    await kick();
    await eventually(async () => (await rowFor('tok-bad'))[0]?.state === 'FAILED');
    await enqueue('tok-bad');
    await kick();
    await eventually(async () => (await rowFor('tok-bad'))[1]?.state === 'SENT');
  });

  it('drops rows of a tenant without push credentials', async () => {
    expect((await ctx.api.delete('/api/v1/developer/credentials/push')).status).toBe(204);
    expect((await ctx.api.get('/api/v1/developer/credentials/push')).status).toBe(404);
    await enqueue('tok-none');
    await kick();
    await eventually(async () => (await rowFor('tok-none'))[0]?.state === 'DROPPED');
    expect((await rowFor('tok-none'))[0]?.last_error).toContain('NO_PUSH_CREDENTIALS');
    await registerPush(ctx, privateKey);
  });
});

describe('the push outbox across a restart', () => {
  it('sends after a restart what was written before it, with credentials sealed by the key file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ringback-push-'));
    const database = testDatabaseKind === 'postgres' ? await freshDatabaseUrl() : undefined;
    const env = {
      RINGBACK_DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      RINGBACK_FCM_SEND_URL: fakes.baseUrl,
      RINGBACK_GOOGLE_TOKEN_URL: fakes.tokenUrl,
    };
    try {
      const first = await startSales(env);
      await registerPush(first, privateKey);
      await enqueue('tok-restart', 'CALLBACK_READY', first);
      await first.started.stop();
      expect(fakes.attempts.get('tok-restart')).toBeUndefined();

      const second = await startSales(env);
      await second.advance(1);
      await eventually(() => fakes.messages.some((m) => m.token === 'tok-restart'));
      await second.started.stop();
    } finally {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
