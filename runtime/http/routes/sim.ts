import type { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../problem.ts';
import { defineRoute } from '../route-spec.ts';

export function simRoutes(app: Hono<AppEnv>) {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/v1/sim/clock',
      summary: 'The runtime clock',
      tag: 'Simulator',
      roles: 'any',
    },
    (c) => {
      const { clock } = c.get('runtime');
      return c.json({ kind: clock.kind, now: new Date(clock.now()).toISOString() });
    },
  );
  defineRoute<{ seconds: number }>(
    app,
    {
      method: 'post',
      path: '/api/v1/sim/clock/advance',
      summary: 'Move a virtual clock forward (refused on the system clock)',
      tag: 'Simulator',
      roles: ['administrator', 'developer'],
      body: 'https://ringback.dev/schemas/api.schema.json#/$defs/clockAdvance',
    },
    async (c, { seconds }) => {
      const { virtualClock } = c.get('runtime');
      if (!virtualClock)
        throw new ApiError('CLOCK_NOT_VIRTUAL', 'Start the runtime with RINGBACK_CLOCK=virtual');
      await virtualClock.advance(Math.round(seconds * 1000));
      return c.json({ kind: 'virtual', now: new Date(virtualClock.now()).toISOString() });
    },
  );
  defineRoute<{
    outcomes: { outcome: 'answer' | 'busy' | 'noAnswer' | 'unreachable'; afterSeconds?: number }[];
  }>(
    app,
    {
      method: 'put',
      path: '/api/v1/sim/dialer/:number',
      summary: 'Script what the simulated customer at a number does with the next dials (this process)',
      tag: 'Simulator',
      roles: ['administrator', 'developer'],
      body: 'https://ringback.dev/schemas/api.schema.json#/$defs/dialerScript',
    },
    (c, { outcomes }) => {
      const number = c.req.param('number')!;
      const script = outcomes.map((o) => ({
        outcome: o.outcome,
        afterMs: Math.round((o.afterSeconds ?? 5) * 1000),
      }));
      c.get('runtime').callbacks.host.script(number, script);
      return c.json({ number, outcomes });
    },
  );
}
