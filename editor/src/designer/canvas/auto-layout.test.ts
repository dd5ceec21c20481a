import { describe, expect, it } from 'vitest';
import type { Application, BlockInstance } from '../../../../schemas/application.generated.ts';
import { autoLayout } from './auto-layout.ts';

const play = (): BlockInstance => ({
  type: 'play-message',
  typeVersion: 1,
  phase: 'selfService',
  properties: {},
  next: {},
});

function menuFlow(): Application {
  return {
    schemaVersion: 1,
    id: 'layout',
    name: 'Layout',
    type: 'Default',
    variables: [],
    phases: { initialize: null, selfService: 'menu', assistedService: null, finalize: null },
    blocks: {
      menu: {
        type: 'menu',
        typeVersion: 1,
        phase: 'selfService',
        properties: {},
        next: {
          'option:1': 'sales',
          'option:2': 'support',
          'option:3': 'billing',
          noInput: 'retry',
          noMatch: 'sorry',
        },
      },
      sales: play(),
      support: play(),
      billing: play(),
      retry: play(),
      sorry: play(),
    },
  };
}

describe('autoLayout', () => {
  it('lays a menu’s options out as the next column, in option order', async () => {
    const at = await autoLayout(menuFlow(), () => 80);
    expect(at.sales!.x).toBeGreaterThan(at.menu!.x);
    expect(new Set([at.sales!.x, at.support!.x, at.billing!.x]).size).toBe(1);
    expect(at.sales!.y).toBeLessThan(at.support!.y);
    expect(at.support!.y).toBeLessThan(at.billing!.y);
  }, 30_000);

  it('places the error branches aside, below the options', async () => {
    const at = await autoLayout(menuFlow(), () => 80);
    for (const error of [at.retry!, at.sorry!]) expect(error.y).toBeGreaterThan(at.billing!.y);
  }, 30_000);
});
