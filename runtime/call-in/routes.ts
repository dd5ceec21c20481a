/**
 * Click-To-Call-In routes: the groups (Tools › Click-To-Call-In Config), their CSV bulk import,
 * the Call-In tab's records (api.md), and GES `call-in/requests/create`.
 */
import type { Context, Hono } from 'hono';
import type { CallInCreate, Group } from '../../schemas/call-in.generated.ts';
import { schemaValidator } from '../../schemas/validation/index.ts';
import type { Role } from '../auth/roles.ts';
import { gesRoute } from '../ges/ges-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { parsePoolCsv } from './csv-import.ts';
import { listCallInRecords, MAX_RECORDS, type SearchField, searchFields } from './records.ts';

/** Only Callback Administrators edit groups; the other callback roles read them (the guide). */
const groupEditors: Role[] = ['administrator', 'callbackAdministrator'];
const groupReaders: Role[] = [
  'administrator',
  'callbackAdministrator',
  'callbackDeveloper',
  'callbackSupervisor',
  'callbackMonitor',
];
/** The Call-In tab: Callback Administrators and Callback Developers (the guide). */
const recordReaders: Role[] = ['administrator', 'callbackAdministrator', 'callbackDeveloper'];
const tag = 'Click-To-Call-In';
const schema = 'https://ringback.dev/schemas/call-in.schema.json#/$defs';
const MAX_PAGE = 500;

const tenantOf = (c: Context<AppEnv>) => c.get('user')!.tenantId;
const nameOf = (c: Context<AppEnv>) => c.req.param('name') ?? '';
const store = (c: Context<AppEnv>) => c.get('runtime').callIn.groups;

function queryError(name: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `${name} ${message}`, {
    errors: [{ pointer: `/query/${name}`, message }],
  });
}

function instant(c: Context<AppEnv>, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw queryError(name, 'must be an ISO 8601 instant');
  return ms;
}

function positive(c: Context<AppEnv>, name: string, fallback: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw queryError(name, `must be an integer from 1 to ${max}`);
  return value;
}

export function callInRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/call-in-groups',
      summary: 'Every Click-To-Call-In group',
      tag,
      roles: groupReaders,
    },
    async (c) => {
      const items = await store(c).list(tenantOf(c));
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/call-in-groups/:name',
      summary: 'A Click-To-Call-In group with its DNIS pool',
      tag,
      roles: groupReaders,
    },
    async (c) => c.json(await store(c).get(tenantOf(c), nameOf(c))),
  );
  defineRoute<Group>(
    app,
    {
      method: 'put',
      path: '/api/v1/call-in-groups/:name',
      summary: 'Create or replace a group (its name cannot change)',
      tag,
      roles: groupEditors,
      body: `${schema}/group`,
    },
    async (c, body) => {
      const name = nameOf(c);
      const nameErrors = schemaValidator().validate(`${schema}/groupName`, name);
      if (nameErrors.length > 0)
        throw new ApiError('VALIDATION_FAILED', 'The group name in the path is not valid', {
          errors: nameErrors.map((e) => ({ pointer: '/name', message: e.message })),
        });
      const { group, created } = await store(c).put(tenantOf(c), name, body);
      return c.json(group, created ? 201 : 200);
    },
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/call-in-groups/:name',
      summary: 'Delete a group (its requests stay in the records)',
      tag,
      roles: groupEditors,
    },
    async (c) => {
      await store(c).remove(tenantOf(c), nameOf(c));
      return c.body(null, 204);
    },
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/call-in-groups/:name/numbers.csv',
      summary:
        'Bulk import: replace the group’s DNIS pool from a text/csv body of number,description rows; every bad row is reported and nothing is imported',
      tag,
      roles: groupEditors,
    },
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (type && !/^(text\/csv|text\/plain|application\/vnd\.ms-excel)\b/i.test(type))
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Send text/csv, not ${type}`);
      const name = nameOf(c);
      await store(c).get(tenantOf(c), name);
      const { numbers, errors } = parsePoolCsv(await c.req.text());
      if (errors.length > 0)
        throw new ApiError(
          'VALIDATION_FAILED',
          `${errors.length} problem(s) in the file; nothing was imported`,
          {
            errors,
          },
        );
      return c.json(await store(c).replaceNumbers(tenantOf(c), name, numbers));
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/call-in-requests',
      summary: `Click-To-Call-In records, newest first (the newest ${MAX_RECORDS}, pages of up to ${MAX_PAGE})`,
      tag,
      roles: recordReaders,
      query: [
        { name: 'from', description: 'Created at or after (ISO 8601)' },
        { name: 'to', description: 'Created before (ISO 8601)' },
        { name: 'search', description: 'Text found in any attribute, or in `field`' },
        { name: 'field', description: searchFields.join(' | ') },
        { name: 'page', description: '1-based page' },
        { name: 'pageSize', description: `Records per page, at most ${MAX_PAGE}` },
      ],
    },
    async (c) => {
      const field = c.req.query('field') || undefined;
      if (field !== undefined && !(searchFields as readonly string[]).includes(field))
        throw queryError('field', `must be one of ${searchFields.join(', ')}`);
      const page = positive(c, 'page', 1, 1_000_000);
      const pageSize = positive(c, 'pageSize', MAX_PAGE, MAX_PAGE);
      const runtime = c.get('runtime');
      const { items, total } = await listCallInRecords(
        runtime.db,
        tenantOf(c),
        runtime.clock.now(),
        {
          fromMs: instant(c, 'from'),
          toMs: instant(c, 'to'),
          search: c.req.query('search') || undefined,
          field: field as SearchField | undefined,
        },
        page,
        pageSize,
      );
      return c.json({ items, total, page, pageSize });
    },
  );
  gesRoute(
    app,
    {
      method: 'post',
      path: '/call-in/requests/create',
      summary: 'A Click-To-Call-In request: the number to call, an access code when the group uses one',
      body: `${schema}/callInCreate`,
    },
    async ({ c, tenantId, body }) => {
      const request = body as CallInCreate;
      return { data: await c.get('runtime').callIn.requests.create(tenantId, request) };
    },
  );
}
