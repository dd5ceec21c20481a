/** OpenAPI 3.1 built from the route declarations, with the request schemas of schemas/. */
import { accessSummary, policyOverview } from '../auth/policy-table.ts';
import type { RouteSpec } from './route-spec.ts';

const problem = { $ref: '#/components/responses/Problem' };
const gesError = { $ref: '#/components/responses/GesError' };

/** /engagement/v3 answers everything, errors and unknown routes included, in the GES envelope. */
const gesResponses = {
  200: { $ref: '#/components/responses/GesSuccess' },
  ...Object.fromEntries([400, 401, 404, 405, 413, 415, 429, 500].map((code) => [code, gesError])),
};

const gesStatus = {
  type: 'object',
  required: ['code', 'message', 'corrId'],
  properties: {
    code: { type: 'integer' },
    message: { type: 'string', description: '"Successful", or the cause of the error' },
    corrId: { type: 'string', format: 'uuid' },
  },
};

function operation(spec: RouteSpec) {
  const parameters = [
    ...[...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...(spec.query ?? []).map((q) => ({
      name: q.name,
      in: 'query',
      required: q.required ?? false,
      description: q.description,
      schema: { type: 'string' },
    })),
  ];
  return {
    summary: spec.summary,
    description: accessSummary(spec),
    tags: [spec.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: !spec.bodyOptional,
            content: { 'application/json': { schema: { $ref: spec.body } } },
          },
        }
      : {}),
    security: spec.roles === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    'x-roles': spec.roles,
    ...(spec.lineOfBusiness ? { 'x-line-of-business': spec.lineOfBusiness } : {}),
    ...(spec.memberRoles ? { 'x-member-roles': spec.memberRoles } : {}),
    responses: spec.path.startsWith('/engagement/v3')
      ? gesResponses
      : {
          200: { description: 'Success' },
          400: problem,
          ...(spec.roles === 'public' ? {} : { 401: problem, 403: problem }),
          404: problem,
          ...(spec.method === 'put' || spec.method === 'post' ? { 409: problem, 413: problem } : {}),
        },
  };
}

export function openApiDocument(specs: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ringback API',
      version,
      description: `Ringback: applications, test calls and callbacks. Errors are RFC 9457 problem details with a stable \`code\` and a \`corrId\`.\n\n${policyOverview(specs)}`,
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'rb_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        GesSuccess: {
          description: 'The GES envelope: status.message "Successful", the answer in data',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['status', 'data'],
                properties: { status: gesStatus, data: {} },
              },
            },
          },
        },
        GesError: {
          description:
            "The GES envelope of an error (recorded for the Developer tab by corrId). A 429 from callbacks/create carries data.slots: each proposed slot's UTC start (yyyy-MM-ddTHH:mm:ss.SSSZ) → its remaining capacity, and data.proposedSlots in the availability shape.",
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['status', 'data'],
                properties: {
                  status: gesStatus,
                  data: {
                    type: 'object',
                    required: ['code'],
                    properties: {
                      code: { type: 'string' },
                      errors: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: { pointer: { type: 'string' }, message: { type: 'string' } },
                        },
                      },
                      slots: {
                        type: 'object',
                        propertyNames: { pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' },
                        additionalProperties: { type: 'integer' },
                      },
                      proposedSlots: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: {
                            utcTime: { type: 'string' },
                            localTime: { type: 'string' },
                            capacity: { type: 'integer' },
                            total: { type: 'integer' },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        Problem: {
          description: 'Problem details',
          content: {
            'application/problem+json': {
              schema: {
                type: 'object',
                required: ['type', 'title', 'status', 'code', 'corrId'],
                properties: {
                  type: { type: 'string' },
                  title: { type: 'string' },
                  status: { type: 'integer' },
                  detail: { type: 'string' },
                  code: { type: 'string' },
                  corrId: { type: 'string' },
                  errors: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { pointer: { type: 'string' }, message: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
