import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../blocks/registry.ts';
import type { Application } from '../application.generated.ts';
import { outcomesOf } from './outcomes.ts';
import type { TenantContext } from './tenant-context.ts';
import { type BlockCatalog, validateApplication } from './validate.ts';
import { edited, instance, summary } from './validate-fixtures.ts';

const context: TenantContext = {
  routingQueues: ['Support_VQ'],
  callbackQueues: ['Sales_VQ'],
  businessHours: ['Main office'],
  rules: ['North_America'],
  applications: [{ id: 'sales-callback', type: 'Callback' }],
};

const blockCatalog: BlockCatalog = {
  find: (type) => {
    const b = blockRegistry.get(type);
    return b && { definition: b.definition, runnable: b.handler !== undefined };
  },
};

const validate = (application: Application, tenant?: TenantContext) =>
  validateApplication(application, blockCatalog, tenant);

describe('required properties', () => {
  it('reports a Play Message, Menu and User Input without prompts', () => {
    const report = validate(
      edited((a) => {
        a.blocks.welcome!.properties = { prompts: [] };
        a.blocks.ask!.properties = { ...a.blocks.ask!.properties, prompts: [] };
      }),
    );
    expect(summary(report.issues)).toEqual(
      expect.arrayContaining([
        'REQUIRED_FIELD_MISSING@/blocks/welcome/properties/prompts (welcome)',
        'REQUIRED_FIELD_MISSING@/blocks/ask/properties/prompts (ask)',
      ]),
    );
    expect(report.valid).toBe(false);
    expect(report.issues.find((i) => i.blockId === 'welcome')?.message).toBe(
      'Prompts is required: Play Message cannot run without it',
    );
  });

  it('reports a Route Call with no virtual queue, but not one that takes it from variables', () => {
    const route = (properties: Record<string, unknown>) =>
      validate(
        edited((a) => {
          a.blocks.route = instance('route-call', 'assistedService', properties);
          a.phases.assistedService = 'route';
        }),
      ).issues.filter((i) => i.code === 'REQUIRED_FIELD_MISSING');
    expect(route({}).map((i) => i.pointer)).toEqual(['/blocks/route/properties/virtualQueue']);
    expect(route({ routingType: 'systemVariables' })).toEqual([]);
    expect(route({ valueSource: 'variable' }).map((i) => i.pointer)).toEqual([
      '/blocks/route/properties/virtualQueueVariable',
    ]);
  });
});

describe('references to the tenant', () => {
  const routeTo = (virtualQueue: string, next: Record<string, string> = {}) =>
    edited((a) => {
      a.blocks.route = instance('route-call', 'assistedService', { virtualQueue }, next);
      a.phases.assistedService = 'route';
    });

  it('warns about a routing queue nobody knows, naming the block and the property', () => {
    const issues = validate(routeTo('Suport_VQ'), context).issues.filter(
      (i) => i.code === 'UNKNOWN_REFERENCE',
    );
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'UNKNOWN_REFERENCE',
        blockId: 'route',
        pointer: '/blocks/route/properties/virtualQueue',
        message: expect.stringMatching(/^Virtual queue “Suport_VQ” is not a virtual queue of this tenant/),
      },
    ]);
  });

  it('accepts a queue the contact center or a CALLBACK_SETTINGS row knows', () => {
    for (const queue of ['Support_VQ', 'Sales_VQ']) {
      expect(validate(routeTo(queue), context).issues.filter((i) => i.code === 'UNKNOWN_REFERENCE')).toEqual(
        [],
      );
    }
  });

  const offerIn = (virtualQueue: string, next: Record<string, string> = {}) =>
    edited((a) => {
      a.blocks.offer = instance(
        'callback-v2',
        'assistedService',
        { virtualQueue, offerPrompts: [{ type: 'tts', value: 'Press 1 for a callback.' }] },
        next,
      );
      a.phases.assistedService = 'offer';
    });

  it('reports a Callback V2 queue without CALLBACK_SETTINGS as an error: no offer could ever be made', () => {
    const issues = validate(offerIn('Sales_Q'), context).issues.filter((i) => i.code === 'UNKNOWN_REFERENCE');
    expect(issues.map((i) => [i.severity, i.message])).toEqual([
      ['error', 'Virtual queue “Sales_Q” has no CALLBACK_SETTINGS row: no callback can be offered or booked'],
    ]);
    expect(
      validate(offerIn('Sales_VQ'), context).issues.filter((i) => i.code === 'UNKNOWN_REFERENCE'),
    ).toEqual([]);
  });

  it('lowers it to a warning when the error outcome is linked', () => {
    const issues = validate(offerIn('Sales_Q', { error: 'offer' }), context).issues.filter(
      (i) => i.code === 'UNKNOWN_REFERENCE',
    );
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
  });

  it('reports unknown business hours by their title', () => {
    const report = validate(
      edited((a) => {
        a.blocks.hours = instance('business-hours', 'selfService', { businessHoursName: 'Main ofice' });
      }),
      context,
    );
    expect(report.issues.find((i) => i.code === 'UNKNOWN_REFERENCE')).toMatchObject({
      severity: 'error',
      message: 'Business hours “Main ofice” is not a business-hours name of this tenant',
    });
  });

  it('checks no reference without a tenant context (a file on the command line)', () => {
    expect(validate(routeTo('Nope_VQ')).issues.filter((i) => i.code === 'UNKNOWN_REFERENCE')).toEqual([]);
  });
});

describe('outcomes per application type', () => {
  const definition = blockCatalog.find('callback-v2')!.definition;
  it('offers Callback V2 its booking outcomes in a Default application and its dial outcomes in a Callback one', () => {
    expect(outcomesOf(definition, {}, 'Default').map((o) => o.name)).toEqual([
      'immediateBooked',
      'scheduledBooked',
      'declined',
      'notOffered',
      'error',
    ]);
    expect(outcomesOf(definition, {}, 'Callback').map((o) => o.name)).toEqual([
      'connected',
      'failed',
      'expired',
    ]);
    expect(outcomesOf(definition, {})).toHaveLength(8);
  });
});
