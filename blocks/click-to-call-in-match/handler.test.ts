import { describe, expect, it } from 'vitest';
import type { CallInServices } from '../contract.ts';
import { BlockHarness } from '../testing.ts';
import { clickToCallInMatch } from './handler.ts';
import type { ClicktoCallInMatchProperties } from './properties.generated.ts';

/** An in-process request book standing in for the runtime's: one request, matched by equality. */
function requests(request: {
  dnis: string;
  ani: string;
  code: string;
}): CallInServices & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    async match(call) {
      asked.push(call);
      const matched = call.criteria.filter((c) =>
        c === 'dnis'
          ? call.dnis === request.dnis
          : c === 'ani'
            ? call.ani === request.ani
            : call.accessCode === request.code,
      );
      if (matched.length === 0) return undefined;
      return {
        matched,
        complete: matched.length === call.criteria.length,
        userData: { orderId: 'A-1' },
        routing: { virtualQueue: 'Delayed_VQ', skillExpression: 'CallIn>0', priority: 7 },
      };
    },
  };
}

const properties: ClicktoCallInMatchProperties = {
  matchCriteria: ['accessCode', 'dnis'],
  accessCode: 'code',
  resultVariable: 'data',
  routingParameters: {
    virtualQueueVariable: 'RoutingVirtualQueue',
    skillExpressionVariable: 'RoutingSkillExpression',
    priorityVariable: 'RoutingPriority',
  },
};

describe('Click-to-Call-In Match', () => {
  it('takes the port of the criteria that matched and sets the routing parameters', async () => {
    const callIn = requests({ dnis: '+18005550301', ani: '+14155550100', code: '1234' });
    const harness = new BlockHarness(clickToCallInMatch, {
      properties,
      variables: { DNIS: '+18005550301', ANI: '+14155550100', code: '1234' },
      services: { callIn },
    });
    expect(await harness.start()).toEqual({ kind: 'outcome', outcome: 'match:accessCode+dnis' });
    expect(callIn.asked[0]).toMatchObject({
      criteria: ['accessCode', 'dnis'],
      accessCode: '1234',
      dnis: '+18005550301',
    });
    expect(harness.variables.get('data')).toEqual({ orderId: 'A-1' });
    expect(harness.variables.get('RoutingVirtualQueue')).toBe('Delayed_VQ');
    expect(harness.variables.get('RoutingSkillExpression')).toBe('CallIn>0');
    expect(harness.variables.get('RoutingPriority')).toBe(7);
  });

  it('reports a partial match by its own port, and nothingMatched when nothing does', async () => {
    const callIn = requests({ dnis: '+18005550301', ani: '', code: '1234' });
    const wrongCode = new BlockHarness(clickToCallInMatch, {
      properties,
      variables: { DNIS: '+18005550301', ANI: '+1', code: '9999' },
      services: { callIn },
    });
    expect(await wrongCode.start()).toEqual({ kind: 'outcome', outcome: 'match:dnis' });
    const none = new BlockHarness(clickToCallInMatch, {
      properties,
      variables: { DNIS: '+18005550399', ANI: '+1', code: '9999' },
      services: { callIn },
    });
    expect(await none.start()).toEqual({ kind: 'outcome', outcome: 'nothingMatched' });
  });

  it('fails as a missing resource where no requests are kept', async () => {
    const harness = new BlockHarness(clickToCallInMatch, { properties, variables: { code: '1' } });
    expect(await harness.start()).toMatchObject({ kind: 'error', code: 'RESOURCE_MISSING' });
  });
});
