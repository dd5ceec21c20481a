import { describe, expect, it } from 'vitest';
import { virtualClock } from '../clock/index.ts';
import type { AgentDefinition } from './agents.ts';
import type { Assignment } from './contact-center.ts';
import { ContactCenterSimulator, driveWithClock } from './simulator.ts';

const T0 = Date.UTC(2026, 0, 5, 9);
const agent = (id: string, skills: Record<string, number>, seconds = 60): AgentDefinition => ({
  id,
  name: id,
  skills,
  handleTime: { kind: 'fixed', seconds },
});

function simulator() {
  const sim = new ContactCenterSimulator({ startMs: T0, seed: 7 });
  const assignments: Assignment[] = [];
  sim.onAssigned((assignment) => assignments.push(assignment));
  sim.configureQueue('Sales_VQ', {
    skillExpression: 'Sales>=5',
    priorityInitial: 1,
    aging: { increment: 1, intervalSeconds: 60, limit: 10 },
  });
  return { sim, assignments };
}

describe('routing', () => {
  it('gives an arriving interaction to the longest-idle matching Ready agent', () => {
    const { sim, assignments } = simulator();
    sim.addAgent(agent('late', { Sales: 5 }));
    sim.addAgent(agent('early', { Sales: 5 }), 'Ready');
    sim.tick(T0 + 1000);
    sim.setAgentState('late', 'Ready');
    sim.enqueue({ id: 'call-1', virtualQueue: 'Sales_VQ' });
    expect(assignments.map((a) => a.agentId)).toEqual(['early']);
    expect(sim.agent('early')?.state).toBe('Busy');
  });

  it('waits for an agent whose skills match the expression', () => {
    const { sim, assignments } = simulator();
    sim.addAgent(agent('junior', { Sales: 2 }), 'Ready');
    sim.enqueue({ id: 'call-1', virtualQueue: 'Sales_VQ' });
    expect(assignments).toEqual([]);
    sim.addAgent(agent('senior', { Sales: 8 }), 'Ready');
    expect(assignments.map((a) => [a.interactionId, a.agentId])).toEqual([['call-1', 'senior']]);
  });

  it('serves higher priority first, then the longest waiting', () => {
    const { sim, assignments } = simulator();
    sim.enqueue({ id: 'old', virtualQueue: 'Sales_VQ' });
    sim.tick(T0 + 1000);
    sim.enqueue({ id: 'new', virtualQueue: 'Sales_VQ' });
    sim.enqueue({ id: 'vip', virtualQueue: 'Sales_VQ', priority: 50 });
    expect(sim.waiting('old')?.position).toBe(2);
    sim.addAgent(agent('a', { Sales: 5 }), 'Ready');
    sim.tick(T0 + 61_000);
    sim.tick(T0 + 121_000);
    expect(assignments.map((a) => a.interactionId)).toEqual(['vip', 'old', 'new']);
  });

  it('ages priority while an interaction waits, up to the limit', () => {
    const { sim } = simulator();
    sim.enqueue({ id: 'call-1', virtualQueue: 'Sales_VQ' });
    sim.tick(T0 + 3 * 60_000);
    expect(sim.waiting('call-1')).toMatchObject({ priority: 4, waitingMs: 180_000, position: 1 });
    sim.tick(T0 + 60 * 60_000);
    expect(sim.waiting('call-1')?.priority).toBe(10);
  });

  it('returns a Busy agent to Ready after the handle time, then routes the next interaction', () => {
    const { sim, assignments } = simulator();
    sim.addAgent(agent('a', { Sales: 5 }, 30), 'Ready');
    sim.enqueue({ id: 'one', virtualQueue: 'Sales_VQ' });
    sim.enqueue({ id: 'two', virtualQueue: 'Sales_VQ' });
    sim.tick(T0 + 29_999);
    expect(assignments).toHaveLength(1);
    sim.tick(T0 + 45_000);
    expect(assignments[1]).toMatchObject({ interactionId: 'two', atMs: T0 + 30_000, waitedMs: 30_000 });
  });

  it('does not reserve the agent that triggers a callback', () => {
    const { sim, assignments } = simulator();
    sim.addAgent(agent('a', { Sales: 5 }), 'Ready');
    sim.enqueue({ id: 'cb-1', virtualQueue: 'Sales_VQ', reserveAgent: false });
    expect(assignments[0]).toMatchObject({ interactionId: 'cb-1', reserved: false });
    expect(sim.agent('a')?.state).toBe('Ready');
  });

  it('replays identically with the same seed and uniform handle times', () => {
    const run = () => {
      const sim = new ContactCenterSimulator({ startMs: T0, seed: 42 });
      sim.addAgent(
        { id: 'a', name: 'A', skills: {}, handleTime: { kind: 'uniform', minSeconds: 10, maxSeconds: 100 } },
        'Ready',
      );
      for (let i = 0; i < 5; i++) sim.enqueue({ id: `c${i}`, virtualQueue: 'Any' });
      const times: number[] = [];
      sim.onAssigned((a) => times.push(a.atMs));
      sim.tick(T0 + 3_600_000);
      return times;
    };
    expect(run()).toEqual(run());
    expect(run()).toHaveLength(4);
  });

  it('follows a virtual clock', async () => {
    const clock = virtualClock(T0);
    const { sim, assignments } = simulator();
    driveWithClock(sim, clock);
    sim.addAgent(agent('a', { Sales: 5 }, 10), 'Ready');
    sim.enqueue({ id: 'one', virtualQueue: 'Sales_VQ' });
    sim.enqueue({ id: 'two', virtualQueue: 'Sales_VQ' });
    await clock.advance(10_000);
    expect(assignments.map((a) => a.interactionId)).toEqual(['one', 'two']);
  });
});

