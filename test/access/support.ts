/**
 * Two lines of business on the seeded Sales runtime: Sales_VQ in the propagating folder
 * "Sales line" read by the Sales group, Service_VQ read by the Service group only; a user per
 * role, each in the Sales group with that one role; a callback in each queue.
 */
import { expect } from 'vitest';
import { roles } from '../../runtime/auth/roles.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';
import { ApiClient } from '../support/client.ts';

export const password = 'line-of-business-pw';

export async function startTwoLines() {
  const ctx: Sales = await startSales();
  const { api } = ctx;
  const ok = (reply: { status: number; body: unknown }) => {
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
    return reply.body as any;
  };
  await queueLike(ctx, 'Service_VQ');
  ok(await api.put('/api/v1/access-groups/Sales', { roles: [] }));
  ok(await api.put('/api/v1/access-groups/Service', { roles: [] }));
  ok(await api.put('/api/v1/queue-folders/Sales line', { read: ['Sales'], propagate: true }));
  ok(await api.put('/api/v1/queues/Sales_VQ/permissions', { folder: 'Sales line', read: null }));
  ok(await api.put('/api/v1/queues/Service_VQ/permissions', { folder: null, read: ['Service'] }));
  const book = async (serviceName: string, phoneNumber: string) =>
    ok(
      await api.post('/api/v1/callbacks', {
        serviceName,
        phoneNumber,
        desiredTime: '2026-03-04T18:00:00.000Z',
        userData: { account: `${serviceName}-account` },
      }),
    ).id as string;
  const callbacks = {
    sales: await book('Sales_VQ', '+14155550601'),
    service: await book('Service_VQ', '+14155550602'),
  };
  const signIn = async (username: string) => new ApiClient(ctx.started.baseUrl).login(username, password);
  const asRole: Record<string, ApiClient> = {};
  for (const role of roles) {
    ok(
      await api.post('/api/v1/users', {
        username: `sales-${role}`,
        password,
        roles: [role],
        accessGroups: ['Sales'],
      }),
    );
    asRole[role] = await signIn(`sales-${role}`);
  }
  return { ...ctx, callbacks, asRole, signIn, ok };
}

export type TwoLines = Awaited<ReturnType<typeof startTwoLines>>;
