import { describe, expect, it } from 'vitest';
import { harness, InProcessRouter, tts } from '../testing.ts';
import { routeCall } from './handler.ts';

describe('route-call', () => {
  it('routes at once to a free agent and records the agent', async () => {
    const routing = new InProcessRouter({ Sales_VQ: ['agent-7'] });
    const block = harness(routeCall, {
      properties: { virtualQueue: 'Sales_VQ', skillExpression: 'Sales>=5', priority: 3, timeoutSeconds: 60 },
      services: { routing },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'routed' });
    expect(routing.requests).toEqual([
      { virtualQueue: 'Sales_VQ', skillExpression: 'Sales>=5', priority: 3, timeoutSeconds: 60 },
    ]);
    expect(block.variables.get('RoutingAgentId')).toBe('agent-7');
    expect(block.variables.get('RoutingVirtualQueue')).toBe('Sales_VQ');
  });

  it('plays treatment while queued and is routed when the routed event comes', async () => {
    const block = harness(routeCall, {
      properties: { virtualQueue: 'Sales_VQ', timeoutSeconds: 120, treatmentPrompts: tts('Please hold.') },
      services: { routing: new InProcessRouter({ Sales_VQ: [] }) },
    });
    expect(await block.start()).toMatchObject({ kind: 'wait', event: 'routed', timeoutSeconds: 120 });
    expect(block.heard()).toEqual(['Please hold.']);
    const result = await block.resume({ kind: 'event', name: 'routed', data: { agentId: 'agent-2' } });
    expect(result).toEqual({ kind: 'outcome', outcome: 'routed' });
    expect(block.variables.get('RoutingAgentId')).toBe('agent-2');
  });

  it('takes timeout when no agent comes in time', async () => {
    const block = harness(routeCall, {
      properties: { virtualQueue: 'Sales_VQ' },
      services: { routing: new InProcessRouter({ Sales_VQ: [] }) },
    });
    await block.start();
    expect(await block.resume({ kind: 'timeout' })).toEqual({ kind: 'outcome', outcome: 'timeout' });
  });

  it('keeps waiting when resumed by caller digits', async () => {
    const block = harness(routeCall, {
      properties: { virtualQueue: 'Sales_VQ', timeoutSeconds: 30 },
      services: { routing: new InProcessRouter({ Sales_VQ: [] }) },
    });
    await block.start();
    expect(await block.resume({ kind: 'digits', digits: '1' })).toMatchObject({
      kind: 'wait',
      event: 'routed',
    });
  });

  it('reads queue, skills and priority from system variables in that mode', async () => {
    const routing = new InProcessRouter({ Support_VQ: ['agent-1'] });
    const block = harness(routeCall, {
      properties: { routingType: 'systemVariables', virtualQueue: 'Ignored_VQ', priority: 1 },
      variables: {
        RoutingVirtualQueue: 'Support_VQ',
        RoutingSkillExpression: 'French>1',
        RoutingPriority: 50,
      },
      services: { routing },
    });
    expect(await block.start()).toEqual({ kind: 'outcome', outcome: 'routed' });
    expect(routing.requests[0]).toEqual({
      virtualQueue: 'Support_VQ',
      skillExpression: 'French>1',
      priority: 50,
      timeoutSeconds: 300,
    });
  });

  it('reads queue and skills from the named variables in variable mode', async () => {
    const routing = new InProcessRouter({ Vip_VQ: ['agent-1'] });
    const block = harness(routeCall, {
      properties: {
        valueSource: 'variable',
        virtualQueueVariable: 'Queue',
        skillExpressionVariable: 'Skills',
      },
      variables: { Queue: 'Vip_VQ', Skills: 'Vip>0' },
      services: { routing },
    });
    await block.start();
    expect(routing.requests[0]).toMatchObject({ virtualQueue: 'Vip_VQ', skillExpression: 'Vip>0' });
  });

  it('fails when there is no queue to route to', async () => {
    const block = harness(routeCall, {
      properties: { routingType: 'systemVariables' },
      services: { routing: new InProcessRouter({}) },
    });
    expect(await block.start()).toMatchObject({ kind: 'error', code: 'RESOURCE_MISSING' });
  });

  it('passes on a routing error', async () => {
    const block = harness(routeCall, {
      properties: { virtualQueue: 'Nowhere_VQ' },
      services: { routing: new InProcessRouter({}) },
    });
    expect(await block.start()).toMatchObject({ kind: 'error', code: 'UNKNOWN_QUEUE' });
  });
});
