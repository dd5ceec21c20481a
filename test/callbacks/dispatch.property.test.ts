/**
 * Issue 8, section 4, as a property over the simulator and the engine on virtual time: whatever
 * the agents (skills, states, handle times), bookings (at one instant or spread), dial outcomes and
 * clock steps, no callback stays QUEUED and due at the top of its queue while an agent matching its
 * skill expression is Ready and not already taken by one of the queue's dials, once the engine's
 * dispatch pass at that instant has run. It is checked at every instant the virtual clock stops
 * (each dial end, agent release, retry and due time on the way), not only at the end of a jump.
 * The inputs are fixed by the seed; each run uses a queue
 * and skills of its own in one runtime, so runs do not disturb each other.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesSkills, parseSkillExpression } from '../../runtime/contact-center/index.ts';
import { callbacks } from '../../runtime/db/schema.ts';
import { queueLike, type Sales, startSales } from '../ges/support.ts';

let ctx: Sales;
beforeAll(async () => {
  ctx = await startSales();
});
afterAll(() => ctx?.started.stop());

const outcome = fc.record({
  outcome: fc.constantFrom('answer', 'answer', 'answer', 'busy', 'noAnswer', 'unreachable'),
  afterSeconds: fc.integer({ min: 1, max: 30 }),
});
const agentState = fc.constantFrom('Ready', 'Ready', 'NotReady', 'LoggedOut');
const step = fc.oneof(
  fc.record({ kind: fc.constant('book' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('agent' as const), agent: fc.nat(), state: agentState }),
);
const scenario = fc.record({
  expression: fc.constantFrom('A', 'A>1', 'A | B', 'A & B', '!B'),
  agents: fc.array(
    fc.record({
      skills: fc.record({ A: fc.integer({ min: 0, max: 3 }), B: fc.integer({ min: 0, max: 3 }) }),
      state: agentState,
      handleTimeSeconds: fc.integer({ min: 30, max: 300 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  /** Dial outcomes of each booked customer, in turn (the last repeats). */
  dials: fc.array(fc.array(outcome, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
  steps: fc.array(step, { minLength: 1, maxLength: 6 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

let run = 0;

/** Skills of one run: A and B renamed, so agents of other runs never match its queue. */
const renamed = (expression: string, n: number) => expression.replace(/\b([AB])\b/g, `$1_${n}`);

async function check(n: number, queue: string, expression: string) {
  const runtime = ctx.started.runtime;
  const now = runtime.clock.now();
  const parsed = parseSkillExpression(renamed(expression, n));
  const rows = await runtime.db
    .select({ state: callbacks.state, due: sql<boolean>`${callbacks.nextAttemptAt} <= ${now}::bigint` })
    .from(callbacks)
    .where(and(eq(callbacks.virtualQueue, queue), inArray(callbacks.state, ['QUEUED', 'ROUTING'])));
  const dueQueued = rows.filter((r) => r.state === 'QUEUED' && r.due).length;
  const dialling = rows.filter((r) => r.state === 'ROUTING').length;
  const ready = runtime.callbacks.host.simulator
    .agents()
    .filter((agent) => agent.state === 'Ready' && matchesSkills(parsed, agent.skills)).length;
  // Each dial in progress holds one Ready agent for its customer; any other Ready agent is idle.
  if (dueQueued > 0 && ready > dialling)
    throw new Error(
      `${queue} at ${new Date(now).toISOString()}: ${dueQueued} due callbacks QUEUED, ${ready} matching agents Ready, ${dialling} dials in progress`,
    );
}

async function play(s: Scenario): Promise<void> {
  const n = ++run;
  const queue = `Prop${n}_VQ`;
  const host = ctx.started.runtime.callbacks.host;
  await queueLike(ctx, queue, {
    skillExpression: renamed(s.expression, n),
    capacityRule: null,
    numberValidationRule: null,
    purgeAtEndOfDay: false,
  });
  const agentIds = s.agents.map((_, j) => `prop${n}-${j}`);
  for (const [j, agent] of s.agents.entries()) {
    const skills = Object.fromEntries(
      Object.entries(agent.skills)
        .filter(([, level]) => level > 0)
        .map(([skill, level]) => [`${skill}_${n}`, level]),
    );
    const reply = await ctx.api.put(`/api/v1/agents/${agentIds[j]}`, {
      id: agentIds[j],
      name: `Agent ${j} of run ${n}`,
      skills,
      handleTimeSeconds: agent.handleTimeSeconds,
      state: agent.state,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  }
  let booked = 0;
  const ids: string[] = [];
  for (const action of s.steps) {
    if (action.kind === 'book') {
      // `count` bookings at one instant, each customer with scripted dial outcomes.
      const numbers = Array.from({ length: action.count }, () => {
        const number = `+1415${200 + n}${String(booked).padStart(4, '0')}`;
        const script = s.dials[booked % s.dials.length]!;
        host.script(
          number,
          script.map((d) => ({ outcome: d.outcome, afterMs: d.afterSeconds * 1000 })),
        );
        booked++;
        return number;
      });
      const replies = await Promise.all(
        numbers.map((phoneNumber) =>
          ctx.ges('POST', '/callbacks/create', { serviceName: queue, phoneNumber }),
        ),
      );
      for (const reply of replies) {
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        ids.push(reply.body.data.id);
      }
    } else if (action.kind === 'agent') {
      const id = agentIds[action.agent % agentIds.length]!;
      await ctx.api.put(`/api/v1/agents/${id}/state`, { state: action.state });
    } else {
      // Checked at every instant the clock stops on the way (after the engine's passes there).
      let failure: unknown;
      const stopChecking = ctx.started.runtime.clock.onAdvance(() =>
        check(n, queue, s.expression).catch((error) => {
          failure ??= error;
        }),
      );
      try {
        await ctx.advance(action.seconds);
      } finally {
        stopChecking();
      }
      if (failure) throw failure;
    }
  }
  await ctx.advance(0);
  await check(n, queue, s.expression);
  // Leave nothing of this run waiting: its agents log out and its callbacks are cancelled.
  for (const id of agentIds) await ctx.api.put(`/api/v1/agents/${id}/state`, { state: 'LoggedOut' });
  if (ids.length) await ctx.api.post('/api/v1/callbacks/bulk-cancel', { ids });
  // Later runs do not pay for this queue in every engine tick.
  await ctx.api.delete(`/api/v1/data-tables/CALLBACK_SETTINGS/rows/${queue}`);
}

// Each run plays a whole scenario against the engine (seconds each), so the suite runs a few;
// RINGBACK_PROPERTY_RUNS=200 with another RINGBACK_PROPERTY_SEED explores further.
const runs = Number(process.env.RINGBACK_PROPERTY_RUNS ?? 4);
const seed = Number(process.env.RINGBACK_PROPERTY_SEED ?? 8_2026);

describe('dispatch on virtual time (property)', () => {
  it(
    'never leaves a due callback QUEUED beside a Ready matching agent after a dispatch pass',
    async () => {
      await fc.assert(fc.asyncProperty(scenario, play), { seed, numRuns: runs, endOnFailure: true });
    },
    120_000 + runs * 30_000,
  );
});
