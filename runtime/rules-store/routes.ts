/** Rules CRUD (capacity, number validation, region affinity) and their assignment to queues. */
import { asc, gt } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { readableQueues } from '../access/queue-access.ts';
import { callbackAdministrators, numberRuleEditors, ruleReaders } from '../auth/policies.ts';
import type { Role } from '../auth/roles.ts';
import { NODE_HEALTHY_MS } from '../callbacks/engine.ts';
import { requireNumber } from '../callbacks/number-check.ts';
import { runtimeNodes } from '../db/schema.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import { type CapacityRule, changeTimeslotLength } from '../scheduling/index.ts';
import type { RuleKind } from './rules-store.ts';

const readers = ruleReaders;
const kinds: { kind: RuleKind; path: string; schema: string; editors: Role[] }[] = [
  {
    kind: 'capacity',
    path: '/api/v1/capacity-rules',
    schema: 'capacity-rule.schema.json',
    editors: callbackAdministrators,
  },
  {
    kind: 'numberValidation',
    path: '/api/v1/number-validation-rules',
    schema: 'number-validation-rule.schema.json',
    editors: numberRuleEditors,
  },
  {
    kind: 'regionAffinity',
    path: '/api/v1/region-affinity-rules',
    schema: 'region-affinity-rule.schema.json',
    editors: callbackAdministrators,
  },
];

/** The queues a rule is assigned to, as far as the user's lines of business show them. */
async function visibleQueues<T extends { queues: string[] }>(c: Context<AppEnv>, rule: T): Promise<T> {
  return { ...rule, queues: (await readableQueues(c)).filter(rule.queues, (q) => q) };
}

