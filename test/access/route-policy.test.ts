/**
 * Every declared route × every role × (own line of business, other line, no credentials): the
 * expected status comes from the route's declared policy (route-spec.ts). A route declared
 * without roles cannot exist (defineRoute throws); one whose path parameters this table cannot
 * fill, or which names a queue or callback without a line-of-business marker, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docPath, withCurrentTable } from '../../runtime/auth/access-doc.ts';
import { opens } from '../../runtime/auth/policy-table.ts';
import { type Role, roles } from '../../runtime/auth/roles.ts';
import { type RouteSpec, routeSpecs } from '../../runtime/http/route-spec.ts';
import { projectRoot } from '../../runtime/project-root.ts';
import { ApiClient } from '../support/client.ts';
import { startTwoLines, type TwoLines } from './support.ts';

let ctx: TwoLines;
beforeAll(async () => {
  ctx = await startTwoLines();
}, 120_000);
afterAll(() => ctx?.started.stop());

type Line = 'own' | 'other';
const isGes = (spec: RouteSpec) => spec.path.startsWith('/engagement/');
const names = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

/** A value for each path parameter; ids of callbacks and queues depend on the line of business. */
function fill(spec: RouteSpec, line: Line): string {
  return spec.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (name === 'virtualQueue') return line === 'own' ? 'Sales_VQ' : 'Service_VQ';
    if (name === 'id' && spec.path.startsWith('/api/v1/callbacks/'))
      return line === 'own' ? ctx.callbacks.sales : ctx.callbacks.service;
    // A new route with another parameter: add a value here that names nothing (or a harmless thing).
    const fixed: Record<string, string> = {
      id: 'nobody',
      kind: 'push',
      name: 'nobody',
      username: 'nobody',
      version: '1',
      dnis: '+18005550000',
      number: '+14155550000',
    };
    const value = fixed[name];
    if (value === undefined) throw new Error(`${spec.method} ${spec.path}: no table value for :${name}`);
    return encodeURIComponent(value);
  });
}

async function call(client: ApiClient, spec: RouteSpec, line: Line) {
  // Signing out would end the shared session of the role: use a session of its own.
  const caller =
    spec.path === '/api/v1/auth/logout' && client.token
      ? await ctx.signIn((await client.get('/api/v1/auth/me')).body.username)
      : client;
  const body = spec.body && !spec.bodyOptional ? {} : undefined;
  return caller.request(spec.method.toUpperCase(), fill(spec, line), body);
}

function expectation(spec: RouteSpec, role: Role | undefined, line: Line) {
  if (spec.roles === 'public') return { not: [401, 403] };
  if (!role) return { status: 401, code: 'UNAUTHENTICATED' };
  if (!opens(spec, role)) return { status: 403, code: 'FORBIDDEN' };
  const byPath = spec.lineOfBusiness === 'queue' || spec.lineOfBusiness === 'callback';
  if (line === 'other' && byPath && role !== 'administrator') return { status: 404, code: 'NOT_FOUND' };
  if (byPath && spec.method === 'get') return { status: 200 };
  return { not: [401, 403] };
}

/** Deletions last, and within a route the administrator (who reads every line) last. */
function order(specs: RouteSpec[]): RouteSpec[] {
  return [...specs].sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
}
const roleOrder = [...roles.filter((r) => r !== 'administrator'), 'administrator' as const];

describe('route policies', () => {
  it('declares a policy for every route, and a line of business wherever a path names a queue or callback', () => {
    expect(routeSpecs.length).toBeGreaterThan(50);
    for (const spec of routeSpecs) {
      const route = `${spec.method.toUpperCase()} ${spec.path}`;
      expect(spec.roles, route).toBeDefined();
      if (Array.isArray(spec.roles)) {
        expect(spec.roles.length, route).toBeGreaterThan(0);
        for (const role of spec.roles) expect(roles, route).toContain(role);
      }
      if (isGes(spec)) continue;
      const namesQueue = names(spec.path).includes('virtualQueue');
      const namesCallback = spec.path.startsWith('/api/v1/callbacks/:id');
      if (namesQueue) expect(spec.lineOfBusiness, route).toBe('queue');
      if (namesCallback) expect(spec.lineOfBusiness, route).toBe('callback');
      expect(() => fill(spec, 'own'), route).not.toThrow();
    }
  });

  it('answers every route × role × line of business as its policy says', async () => {
    const anonymous = new ApiClient(ctx.started.baseUrl);
    const failures: string[] = [];
    let checked = 0;
    for (const spec of order(routeSpecs.filter((s) => !isGes(s)))) {
      const cases: [Role | undefined, Line][] = [
        [undefined, 'own'],
        ...roleOrder.flatMap((role) => [[role, 'other'] as [Role, Line], [role, 'own'] as [Role, Line]]),
      ];
      for (const [role, line] of cases) {
        const reply = await call(role ? ctx.asRole[role]! : anonymous, spec, line);
        const want = expectation(spec, role, line);
        checked++;
        const ok =
          'status' in want
            ? reply.status === want.status && (!('code' in want) || reply.body?.code === want.code)
            : !want.not.includes(reply.status);
        if (!ok)
          failures.push(
            `${spec.method.toUpperCase()} ${spec.path} as ${role ?? 'nobody'} (${line} line): got ${reply.status} ${reply.body?.code ?? ''}, want ${JSON.stringify(want)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  }, 300_000);

  it('keeps the GES API out of user sessions: it takes an x-api-key, whatever the line of business', async () => {
    const ges = routeSpecs.filter(isGes);
    expect(ges.length).toBeGreaterThan(5);
    for (const spec of ges) expect(spec.roles).toBe('public');
    const monitor = ctx.asRole.callbackMonitor!;
    const withSession = await monitor.request('POST', '/engagement/v3/callbacks/retrieve', {
      id: ctx.callbacks.service,
    });
    expect(withSession.status).toBe(401);
    const withKey = await ctx.ges('POST', '/callbacks/retrieve', { id: ctx.callbacks.service });
    expect(withKey.status).toBe(200);
  });

  it('refuses the members of a body a role may not set, naming each', async () => {
    const reply = await ctx.asRole.callbackSupervisor!.put('/api/v1/queues/Sales_VQ/rules', {
      capacityRule: null,
      regionAffinityRule: null,
    });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('FORBIDDEN');
    expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/capacityRule',
      '/regionAffinityRule',
    ]);
    const developer = await ctx.asRole.callbackDeveloper!.put('/api/v1/queues/Sales_VQ/rules', {
      numberValidationRule: null,
    });
    expect(developer.status, JSON.stringify(developer.body)).toBe(200);
  });

  it('writes the same matrix into /openapi.json and docs/access-control.md', async () => {
    const document: any = await (await fetch(`${ctx.started.baseUrl}/openapi.json`)).json();
    const put = document.paths['/api/v1/capacity-rules/{name}'].put;
    expect(put['x-roles']).toEqual(['administrator', 'callbackAdministrator']);
    expect(put.description).toContain('Callback Administrator');
    expect(document.paths['/api/v1/callbacks/{id}'].get['x-line-of-business']).toBe('callback');
    expect(document.info.description).toContain('| `GET /api/v1/callbacks` |');
    const file = readFileSync(join(projectRoot, docPath), 'utf8');
    expect(file, 'docs/access-control.md is stale: run npx tsx scripts/gen-access-table.ts').toBe(
      withCurrentTable(file, routeSpecs),
    );
  });
});
