import type { Hono } from 'hono';
import { callbackManagers, callbackViewers } from '../auth/policies.ts';
import type { Role } from '../auth/roles.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/problem.ts';
import { defineRoute } from '../http/route-spec.ts';
import type { AgentInput, AgentRow, SettableState } from './agent-store.ts';

// The simulated contact center's agents: read with the callbacks, staffed by those who manage them.
const readers: Role[] = [...callbackViewers, 'developer'];
const editors = callbackManagers;
const tag = 'Agents';

export function agentRoutes(app: Hono<AppEnv>) {
  const view = (c: { get(k: 'runtime'): AppEnv['Variables']['runtime'] }, row: AgentRow) => {
    // Busy is known only to the simulator: show it when the agent is handling a call here.
    const simulated = c.get('runtime').callbacks.host.simulator.agent(`${row.tenantId}/${row.id}`);
    const handle = row.handleTime as { seconds?: number };
    return {
      id: row.id,
      name: row.name,
      skills: row.skills,
      handleTimeSeconds: handle.seconds,
      state: simulated?.state === 'Busy' ? 'Busy' : row.state,
    };
  };
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/agents', summary: 'Every agent', tag, roles: readers },
    async (c) => {
      const items = (await c.get('runtime').callbacks.agents.list(c.get('user')!.tenantId)).map((r) =>
        view(c, r),
      );
      return c.json({ items, total: items.length, page: 1, pageSize: items.length });
    },
  );
  defineRoute(
    app,
    { method: 'get', path: '/api/v1/agents/:id', summary: 'One agent', tag, roles: readers },
    async (c) =>
      c.json(
        view(c, await c.get('runtime').callbacks.agents.get(c.get('user')!.tenantId, c.req.param('id')!)),
      ),
  );
  defineRoute<AgentInput>(
    app,
    {
      method: 'put',
      path: '/api/v1/agents/:id',
      summary: 'Create or replace an agent',
      tag,
      roles: editors,
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/agent',
    },
    async (c, body) => {
      if (body.id !== c.req.param('id'))
        throw new ApiError('VALIDATION_FAILED', 'The id differs from the path', {
          errors: [{ pointer: '/id', message: 'must equal the id in the path' }],
        });
      const runtime = c.get('runtime');
      const { agent, created } = await runtime.callbacks.agents.put(c.get('user')!.tenantId, body);
      await runtime.callbacks.host.syncAgents();
      return c.json(view(c, agent), created ? 201 : 200);
    },
  );
  defineRoute<{ state: SettableState }>(
    app,
    {
      method: 'put',
      path: '/api/v1/agents/:id/state',
      summary: 'Set an agent Ready, NotReady or LoggedOut',
      tag,
      roles: [...editors, 'developer'],
      body: 'https://ringback.dev/schemas/callbacks-api.schema.json#/$defs/agentState',
    },
    async (c, body) => {
      const runtime = c.get('runtime');
      const agent = await runtime.callbacks.agents.setState(
        c.get('user')!.tenantId,
        c.req.param('id')!,
        body.state,
      );
      await runtime.callbacks.host.syncAgents();
      return c.json(view(c, agent));
    },
  );
  defineRoute(
    app,
    { method: 'delete', path: '/api/v1/agents/:id', summary: 'Delete an agent', tag, roles: editors },
    async (c) => {
      await c.get('runtime').callbacks.agents.remove(c.get('user')!.tenantId, c.req.param('id')!);
      return c.body(null, 204);
    },
  );
}