describe('dialer', () => {
  it('answers after 5 seconds unless told otherwise, and plays scripted outcomes in turn', async () => {
    const sim = new ContactCenterSimulator({ startMs: T0 });
    sim.dialer.setOutcome(
      '+15550001',
      { outcome: 'busy', afterMs: 2000 },
      { outcome: 'noAnswer', afterMs: 30_000 },
    );
    const answered = sim.dialer.dial('+15550002');
    const busy = sim.dialer.dial('+15550001');
    const noAnswer = sim.dialer.dial('+15550001');
    const again = sim.dialer.dial('+15550001');
    sim.tick(T0 + 30_000);
    expect(await answered).toMatchObject({ outcome: 'answer', endedMs: T0 + 5000 });
    expect(await busy).toMatchObject({ outcome: 'busy', endedMs: T0 + 2000 });
    expect((await noAnswer).outcome).toBe('noAnswer');
    expect((await again).outcome).toBe('noAnswer');
  });

  it('leaves a dial pending until its time comes', () => {
    const sim = new ContactCenterSimulator({ startMs: T0 });
    sim.dialer.setOutcome('+15550003', { outcome: 'unreachable', afterMs: 1000 });
    void sim.dialer.dial('+15550003');
    sim.tick(T0 + 999);
    expect(sim.dialer.inProgress).toBe(1);
    sim.tick(T0 + 1000);
    expect(sim.dialer.inProgress).toBe(0);
  });
});

describe('estimated wait time', () => {
  it('answers -2 with no agents logged in and -1 with no history', () => {
    const { sim } = simulator();
    expect(sim.estimatedWaitTime('Sales_VQ', 'mode2')).toEqual({ estimatedWaitTime: -2, resultCode: -2 });
    sim.addAgent(agent('a', { Sales: 5 }), 'NotReady');
    expect(sim.estimatedWaitTime('Sales_VQ', 'mode1')).toEqual({ estimatedWaitTime: -1, resultCode: -1 });
  });

  it('estimates from the queue in every mode once interactions have been served', () => {
    const { sim } = simulator();
    sim.addAgent(agent('a', { Sales: 5 }, 60), 'Ready');
    sim.addAgent(agent('b', { Sales: 5 }, 60), 'Ready');
    for (let i = 0; i < 6; i++) sim.enqueue({ id: `c${i}`, virtualQueue: 'Sales_VQ' });
    sim.tick(T0 + 119_000); // four served at 0, 0, 60 s, 60 s; two waiting, so a newcomer is third
    // mode3: position 3 x 60 s handle time / 2 agents.
    expect(sim.estimatedWaitTime('Sales_VQ', 'mode3')).toEqual({ estimatedWaitTime: 90, resultCode: 0 });
    // mode1: 4 departures in the 119 s since the first, so 29.75 s each, times position 3.
    expect(sim.estimatedWaitTime('Sales_VQ', 'mode1')).toEqual({ estimatedWaitTime: 89, resultCode: 0 });
    // mode2: as many agents now as when they left, so the same.
    expect(sim.estimatedWaitTime('Sales_VQ', 'mode2').estimatedWaitTime).toBe(89);
    expect(sim.estimatedWaitTime('Sales_VQ', 'mode3', 1).estimatedWaitTime).toBe(30);
  });
});
