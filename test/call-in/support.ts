/**
 * Click-To-Call-In scenarios on the seeded Sales runtime (virtual clock): a group with a small
 * DNIS pool, a Match application on its numbers, and a USERORIGINATED queue Delayed_VQ served by
 * one agent (dora, skill CallIn) whose Callback application uses Callback V2 "customer dials in".
 */
import { expect } from 'vitest';
import type { Application } from '../../schemas/application.generated.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

export const POOL = ['+18005550301', '+18005550302', '+18005550303'];
export const DELAYED_VQ = 'Delayed_VQ';

/** Match on the access code entered and the number dialled; route with the request's parameters. */
export function matchApplication(
  id: string,
  criteria: string[],
  route: Record<string, unknown>,
): Application {
  const ports = Object.fromEntries(
    [
      'match:accessCode',
      'match:dnis',
      'match:ani',
      'match:accessCode+ani',
      'match:ani+dnis',
      'match:accessCode+dnis',
    ]
      .filter((port) =>
        port
          .slice(6)
          .split('+')
          .every((c) => criteria.includes(c)),
      )
      .map((port) => [port, 'sorry']),
  );
  const full = `match:${['accessCode', 'ani', 'dnis'].filter((c) => criteria.includes(c)).join('+')}`;
  return {
    schemaVersion: 1,
    id,
    name: `Click-to-Call-In match ${id}`,
    type: 'Default',
    variables: [
      { name: 'code', default: '' },
      { name: 'requestData', default: {} },
    ],
    phases: {
      initialize: null,
      selfService: null,
      assistedService: criteria.includes('accessCode') ? 'askCode' : 'match',
      finalize: null,
    },
    blocks: {
      askCode: {
        type: 'user-input',
        typeVersion: 1,
        phase: 'assistedService',
        properties: {
          prompts: [{ type: 'tts', value: 'Please enter your access code, then hash.' }],
          minDigits: 4,
          maxDigits: 12,
          retries: 0,
          resultVariable: 'code',
        },
        next: { next: 'match', noInput: 'sorry', noMatch: 'sorry' },
      },
      match: {
        type: 'click-to-call-in-match',
        typeVersion: 1,
        phase: 'assistedService',
        properties: {
          matchCriteria: criteria,
          ...(criteria.includes('accessCode') ? { accessCode: 'code' } : {}),
          resultVariable: 'requestData',
          routingParameters: {
            virtualQueueVariable: 'RoutingVirtualQueue',
            skillExpressionVariable: 'RoutingSkillExpression',
            priorityVariable: 'RoutingPriority',
          },
        },
        next: { ...ports, [full]: 'route', nothingMatched: 'sorry' },
      },
      route: {
        type: 'route-call',
        typeVersion: 1,
        phase: 'assistedService',
        properties: { timeoutSeconds: 900, ...route },
        next: { timeout: 'sorry', error: 'sorry' },
      },
      sorry: {
        type: 'play-message',
        typeVersion: 1,
        phase: 'assistedService',
        properties: { prompts: [{ type: 'tts', value: 'We could not find your request.' }] },
        next: { next: 'bye' },
      },
      bye: { type: 'terminate-call', typeVersion: 1, phase: 'assistedService', properties: {}, next: {} },
    },
  };
}

/** The Click-To-Call-In delayed Callback application: Callback V2, customer dials in. */
export function delayedCallbackApplication(): Application {
  return {
    schemaVersion: 1,
    id: 'delayed-callback',
    name: 'Click-To-Call-In delayed',
    type: 'Callback',
    variables: [],
    phases: { initialize: 'connect', selfService: null, assistedService: null, finalize: null },
    blocks: {
      connect: {
        type: 'callback-v2',
        typeVersion: 1,
        phase: 'initialize',
        properties: {
          virtualQueueSource: 'literal',
          virtualQueue: DELAYED_VQ,
          connectCustomer: 'customerDialsIn',
        },
        next: {},
      },
    },
  };
}

export async function publish(ctx: Sales, application: Application) {
  const created = await ctx.api.post('/api/v1/applications', application);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await ctx.api.post(`/api/v1/applications/${application.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBeLessThan(300);
}

export async function assign(ctx: Sales, dnis: string, applicationId: string) {
  const reply = await ctx.api.put(`/api/v1/phone-numbers/${encodeURIComponent(dnis)}`, { applicationId });
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
}

export async function putGroup(ctx: Sales, name: string, body: Record<string, unknown>) {
  const reply = await ctx.api.put(`/api/v1/call-in-groups/${encodeURIComponent(name)}`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  return reply.body;
}

export async function setAgent(ctx: Sales, id: string, state: 'Ready' | 'NotReady' | 'LoggedOut') {
  const reply = await ctx.api.put(`/api/v1/agents/${id}/state`, { state });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

/** The Sales runtime plus Delayed_VQ, its agent (NotReady) and the delayed Callback application. */
export async function startCallIn(env: Record<string, string> = {}, handleTimeSeconds = 120) {
  const ctx = await startSales(env);
  const agent = await ctx.api.put('/api/v1/agents/dora', {
    id: 'dora',
    name: 'Dora (Click-To-Call-In)',
    skills: { CallIn: 5 },
    handleTimeSeconds,
    state: 'NotReady',
  });
  expect(agent.status, JSON.stringify(agent.body)).toBeLessThan(300);
  // Publishing checks the queue the application names, and the queue checks its application is
  // published: the queue first with Sales_VQ's application, then the application, then the queue's.
  const queue = {
    callDirection: 'USERORIGINATED',
    skillExpression: 'CallIn>0',
    routingPoint: null,
    capacityRule: null,
    pushedCallbackExpiryMinutes: 2,
    pushNotificationThresholdMinutes: 2,
    callbackPurgeTimeMinutes: 60,
  };
  await queueLike(ctx, DELAYED_VQ, queue);
  await publish(ctx, delayedCallbackApplication());
  await queueLike(ctx, DELAYED_VQ, { ...queue, callbackApplication: 'delayed-callback' });
  return ctx;
}

/** A test call: starts, types each entry when the call asks, returns the call's final view. */
export async function call(ctx: Sales, dnis: string, ani: string, digits: string[] = []) {
  const start = await ctx.api.post('/api/v1/test-calls', { dnis, ani });
  expect(start.status, JSON.stringify(start.body)).toBe(201);
  let view = start.body;
  for (const entry of digits)
    view = (await ctx.api.post(`/api/v1/test-calls/${view.id}/dtmf`, { digits: entry })).body;
  return view;
}

export async function callView(ctx: Sales, id: string) {
  return (await ctx.api.get(`/api/v1/test-calls/${id}`)).body;
}

export async function callback(ctx: Sales, id: string) {
  return (await ctx.api.get(`/api/v1/callbacks/${id}`)).body;
}
