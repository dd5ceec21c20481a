import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { designers } from '../../auth/roles.ts';
import { auditOf, findCallback } from '../../callbacks/callback-store.ts';
import type { CallOperation } from '../../calls/call-service.ts';
import { continueCall, hangUp, overrideVariable, pressDigits, timeOut } from '../../interpreter/call.ts';
import type { CallState } from '../../interpreter/call-state.ts';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';
import { defineRoute } from '../route-spec.ts';
import { testCallView } from './test-call-view.ts';

const body = 'https://ringback.dev/schemas/api.schema.json#/$defs/';
const tag = 'Test calls';

async function view(c: Context<AppEnv>, state: CallState) {
  const runtime = c.get('runtime');
  const application = await runtime.calls.documentOf(state);
  return { ...testCallView(state, application), callback: await bookedCallback(c, state) };
}

/** A test call follows the callback it booked: its state, attempts and audit trail. */
async function bookedCallback(c: Context<AppEnv>, state: CallState) {
  const id = state.variables.CallbackId;
  if (typeof id !== 'string' || !id) return null;
  const { db } = c.get('runtime');
  const row = await findCallback(db, state.tenantId, id);
  if (!row) return null;
  const audit = await auditOf(db, id);
  return {
    id,
    virtualQueue: row.virtualQueue,
    // The number Ringback will dial: the one the caller keyed in or confirmed, not the ANI.
    phoneNumber: row.phoneNumber,
    desiredTime: new Date(row.desiredTime).toISOString(),
    state: row.state,
    reason: row.reason,
    attempts: row.attempts,
    audit: audit.map((a) => ({
      at: new Date(a.at).toISOString(),
      from: a.fromState,
      to: a.toState,
      reason: a.reason,
    })),
  };
}

export function testCallRoutes(app: Hono<AppEnv>) {
  const apply = async (c: Context<AppEnv>, operation: CallOperation) => {
    const state = await c.get('runtime').calls.apply(c.get('user')!.tenantId, c.req.param('id')!, operation);
    return c.json(await view(c, state));
  };

  defineRoute<{
    ani: string;
    dnis?: string;
    applicationId?: string;
    version?: number;
    draft?: boolean;
    timeZone?: string;
    breakpoints?: string[];
  }>(
    app,
    {
      method: 'post',
      path: '/api/v1/test-calls',
      summary: 'Place a simulated inbound call to a DNIS or an application',
      tag,
      roles: designers,
      body: `${body}testCallStart`,
    },
    async (c, request) => {
      if (!request.dnis && !request.applicationId) {
        throw new ApiError('VALIDATION_FAILED', 'Give dnis or applicationId', {
          errors: [{ pointer: '/dnis', message: 'dnis or applicationId is required' }],
        });
      }
      if (request.draft && (!request.applicationId || request.version)) {
        throw new ApiError('VALIDATION_FAILED', 'A draft test call names the application and no version', {
          errors: [{ pointer: '/draft', message: 'draft needs applicationId and no version' }],
        });
      }
      const state = await c.get('runtime').calls.start({ tenantId: c.get('user')!.tenantId, ...request });
      return c.json(await view(c, state), 201);
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/test-calls/:id',
      summary: 'State, prompts, variables, trace',
      tag,
      roles: designers,
    },
    async (c) =>
      c.json(await view(c, await c.get('runtime').calls.get(c.get('user')!.tenantId, c.req.param('id')!))),
  );
  defineRoute<{ digits: string }>(
    app,
    {
      method: 'post',
      path: '/api/v1/test-calls/:id/dtmf',
      summary: 'The caller presses digits',
      tag,
      roles: designers,
      body: `${body}dtmfRequest`,
    },
    (c, { digits }) => apply(c, (state, env) => pressDigits(state, digits, env)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/test-calls/:id/timeout',
      summary: 'The caller stays silent: the pending wait times out now',
      tag,
      roles: designers,
    },
    (c) => apply(c, (state, env) => timeOut(state, env)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/test-calls/:id/hangup',
      summary: 'The caller hangs up',
      tag,
      roles: designers,
    },
    (c) => apply(c, (state, env) => hangUp(state, env)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/test-calls/:id/continue',
      summary: 'Continue from a breakpoint',
      tag,
      roles: designers,
    },
    (c) => apply(c, (state, env) => continueCall(state, env, false)),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/v1/test-calls/:id/step',
      summary: 'Run one block and pause again',
      tag,
      roles: designers,
    },
    (c) => apply(c, (state, env) => continueCall(state, env, true)),
  );
  defineRoute<{ blockIds: string[] }>(
    app,
    {
      method: 'put',
      path: '/api/v1/test-calls/:id/breakpoints',
      summary: 'Replace the breakpoints',
      tag,
      roles: designers,
      body: `${body}breakpointsRequest`,
    },
    (c, { blockIds }) =>
      apply(c, (state) => {
        state.breakpoints = [...new Set(blockIds)];
      }),
  );
  defineRoute<{ value: unknown }>(
    app,
    {
      method: 'put',
      path: '/api/v1/test-calls/:id/variables/:name',
      summary: 'Change a variable of a live call',
      tag,
      roles: designers,
      body: `${body}variableOverride`,
    },
    (c, { value }) =>
      apply(c, (state, _env, application) =>
        overrideVariable(state, application, c.req.param('name')!, value, c.get('runtime').clock.now()),
      ),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/test-calls/:id/events',
      summary: 'Server-Sent Events of the call (resumes after Last-Event-ID)',
      tag,
      roles: designers,
    },
    async (c) => {
      const runtime = c.get('runtime');
      const tenantId = c.get('user')!.tenantId;
      const id = c.req.param('id')!;
      let state = await runtime.calls.get(tenantId, id);
      let sent = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0) || 0;
      return streamSSE(c, async (stream) => {
        let wake: (() => void) | undefined;
        const unsubscribe = runtime.calls.subscribe(id, (next: CallState) => {
          state = next;
          wake?.();
        });
        stream.onAbort(() => {
          unsubscribe();
          wake?.();
        });
        try {
          while (!stream.aborted) {
            for (const event of state.events) {
              if (event.seq <= sent) continue;
              await stream.writeSSE({
                id: String(event.seq),
                event: event.type,
                data: JSON.stringify(event),
              });
              sent = event.seq;
            }
            if (state.status === 'ended') break;
            // Another process may advance the call: poll the store as well as listening.
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, 1000);
            });
            wake = undefined;
            if (!stream.aborted) state = await runtime.calls.get(tenantId, id);
          }
          await stream.writeSSE({
            event: 'state',
            data: JSON.stringify({ type: 'state', call: await view(c, state) }),
          });
        } finally {
          unsubscribe();
        }
      });
    },
  );
}
