/**
 * A stand-in for the runtime's admin API, for exercising the editor before the real runtime
 * serves it (RINGBACK_E2E_FAKE=1). In-memory, one user, and a toy interpreter that only knows
 * Play Message, Menu and Terminate Call. The real runtime is the one the e2e test targets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeTestCalls } from './fake-test-calls.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const dist = join(repo, 'editor/dist');

function blockDefinitions(): unknown[] {
  return readdirSync(join(repo, 'blocks'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      try {
        return [
          {
            ...JSON.parse(readFileSync(join(repo, 'blocks', d.name, 'definition.json'), 'utf8')),
            runnable: true,
          },
        ];
      } catch {
        return [];
      }
    });
}

interface Draft {
  application: { id: string; [key: string]: unknown };
  revision: number;
  updatedAt: string;
  versions: { version: number; publishedAt: string; publishedBy: string; application: unknown }[];
  live: number | null;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export async function startFakeRuntime(): Promise<{
  baseUrl: string;
  adminPassword: string;
  stop(): Promise<void>;
}> {
  const adminPassword = 'admin-e2e';
  const apps = new Map<string, Draft>();
  const phoneNumbers = new Map<string, string>();
  const calls = fakeTestCalls((id) => apps.get(id));

  const send = (res: ServerResponse, status: number, body?: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : type });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, code: string, detail: string, extra = {}) =>
    send(res, status, { type: 'about:blank', title: code, status, detail, code, corrId: 'fake', ...extra });
  const view = (d: Draft) => ({
    application: d.application,
    revision: d.revision,
    updatedAt: d.updatedAt,
    liveVersion: d.live,
    latestVersion: d.versions.at(-1)?.version ?? null,
  });

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
    const m = (pattern: RegExp) => pattern.exec(path);
    const authed =
      (req.headers.cookie ?? '').includes('rb_session=ok') || req.headers.authorization === 'Bearer ok';

    if (!path.startsWith('/api/')) {
      const file = path === '/' ? 'index.html' : path.slice(1);
      try {
        const content = readFileSync(join(dist, file));
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(content);
      } catch {
        return problem(res, 404, 'ROUTE_NOT_FOUND', path);
      }
    }
    if (path === '/api/v1/auth/login' && req.method === 'POST') {
      if (body.username !== 'admin' || body.password !== adminPassword) {
        return problem(res, 401, 'INVALID_CREDENTIALS', 'Wrong username or password.');
      }
      res.setHeader('set-cookie', 'rb_session=ok; Path=/; HttpOnly; SameSite=Lax');
      return send(res, 200, { user: { username: 'admin', roles: ['admin'] }, token: 'ok', expiresAt: '' });
    }
    if (!authed) return problem(res, 401, 'UNAUTHENTICATED', 'Sign in first.');
    if (path === '/api/v1/auth/me') return send(res, 200, { username: 'admin', roles: ['admin'] });
    if (path === '/api/v1/auth/logout') {
      res.setHeader('set-cookie', 'rb_session=; Path=/; Max-Age=0');
      return send(res, 204);
    }
    if (path === '/api/v1/blocks') return send(res, 200, { items: blockDefinitions() });
    if (path === '/api/v1/business-hours') return send(res, 200, { items: [] });
    if (path === '/api/v1/applications' && req.method === 'GET') {
      const items = [...apps.values()].map((d) => ({ ...view(d), ...d.application, application: undefined }));
      return send(res, 200, { items, total: items.length, page: 1, pageSize: 100 });
    }
    if (path === '/api/v1/applications' && req.method === 'POST') {
      if (apps.has(body.id)) return problem(res, 409, 'ALREADY_EXISTS', `Application ${body.id} exists.`);
      const d: Draft = {
        application: body,
        revision: 1,
        updatedAt: new Date().toISOString(),
        versions: [],
        live: null,
      };
      apps.set(body.id, d);
      return send(res, 201, view(d));
    }
    const app = m(/^\/api\/v1\/applications\/([^/]+)(\/.*)?$/);
    if (app) {
      const d = apps.get(decodeURIComponent(app[1]!));
      if (!d) return problem(res, 404, 'NOT_FOUND', 'No such application.');
      const rest = app[2] ?? '';
      if (rest === '' && req.method === 'GET') return send(res, 200, view(d));
      if (rest === '' && req.method === 'PUT') {
        if (body.revision !== d.revision) {
          return problem(res, 409, 'REVISION_CONFLICT', 'Stale revision.', { currentRevision: d.revision });
        }
        Object.assign(d, {
          application: body.application,
          revision: d.revision + 1,
          updatedAt: new Date().toISOString(),
        });
        return send(res, 200, view(d));
      }
      if (rest === '' && req.method === 'DELETE') {
        apps.delete(d.application.id);
        return send(res, 204);
      }
      if (rest === '/validate') return send(res, 200, { valid: true, errors: 0, warnings: 0, issues: [] });
      if (rest === '/publish') {
        const version = d.versions.length + 1;
        const source = body.fromVersion ? d.versions[body.fromVersion - 1]?.application : d.application;
        d.versions.push({
          version,
          publishedAt: new Date().toISOString(),
          publishedBy: 'admin',
          application: source,
        });
        d.live = version;
        return send(res, 201, { version, publishedAt: d.versions.at(-1)!.publishedAt });
      }
      if (rest === '/versions') {
        const items = d.versions
          .map(({ application: _a, ...v }) => ({ ...v, live: v.version === d.live }))
          .reverse();
        return send(res, 200, { items, total: items.length, page: 1, pageSize: 100 });
      }
    }
    if (path === '/api/v1/phone-numbers') {
      const items = [...phoneNumbers].map(([dnis, applicationId]) => ({ dnis, applicationId }));
      return send(res, 200, { items, total: items.length, page: 1, pageSize: 500 });
    }
    const number = m(/^\/api\/v1\/phone-numbers\/([^/]+)$/);
    if (number) {
      const dnis = decodeURIComponent(number[1]!);
      if (req.method === 'PUT') {
        phoneNumbers.set(dnis, body.applicationId);
        return send(res, 200, { dnis, ...body });
      }
      phoneNumbers.delete(dnis);
      return send(res, 204);
    }
    if (path.startsWith('/api/v1/test-calls'))
      return calls.handle(req, res, path, body, phoneNumbers, problem, send);
    return problem(res, 404, 'ROUTE_NOT_FOUND', path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    adminPassword,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
