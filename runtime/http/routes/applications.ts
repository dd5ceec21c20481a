import type { Hono } from 'hono';
import type { Application } from '../../../schemas/application.generated.ts';
import { tenantContext } from '../../applications/tenant-context.ts';
import { validateDocument } from '../../applications/validate-document.ts';
import { designers, designReaders } from '../../auth/roles.ts';
import type { AppEnv } from '../app-env.ts';
import { paging } from '../paging.ts';
import { ApiError } from '../problem.ts';
import { defineRoute } from '../route-spec.ts';

const body = 'https://ringback.dev/schemas/api.schema.json#/$defs/';
const applicationSchema = 'https://ringback.dev/schemas/application.schema.json';

/** A draft must at least match the document schema to be stored; flow issues may remain. */
function schemaValid(document: unknown): Application {
  const report = validateDocument(document);
  if (!report.application) {
    throw new ApiError('VALIDATION_FAILED', 'The application does not match its schema', {
      errors: report.issues.map((i) => ({ pointer: i.pointer ?? '', message: i.message })),
    });
  }
  return report.application;
}

function pathVersion(raw: string): number {
  const version = Number(raw);
  // Versions are PostgreSQL integers: a larger number cannot name one.
  if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647)
    throw new ApiError('NOT_FOUND', `No version ${raw}`);
  return version;
}

export function applicationRoutes(app: Hono<AppEnv>) {
  const tenant = (c: { get(key: 'user'): { tenantId: string } | undefined }) => c.get('user')!.tenantId;

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/applications',
      summary: 'List applications',
      tag: 'Applications',
      roles: designReaders,
      query: [
        { name: 'page', description: 'Page number from 1' },
        { name: 'pageSize', description: 'Items per page, at most 250' },
        { name: 'search', description: 'Part of a name or id' },
      ],
    },
    async (c) => {
      const { page, pageSize } = paging(c);
      const search = c.req.query('search') || undefined;
      const result = await c
        .get('runtime')
        .applications.list(tenant(c), { page, pageSize, ...(search ? { search } : {}) });
      return c.json({ ...result, page, pageSize });
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/applications',
      summary: 'Create an application (its first draft)',
      tag: 'Applications',
      roles: designers,
      body: applicationSchema,
    },
    async (c, document) =>
      c.json(await c.get('runtime').applications.create(tenant(c), schemaValid(document)), 201),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/applications/:id',
      summary: 'The draft',
      tag: 'Applications',
      roles: designReaders,
    },
    async (c) => c.json(await c.get('runtime').applications.get(tenant(c), c.req.param('id')!)),
  );

  defineRoute<{ revision: number; application: unknown }>(
    app,
    {
      method: 'put',
      path: '/api/v1/applications/:id',
      summary: 'Save the draft; refused with 409 when `revision` is stale',
      tag: 'Applications',
      roles: designers,
      body: `${body}applicationSave`,
    },
    async (c, { revision, application }) => {
      const document = schemaValid(application);
      if (document.id !== c.req.param('id')) {
        throw new ApiError('VALIDATION_FAILED', 'The document id differs from the path', {
          errors: [{ pointer: '/application/id', message: 'must equal the id in the path' }],
        });
      }
      return c.json(await c.get('runtime').applications.save(tenant(c), document, revision));
    },
  );

  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/v1/applications/:id',
      summary: 'Delete',
      tag: 'Applications',
      roles: designers,
    },
    async (c) => {
      await c.get('runtime').applications.remove(tenant(c), c.req.param('id')!);
      return c.body(null, 204);
    },
  );

  defineRoute<{ application?: unknown } | undefined>(
    app,
    {
      method: 'post',
      path: '/api/v1/applications/:id/validate',
      summary: 'Validate the draft, or an unsaved document given in the body',
      tag: 'Applications',
      roles: designReaders,
      body: `${body}validateRequest`,
      bodyOptional: true,
    },
    async (c, request) => {
      const document =
        request?.application ??
        (await c.get('runtime').applications.get(tenant(c), c.req.param('id')!)).application;
      const { valid, errors, warnings, issues } = validateDocument(
        document,
        await tenantContext(c.get('runtime'), tenant(c)),
      );
      return c.json({ valid, errors, warnings, issues });
    },
  );

  defineRoute<{ fromVersion?: number; note?: string; restoreDraft?: boolean } | undefined>(
    app,
    {
      method: 'post',
      path: '/api/v1/applications/:id/publish',
      summary: 'Publish the draft as the next version (or re-publish `fromVersion` to roll back)',
      tag: 'Applications',
      roles: designers,
      body: `${body}publishRequest`,
      bodyOptional: true,
    },
    async (c, request) => {
      const runtime = c.get('runtime');
      const id = c.req.param('id')!;
      const fromVersion = request?.fromVersion;
      const document = fromVersion
        ? (await runtime.applications.version(tenant(c), id, fromVersion)).application
        : (await runtime.applications.get(tenant(c), id)).application;
      const report = validateDocument(document, await tenantContext(runtime, tenant(c)));
      if (!report.valid) {
        throw new ApiError('APPLICATION_INVALID', `${report.errors} error(s) block publishing`, {
          issues: report.issues,
        });
      }
      const published = await runtime.applications.publish(tenant(c), id, document, c.get('user')!.username, {
        ...(fromVersion
          ? { republishedFrom: fromVersion, restoreDraft: request?.restoreDraft === true }
          : {}),
        ...(request?.note ? { note: request.note } : {}),
      });
      return c.json({ ...published, warnings: report.warnings }, 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/validation-context',
      summary:
        "The tenant's queues, business hours, rules and applications, as validation checks names against them",
      tag: 'Applications',
      roles: designReaders,
    },
    async (c) => c.json(await tenantContext(c.get('runtime'), tenant(c))),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/applications/:id/versions',
      summary: 'Published versions, newest first',
      tag: 'Applications',
      roles: designReaders,
    },
    async (c) => {
      const { page, pageSize } = paging(c);
      const result = await c
        .get('runtime')
        .applications.versions(tenant(c), c.req.param('id')!, page, pageSize);
      return c.json({ ...result, page, pageSize });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/applications/:id/versions/:version',
      summary: 'One published version',
      tag: 'Applications',
      roles: designReaders,
    },
    async (c) =>
      c.json(
        await c
          .get('runtime')
          .applications.version(tenant(c), c.req.param('id')!, pathVersion(c.req.param('version')!)),
      ),
  );
}
