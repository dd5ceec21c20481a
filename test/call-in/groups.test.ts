import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sales, startSales } from '../ges/support.ts';
import { ApiClient } from '../support/client.ts';
import { putGroup } from './support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
}, 180_000);
afterAll(() => ctx?.started.stop());

const csv = (name: string, text: string) =>
  ctx.api.request('POST', `/api/v1/call-in-groups/${encodeURIComponent(name)}/numbers.csv`, text, {
    'content-type': 'text/csv',
  });

describe('Click-To-Call-In groups', () => {
  it('creates a group with the guide defaults, reads it back, and keeps its name', async () => {
    const created = await ctx.api.put('/api/v1/call-in-groups/Mobile%20App%20(US)', {
      numbers: [{ number: '18005550401', description: 'main' }, { number: '+18005550402' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      name: 'Mobile App (US)',
      numbers: [
        { number: '+18005550401', description: 'main' },
        { number: '+18005550402', description: '' },
      ],
      accessCode: { enabled: false, length: 6 },
      expirySeconds: 30,
      uniqueDnis: false,
    });
    const renamed = await ctx.api.put('/api/v1/call-in-groups/Mobile%20App%20(US)', {
      name: 'Other',
      numbers: [{ number: '+18005550401' }],
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors).toEqual([
      { pointer: '/name', message: expect.stringContaining('cannot change') },
    ]);
    const updated = await ctx.api.put('/api/v1/call-in-groups/Mobile%20App%20(US)', {
      name: 'Mobile App (US)',
      numbers: [{ number: '+18005550401' }],
      accessCode: { enabled: true, length: 8 },
      expirySeconds: 120,
      uniqueDnis: true,
    });
    expect(updated.status).toBe(200);
    const listed = await ctx.api.get('/api/v1/call-in-groups');
    expect(listed.body.items).toContainEqual({
      name: 'Mobile App (US)',
      numberCount: 1,
      accessCode: { enabled: true, length: 8 },
      expirySeconds: 120,
      uniqueDnis: true,
    });
  });

  it('refuses every out-of-limit field at once and writes nothing', async () => {
    const reply = await ctx.api.put('/api/v1/call-in-groups/Limits', {
      numbers: [
        { number: '+1800555040100000', description: 'x'.repeat(33) },
        { number: 'call me' },
        { number: '+18005550401' },
        { number: '18005550401' },
      ],
      accessCode: { enabled: true, length: 3 },
      expirySeconds: 1801,
    });
    expect(reply.status).toBe(400);
    const pointers = reply.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/numbers/0/number',
        '/numbers/0/description',
        '/numbers/1/number',
        '/accessCode/length',
        '/expirySeconds',
      ]),
    );
    expect((await ctx.api.get('/api/v1/call-in-groups/Limits')).status).toBe(404);
    const duplicate = await ctx.api.put('/api/v1/call-in-groups/Limits', {
      numbers: [{ number: '+18005550401' }, { number: '18005550401' }],
    });
    expect(duplicate.body.errors).toEqual([
      { pointer: '/numbers/1/number', message: expect.stringContaining('duplicates') },
    ]);
    for (const [body, pointer] of [
      [{ numbers: [] }, '/numbers'],
      [{ numbers: [{ number: '+18005550401' }], expirySeconds: 9 }, '/expirySeconds'],
      [{ numbers: [{ number: '+18005550401' }], accessCode: { length: 13 } }, '/accessCode/length'],
    ] as const) {
      const refused = await ctx.api.put('/api/v1/call-in-groups/Limits', body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    const many = Array.from({ length: 10_001 }, (_, i) => ({ number: `+1800${String(i).padStart(7, '0')}` }));
    const tooMany = await ctx.api.put('/api/v1/call-in-groups/Limits', { numbers: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/numbers');
    const max = await ctx.api.put('/api/v1/call-in-groups/Large', { numbers: many.slice(0, 10_000) });
    expect(max.status).toBe(201);
    expect(max.body.numbers).toHaveLength(10_000);
  });

  it('bulk-imports a pool from CSV, and reports every bad row at once without importing', async () => {
    await putGroup(ctx, 'Csv', { numbers: [{ number: '+18005550499' }] });
    const bad = await csv(
      'Csv',
      'number,description\n+18005550410,front desk\n555-CALL,\n+18005550411,,extra\n+18005550412,' +
        `${'d'.repeat(33)}\n+18005550410,again\n`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors).toEqual([
      { pointer: '/lines/3/number', message: expect.any(String) },
      { pointer: '/lines/4', message: expect.stringContaining('3 columns') },
      { pointer: '/lines/5/description', message: expect.any(String) },
      { pointer: '/lines/6/number', message: expect.stringContaining('duplicates') },
    ]);
    expect((await ctx.api.get('/api/v1/call-in-groups/Csv')).body.numbers).toEqual([
      { number: '+18005550499', description: '' },
    ]);
    const good = await csv(
      'Csv',
      '+18005550410,front desk\n18005550411,\n"+18005550412","quoted, with comma"\n',
    );
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.numbers).toEqual([
      { number: '+18005550410', description: 'front desk' },
      { number: '+18005550411', description: '' },
      { number: '+18005550412', description: 'quoted, with comma' },
    ]);
    expect((await csv('Csv', '')).body.errors).toEqual([{ pointer: '/lines', message: expect.any(String) }]);
    expect((await csv('Csv', '"unterminated\n')).status).toBe(400);
    expect((await csv('Nope', '+18005550410,\n')).status).toBe(404);
  });

  it('lets only Callback Administrators edit; the other callback roles read', async () => {
    await putGroup(ctx, 'Roles', { numbers: [{ number: '+18005550420' }] });
    for (const [role, canRead] of [
      ['callbackSupervisor', true],
      ['callbackMonitor', true],
      ['callbackDeveloper', true],
      ['businessUser', false],
    ] as const) {
      const username = `u-${role}`.toLowerCase();
      const made = await ctx.api.post('/api/v1/users', {
        username,
        password: 'password-1234',
        roles: [role],
      });
      expect(made.status, JSON.stringify(made.body)).toBeLessThan(300);
      const user = await new ApiClient(ctx.started.baseUrl).login(username, 'password-1234');
      expect((await user.get('/api/v1/call-in-groups/Roles')).status).toBe(canRead ? 200 : 403);
      expect(
        (await user.put('/api/v1/call-in-groups/Roles', { numbers: [{ number: '+18005550421' }] })).status,
      ).toBe(403);
      expect((await user.delete('/api/v1/call-in-groups/Roles')).status).toBe(403);
    }
    const admin = await ctx.api.post('/api/v1/users', {
      username: 'cbadmin',
      password: 'password-1234',
      roles: ['callbackAdministrator'],
    });
    expect(admin.status).toBeLessThan(300);
    const cbAdmin = await new ApiClient(ctx.started.baseUrl).login('cbadmin', 'password-1234');
    expect(
      (await cbAdmin.put('/api/v1/call-in-groups/Roles', { numbers: [{ number: '+18005550421' }] })).status,
    ).toBe(200);
    expect((await cbAdmin.delete('/api/v1/call-in-groups/Roles')).status).toBe(204);
    expect((await cbAdmin.get('/api/v1/call-in-groups/Roles')).status).toBe(404);
  });
});