export function rulesRoutes(app: Hono<AppEnv>) {
  for (const { kind, path, schema, editors } of kinds) {
    const tag = 'Callback rules';
    defineRoute(
      app,
      {
        method: 'get',
        path,
        summary: `Every ${kind} rule with the queues using it`,
        tag,
        roles: readers,
        lineOfBusiness: 'filter',
      },
      async (c) => {
        const rules = await c.get('runtime').callbacks.rules.list(c.get('user')!.tenantId, kind);
        const items = await Promise.all(rules.map((rule) => visibleQueues(c, rule)));
        return c.json({ items, total: items.length, page: 1, pageSize: items.length });
      },
    );
    defineRoute(
      app,
      {
        method: 'get',
        path: `${path}/:name`,
        summary: `One ${kind} rule`,
        tag,
        roles: readers,
        lineOfBusiness: 'filter',
      },
      async (c) =>
        c.json(
          await visibleQueues(
            c,
            await c.get('runtime').callbacks.rules.get(c.get('user')!.tenantId, kind, c.req.param('name')!),
          ),
        ),
    );
    defineRoute<{ name: string }>(
      app,
      {
        method: 'put',
        path: `${path}/:name`,
        summary: `Create or replace a ${kind} rule`,
        tag,
        roles: editors,
        body: `https://ringback.dev/schemas/${schema}`,
      },
      async (c, body) => {
        if (body.name !== c.req.param('name'))
          throw new ApiError('VALIDATION_FAILED', 'The name differs from the path', {
            errors: [{ pointer: '/name', message: 'must equal the name in the path (a rule name is fixed)' }],
          });
        const { created } = await c
          .get('runtime')
          .callbacks.rules.put(c.get('user')!.tenantId, kind, body as never);
        return c.json(body, created ? 201 : 200);
      },
    );
    defineRoute(
      app,
      {
        method: 'delete',
        path: `${path}/:name`,
        summary: `Delete a ${kind} rule (refused while assigned)`,
        tag,
        roles: editors,
        lineOfBusiness: 'filter',
      },
      async (c) => {
        try {
          await c.get('runtime').callbacks.rules.remove(c.get('user')!.tenantId, kind, c.req.param('name')!);
        } catch (error) {
          // Name only the queues the user may read; count the others.
          const queues = error instanceof ApiError ? (error.extra.queues as string[] | undefined) : undefined;
          if (!queues) throw error;
          const shown = (await readableQueues(c)).filter(queues, (q) => q);
          const others = queues.length - shown.length;
          const named = [...shown, ...(others ? [`${others} queue(s) of other lines of business`] : [])];
          throw new ApiError('IN_USE', `The rule is assigned to ${named.join(', ')}`, { queues: shown });
        }
        return c.body(null, 204);
      },
    );
  }
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/capacity-rules/:name/timeslot-length',
      summary: 'Switch a saved capacity rule between 30- and 60-minute timeslots (seed conversion)',
      tag: 'Callback rules',
      roles: callbackAdministrators,
      query: [{ name: 'duration', description: '30 or 60' }],
    },
    async (c) => {
      const duration = Number(c.req.query('duration'));
      if (duration !== 30 && duration !== 60)
        throw new ApiError('VALIDATION_FAILED', 'duration must be 30 or 60', {
          errors: [{ pointer: '/query/duration', message: 'must be 30 or 60' }],
        });
      const { rules } = c.get('runtime').callbacks;
      const tenantId = c.get('user')!.tenantId;
      const { rule } = await rules.get(tenantId, 'capacity', c.req.param('name')!);
      const converted = changeTimeslotLength(rule as CapacityRule, duration);
      await rules.put(tenantId, 'capacity', converted as never);
      return c.json(converted);
    },
  );
  defineRoute<{ number: string }>(
    app,
    {
      method: 'post',
      path: '/api/v1/number-validation-rules/:name/test',
      summary: 'Test a number against a rule',
      tag: 'Callback rules',
      roles: readers,
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/numberTest',
    },
    async (c, body) => {
      const { rule } = await c
        .get('runtime')
        .callbacks.rules.get(c.get('user')!.tenantId, 'numberValidation', c.req.param('name')!);
      try {
        return c.json({
          number: body.number,
          valid: true,
          e164: requireNumber({ numberRule: rule }, body.number),
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return c.json({ number: body.number, valid: false, reason: error.code, message: error.message });
      }
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/queues/:virtualQueue/rules',
      summary: 'Rules assigned to a queue',
      tag: 'Callback rules',
      roles: readers,
      lineOfBusiness: 'queue',
    },
    async (c) =>
      c.json(
        await c
          .get('runtime')
          .callbacks.rules.assignment(c.get('user')!.tenantId, c.req.param('virtualQueue')!),
      ),
  );
  defineRoute<Record<string, string | null>>(
    app,
    {
      method: 'put',
      path: '/api/v1/queues/:virtualQueue/rules',
      summary:
        'Assign rules to a queue (null unassigns, absent keeps); a role assigns the kinds of rule it may edit',
      tag: 'Callback rules',
      roles: numberRuleEditors,
      lineOfBusiness: 'queue',
      // Assigning a capacity or Region Affinity rule is as much the Callback Administrator's as editing one.
      memberRoles: { capacityRule: callbackAdministrators, regionAffinityRule: callbackAdministrators },
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/queueRules',
    },
    async (c, body) =>
      c.json(
        await c
          .get('runtime')
          .callbacks.rules.assign(c.get('user')!.tenantId, c.req.param('virtualQueue')!, body),
      ),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/regions',
      summary: 'Regions with a live runtime process (what a Region Affinity rule can order)',
      tag: 'Callback rules',
      roles: readers,
    },
    async (c) => {
      const runtime = c.get('runtime');
      const rows = await runtime.db
        .select({ region: runtimeNodes.region, nodeId: runtimeNodes.nodeId, seenAt: runtimeNodes.seenAt })
        .from(runtimeNodes)
        .where(gt(runtimeNodes.seenAt, runtime.clock.now() - NODE_HEALTHY_MS))
        .orderBy(asc(runtimeNodes.region), asc(runtimeNodes.nodeId));
      const regions = new Map<string, string[]>();
      for (const row of rows) regions.set(row.region, [...(regions.get(row.region) ?? []), row.nodeId]);
      return c.json({ items: [...regions].map(([region, nodes]) => ({ region, nodes })) });
    },
  );
}
