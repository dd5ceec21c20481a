/**
 * A user reads only the queues of its lines of business, on every callback route: lists filter,
 * direct reads answer 404, bulk cancel skips and says which, exports and the Developer tab's
 * errors leave other lines out; folders propagate to their queues now and later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueLike } from '../ges/support.ts';
import { startTwoLines, type TwoLines } from './support.ts';

let ctx: TwoLines;
beforeAll(async () => {
  ctx = await startTwoLines();
}, 120_000);
afterAll(() => ctx?.started.stop());

const queuesOf = (items: { serviceName?: string; virtualQueue?: string }[]) =>
  [...new Set(items.map((i) => i.serviceName ?? i.virtualQueue))].sort();

describe('lines of business', () => {
  it('lists only the callbacks of readable queues, never another line’s userData', async () => {
    const monitor = ctx.asRole.callbackMonitor!;
    const listed = await monitor.get('/api/v1/callbacks?pageSize=250');
    expect(listed.status).toBe(200);
    expect(queuesOf(listed.body.items)).toEqual(['Sales_VQ']);
    expect(JSON.stringify(listed.body)).not.toContain('Service_VQ-account');
    const searched = await monitor.get('/api/v1/callbacks?search=%2B14155550602');
    expect(searched.body.total).toBe(0);
    const all = await ctx.api.get('/api/v1/callbacks?pageSize=250');
    expect(queuesOf(all.body.items)).toEqual(['Sales_VQ', 'Service_VQ']);
  });

  it('answers a direct read of another line’s callback exactly like an unknown one', async () => {
    const monitor = ctx.asRole.callbackMonitor!;
    const other = await monitor.get(`/api/v1/callbacks/${ctx.callbacks.service}`);
    const unknown = await monitor.get('/api/v1/callbacks/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe(unknown.body.code);
    expect(other.body.title).toBe(unknown.body.title);
    expect(other.body.detail).toBe(`No callback ${ctx.callbacks.service}`);
    const own = await monitor.get(`/api/v1/callbacks/${ctx.callbacks.sales}`);
    expect(own.status).toBe(200);
    expect(own.body.userData).toEqual({ account: 'Sales_VQ-account' });
    const supervisor = ctx.asRole.callbackSupervisor!;
    for (const action of ['cancel', 'recreate'])
      expect((await supervisor.post(`/api/v1/callbacks/${ctx.callbacks.service}/${action}`)).status).toBe(
        404,
      );
    const create = await supervisor.post('/api/v1/callbacks', {
      serviceName: 'Service_VQ',
      phoneNumber: '+14155550699',
    });
    expect(create.status).toBe(404);
    expect(create.body.code).toBe('SERVICE_NOT_FOUND');
  });

  it('bulk-cancels only readable callbacks and reports the others as not found', async () => {
    const supervisor = ctx.asRole.callbackSupervisor!;
    const mine = (
      await supervisor.post('/api/v1/callbacks', {
        serviceName: 'Sales_VQ',
        phoneNumber: '+14155550611',
        desiredTime: '2026-03-04T19:00:00.000Z',
      })
    ).body.id as string;
    const reply = await supervisor.post('/api/v1/callbacks/bulk-cancel', {
      ids: [mine, ctx.callbacks.service],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.cancelled).toEqual([mine]);
    expect(reply.body.skipped).toEqual([{ id: ctx.callbacks.service, state: null, reason: 'NOT_FOUND' }]);
    const untouched = await ctx.api.get(`/api/v1/callbacks/${ctx.callbacks.service}`);
    expect(untouched.body.callbackState).toBe('SCHEDULED');
  });

  it('exports only the cancellations of readable queues', async () => {
    const theirs = (
      await ctx.api.post('/api/v1/callbacks', {
        serviceName: 'Service_VQ',
        phoneNumber: '+14155550612',
        desiredTime: '2026-03-04T19:30:00.000Z',
      })
    ).body.id as string;
    expect((await ctx.api.post(`/api/v1/callbacks/${theirs}/cancel`)).status).toBe(200);
    const supervisorCsv = await ctx.asRole.callbackSupervisor!.get(
      '/api/v1/callbacks/cancellation-summary.csv',
    );
    expect(supervisorCsv.status).toBe(200);
    expect(supervisorCsv.body).toContain('"Sales_VQ"');
    expect(supervisorCsv.body).not.toContain('Service_VQ');
    const adminCsv = await ctx.api.get('/api/v1/callbacks/cancellation-summary.csv');
    expect(adminCsv.body).toContain('"Service_VQ"');
  });

  it('hides other lines’ queues from CALLBACK_SETTINGS, rule assignments and recorded API errors', async () => {
    const developer = ctx.asRole.callbackDeveloper!;
    const rows = await developer.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows');
    expect(rows.body.items.map((r: { virtualQueue: string }) => r.virtualQueue)).not.toContain('Service_VQ');
    expect(rows.body.items.map((r: { virtualQueue: string }) => r.virtualQueue)).toContain('Sales_VQ');
    expect((await developer.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Service_VQ')).status).toBe(404);
    const rules = await developer.get('/api/v1/capacity-rules');
    const allRules = await ctx.api.get('/api/v1/capacity-rules');
    expect(allRules.body.items.flatMap((r: { queues: string[] }) => r.queues)).toContain('Service_VQ');
    expect(rules.body.items.flatMap((r: { queues: string[] }) => r.queues)).not.toContain('Service_VQ');
    const failed = await ctx.ges('GET', '/callbacks/availability/Service_VQ?timezone=Nowhere/Else');
    expect(failed.status).toBe(400);
    const corrId = failed.body.status.corrId;
    expect((await developer.get(`/api/v1/developer/errors?corrId=${corrId}`)).body.items).toEqual([]);
    const seen = (await ctx.api.get(`/api/v1/developer/errors?corrId=${corrId}`)).body.items;
    expect(seen).toMatchObject([{ corrId, virtualQueue: 'Service_VQ' }]);
  });

  it('lets every group read a queue with no permissions set (the guide’s default)', async () => {
    await queueLike(ctx, 'Open_VQ');
    const rows = await ctx.asRole.callbackMonitor!.get('/api/v1/data-tables/CALLBACK_SETTINGS/rows/Open_VQ');
    expect(rows.status).toBe(200);
  });

  it('propagates a folder’s readers to a queue put in it later, and stops when the folder no longer propagates', async () => {
    await queueLike(ctx, 'Later_VQ');
    await ctx.ok(await ctx.api.put('/api/v1/users/sales-callbackMonitor', { accessGroups: ['Service'] }));
    const serviceMonitor = await ctx.signIn('sales-callbackMonitor');
    const path = '/api/v1/queues/Later_VQ/rules';
    expect((await serviceMonitor.get(path)).status).toBe(200);
    ctx.ok(await ctx.api.put('/api/v1/queues/Later_VQ/permissions', { folder: 'Sales line', read: null }));
    expect((await serviceMonitor.get(path)).status).toBe(404);
    expect((await ctx.asRole.callbackSupervisor!.get(path)).status).toBe(200);
    const folder = await ctx.api.get('/api/v1/queue-folders/Sales line');
    expect(folder.body.queues).toEqual(['Later_VQ', 'Sales_VQ']);
    const permission = await ctx.api.get('/api/v1/queues/Later_VQ/permissions');
    expect(permission.body).toEqual({
      virtualQueue: 'Later_VQ',
      folder: 'Sales line',
      read: null,
      effectiveRead: ['Sales'],
    });
    ctx.ok(await ctx.api.put('/api/v1/queue-folders/Sales line', { read: ['Sales'], propagate: false }));
    expect((await serviceMonitor.get(path)).status).toBe(200);
    ctx.ok(await ctx.api.put('/api/v1/queue-folders/Sales line', { read: ['Sales'], propagate: true }));
    // The queue's own list wins over its folder's.
    ctx.ok(
      await ctx.api.put('/api/v1/queues/Later_VQ/permissions', { folder: 'Sales line', read: ['Service'] }),
    );
    expect((await serviceMonitor.get(path)).status).toBe(200);
    expect((await ctx.asRole.callbackSupervisor!.get(path)).status).toBe(404);
    await ctx.ok(await ctx.api.put('/api/v1/users/sales-callbackMonitor', { accessGroups: ['Sales'] }));
  });

  it('refuses a folder or read group that does not exist, naming the field', async () => {
    const folder = await ctx.api.put('/api/v1/queues/Sales_VQ/permissions', {
      folder: 'Nowhere',
      read: null,
    });
    expect(folder.status).toBe(400);
    expect(folder.body.errors).toEqual([
      { pointer: '/folder', message: 'must name an existing queue folder' },
    ]);
    const group = await ctx.api.put('/api/v1/queue-folders/Other', {
      read: ['Sales', 'Ghosts'],
      propagate: true,
    });
    expect(group.status).toBe(400);
    expect(group.body.errors).toEqual([{ pointer: '/read/1', message: 'no access group Ghosts' }]);
  });
});
