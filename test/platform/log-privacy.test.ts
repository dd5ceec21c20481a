/**
 * Failures are logged with ids and codes only. Requests carrying known secrets and personal data
 * are run into real database failures (tables dropped in a throwaway database, a trigger that
 * refuses the seeding insert), and everything the process wrote to its log is searched for them.
 */
import { formatWithOptions } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenHash } from '../../runtime/auth/tokens.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/spawn-runtime.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

const adminPassword = 'Adm1n-Secret-Passw0rd';
const apiKey = 'rbk_secret_key_never_logged_0001';
/** A guessed key: not remembered by the key cache, so it reaches the (dropped) table. */
const guessedKey = 'rbk_guessed_key_never_logged_02';
const personal = {
  username: 'jane.doe@example.com',
  password: 'Jane-Secret-Passw0rd',
  phoneNumber: '+14155559876',
  ssn: '078-05-1120',
};
/** What must never appear in a log line. */
const secrets = [
  adminPassword,
  apiKey,
  tokenHash(apiKey),
  guessedKey,
  tokenHash(guessedKey),
  ...Object.values(personal),
  '4155559876',
  'scrypt$',
];

function leaks(log: string): string[] {
  return secrets.filter((secret) => log.includes(secret));
}

describe('a request that fails in the database', () => {
  let started: StartedRuntime;
  const logged: string[] = [];
  const captured = (...args: unknown[]) => void logged.push(formatWithOptions({ colors: false }, ...args));

  beforeAll(async () => {
    started = await startRuntime({
      RINGBACK_ADMIN_PASSWORD: adminPassword,
      RINGBACK_DEMO_API_KEY: apiKey,
      RINGBACK_ENGINE: 'off',
    });
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(captured);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await started?.stop();
  });

  const ges = (path: string, body: unknown, key = apiKey) =>
    fetch(`${started.baseUrl}/engagement/v3${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(body),
    });

  it('logs the corrId and the SQLSTATE, never the phone number, user data, password or key', async () => {
    const db = started.runtime.db;
    await db.execute(sql`drop table callbacks cascade`);
    const booking = await ges('/callbacks/create', {
      serviceName: 'Sales_VQ',
      phoneNumber: personal.phoneNumber,
      userData: { ssn: personal.ssn, name: personal.username },
    });
    expect(booking.status, await booking.clone().text()).toBe(500);
    const { status } = (await booking.json()) as { status: { corrId: string } };

    await db.execute(sql`drop table users cascade`);
    const login = await fetch(`${started.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: personal.username, password: personal.password }),
    });
    expect(login.status).toBe(500);

    await db.execute(sql`drop table api_keys cascade`);
    expect((await ges('/callbacks/retrieve', { id: 'x' }, guessedKey)).status).toBe(500);

    const log = logged.join('\n');
    expect(log).toContain(status.corrId);
    expect(log).toMatch(/code 42P01/); // undefined_table: the code is what the log keeps
    expect(leaks(log)).toEqual([]);
  });
});

describe.skipIf(testDatabaseKind !== 'postgres')('a seeding that fails', () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let node: SpawnedRuntime | undefined;
  afterAll(async () => {
    await node?.kill('SIGKILL');
    await database?.drop();
  });

  it('logs "Seeding failed" with codes, never the administrator password or its hash', async () => {
    database = await freshDatabaseUrl('postgres');
    // Migrate first (a process that does nothing else), then make the users insert fail.
    const env = {
      DATABASE_URL: database.url,
      RINGBACK_ENGINE: 'off',
      RINGBACK_ADMIN_PASSWORD: adminPassword,
      RINGBACK_DEMO_API_KEY: apiKey,
      LOG_LEVEL: 'debug',
    };
    const first = await spawnRuntime('seed-once', env);
    await first.kill('SIGTERM');
    const client = postgres(database.url, { max: 1, onnotice: () => {} });
    await client`delete from users`;
    await client.unsafe(`create function refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$;
      create trigger refuse_users before insert on users for each row execute function refuse()`);
    await client.end();
    const failed = spawnRuntime('seed-fails', env);
    await expect(failed).rejects.toThrow(/exited \(2\)/);
    const output = String(await failed.catch((error: Error) => error.message));
    expect(output).toMatch(/Seeding failed.*code P0001/);
    expect(leaks(output)).toEqual([]);
  }, 120_000);
});
