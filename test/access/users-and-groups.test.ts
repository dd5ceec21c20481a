/**
 * Users and access groups: the users API of api.md, roles as own ∪ groups', the predefined
 * groups on every tenant (seeded idempotently, also by concurrent starts), and the rule that a
 * user outside every group does not reach the Callback UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePredefinedGroups } from '../../runtime/access/predefined-groups.ts';
import { accessGroups } from '../../runtime/db/schema.ts';
import { ApiClient } from '../support/client.ts';
import { freshDatabaseUrl, testDatabaseKind } from '../support/database.ts';
import { type StartedRuntime, startRuntime } from '../support/start-runtime.ts';

let started: StartedRuntime;
let api: ApiClient;
beforeAll(async () => {
  started = await startRuntime({ RINGBACK_SEED_EXAMPLES: 'false' });
  api = await new ApiClient(started.baseUrl).login('admin', started.adminPassword);
});
afterAll(() => started?.stop());

const unknownId = '00000000-0000-4000-8000-000000000000';
const signIn = (username: string, password: string) =>
  new ApiClient(started.baseUrl).login(username, password);

describe('access groups', () => {
  it('has the guide’s predefined groups with their default roles, the admin among Administrators', async () => {
    const reply = await api.get('/api/v1/access-groups');
    expect(reply.status).toBe(200);
    const byName = Object.fromEntries(
      reply.body.items.map((g: { name: string; roles: string[]; predefined: boolean }) => [g.name, g]),
    );
    expect(byName.Administrators).toMatchObject({
      roles: ['callbackAdministrator'],
      predefined: true,
      members: ['admin'],
    });
    expect(byName.Supervisors.roles).toEqual(['callbackSupervisor']);
    expect(byName.Managers.roles).toEqual(['callbackMonitor']);
    expect(byName.Agents.roles).toEqual([]);
    expect(byName['Callback Developers'].roles).toEqual(['callbackDeveloper']);
  });

  it('seeds the predefined groups once however many processes start together, keeping changed roles', async () => {
    expect((await api.put('/api/v1/access-groups/Agents', { roles: ['callbackMonitor'] })).status).toBe(200);
    const { db } = started.runtime;
    await Promise.all(Array.from({ length: 6 }, () => ensurePredefinedGroups(db, 'default')));
    const rows = await db.select().from(accessGroups);
    expect(rows.filter((r) => r.predefined)).toHaveLength(5);
    expect(rows.find((r) => r.name === 'Agents')?.roles).toEqual(['callbackMonitor']);
    expect((await api.put('/api/v1/access-groups/Agents', { roles: [] })).status).toBe(200);
  });

  it.runIf(testDatabaseKind === 'postgres')(
    'seeds groups and the admin’s membership once when two runtimes start on one new database together',
    async () => {
      const database = await freshDatabaseUrl();
      try {
        const env = { DATABASE_URL: database.url, RINGBACK_SEED_EXAMPLES: 'false' };
        const started = await Promise.allSettled([startRuntime(env), startRuntime(env)]);
        const both = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
        try {
          expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
            'started',
            'started',
          ]);
        } finally {
          if (both.length < 2) for (const runtime of both) await runtime.stop();
        }
        const admin = await new ApiClient(both[0]!.baseUrl).login('admin', both[0]!.adminPassword);
        const groups = (await admin.get('/api/v1/access-groups')).body.items;
        expect(groups.map((g: { name: string }) => g.name)).toEqual([
          'Administrators',
          'Agents',
          'Callback Developers',
          'Managers',
          'Supervisors',
        ]);
        expect(groups[0].members).toEqual(['admin']);
        for (const runtime of both) await runtime.stop();
      } finally {
        await database.drop();
      }
    },
    120_000,
  );

  it('refuses to delete a predefined group or one that still reads a queue folder', async () => {
    expect((await api.delete('/api/v1/access-groups/Managers')).body.code).toBe('IN_USE');
    expect((await api.put('/api/v1/access-groups/Billing', { roles: [] })).status).toBe(201);
    await api.put('/api/v1/queue-folders/Billing line', { read: ['Billing'], propagate: true });
    const inUse = await api.delete('/api/v1/access-groups/Billing');
    expect(inUse.status).toBe(409);
    expect(inUse.body.detail).toContain('folder Billing line');
    await api.put('/api/v1/queue-folders/Billing line', { read: [], propagate: true });
    expect((await api.delete('/api/v1/access-groups/Billing')).status).toBe(204);
  });
});

describe('users', () => {
  it('creates a user with the members of api.md and never shows the password', async () => {
    const created = await api.post('/api/v1/users', {
      username: 'mona',
      password: 'mona-password',
      displayName: 'Mona Lisa',
      roles: [],
      accessGroups: ['Managers'],
      language: 'fr',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      username: 'mona',
      displayName: 'Mona Lisa',
      roles: [],
      accessGroups: ['Managers'],
      language: 'fr',
      effectiveRoles: ['callbackMonitor'],
    });
    const listed = await api.get('/api/v1/users');
    expect(JSON.stringify(listed.body)).not.toMatch(/password|scrypt/);
    const mona = await signIn('mona', 'mona-password');
    const me = await mona.get('/api/v1/auth/me');
    expect(me.body).toEqual({
      username: 'mona',
      displayName: 'Mona Lisa',
      roles: ['callbackMonitor'],
      accessGroups: ['Managers'],
      language: 'fr',
    });
    expect((await mona.get('/api/v1/callbacks')).status).toBe(200);
    expect((await mona.post('/api/v1/callbacks', {})).status).toBe(403);
  });

  it('gives a user its own roles plus its groups’, the most permissive opening the route', async () => {
    await api.post('/api/v1/users', {
      username: 'sam',
      password: 'sam-password',
      roles: ['callbackMonitor'],
      accessGroups: ['Agents'],
    });
    const sam = await signIn('sam', 'sam-password');
    expect((await sam.post('/api/v1/callbacks/bulk-cancel', { ids: [unknownId] })).status).toBe(403);
    const changed = await api.put('/api/v1/users/sam', { accessGroups: ['Agents', 'Supervisors'] });
    expect(changed.body.effectiveRoles.sort()).toEqual(['callbackMonitor', 'callbackSupervisor']);
    expect((await sam.post('/api/v1/callbacks/bulk-cancel', { ids: [unknownId] })).status).toBe(200);
  });

  it('keeps a user in no access group out of the Callback routes but not out of the Designer', async () => {
    await api.post('/api/v1/users', {
      username: 'lone',
      password: 'lone-password',
      roles: ['callbackAdministrator', 'businessUser'],
      accessGroups: [],
    });
    const lone = await signIn('lone', 'lone-password');
    expect((await lone.get('/api/v1/auth/me')).body.roles).toEqual(['businessUser']);
    expect((await lone.get('/api/v1/callbacks')).status).toBe(403);
    expect((await lone.get('/api/v1/applications')).status).toBe(200);
  });

  it('puts a user created without naming groups in Agents', async () => {
    const created = await api.post('/api/v1/users', {
      username: 'ada',
      password: 'ada-password',
      roles: ['callbackMonitor'],
    });
    expect(created.body.accessGroups).toEqual(['Agents']);
    expect(created.body.effectiveRoles).toEqual(['callbackMonitor']);
  });

  it('resets a password, signing the user out everywhere', async () => {
    await api.post('/api/v1/users', { username: 'reset', password: 'old-password', roles: ['businessUser'] });
    const before = await signIn('reset', 'old-password');
    const reply = await api.put('/api/v1/users/reset', { password: 'new-password' });
    expect(reply.status).toBe(200);
    expect((await before.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (
        await new ApiClient(started.baseUrl).request('POST', '/api/v1/auth/login', {
          username: 'reset',
          password: 'old-password',
        })
      ).status,
    ).toBe(401);
    expect((await (await signIn('reset', 'new-password')).get('/api/v1/auth/me')).status).toBe(200);
  });

  it('lets anyone set their own language but not their roles', async () => {
    const sam = await signIn('sam', 'sam-password');
    const reply = await sam.put('/api/v1/auth/me', { language: 'fr' });
    expect(reply.status).toBe(200);
    expect(reply.body.language).toBe('fr');
    expect((await sam.put('/api/v1/auth/me', { roles: ['administrator'] })).status).toBe(400);
    expect((await sam.put('/api/v1/users/sam', { roles: ['administrator'] })).status).toBe(403);
  });

  it('keeps the administrator from removing its own administrator role', async () => {
    const reply = await api.put('/api/v1/users/admin', { roles: ['callbackAdministrator'] });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('IN_USE');
  });

  it('refuses unknown groups naming each, a username that differs from the path, and unknown users', async () => {
    const bad = await api.put('/api/v1/users/sam', { accessGroups: ['Agents', 'Nobody'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ pointer: '/accessGroups/1', message: 'no access group Nobody' }]);
    expect((await api.put('/api/v1/users/sam', { username: 'other' })).status).toBe(400);
    expect((await api.get('/api/v1/users/nobody')).status).toBe(404);
    expect(
      (await api.post('/api/v1/users', { username: 'sam', password: 'sam-password', roles: [] })).status,
    ).toBe(409);
  });
});
