import { describe, expect, it } from 'vitest';
import { ContactCenterSimulator } from './simulator.ts';
import { memoryLedger, SimulatedTelephony } from './telephony.ts';

function setup() {
  const sim = new ContactCenterSimulator({ startMs: 0 });
  const ledger = memoryLedger();
  // Two processes' adapters over one ledger: what every process sees of the telephony.
  const here = new SimulatedTelephony(sim.dialer, ledger);
  const there = new SimulatedTelephony(sim.dialer, ledger);
  return { sim, here, there };
}

describe('the simulated telephony adapter', () => {
  it('dials an attempt at most once, whichever process asks, and answers every asker its result', async () => {
    const { sim, here, there } = setup();
    sim.dialer.setOutcome('+15550001', { outcome: 'busy', afterMs: 2000 });
    const first = here.dial({ callbackId: 'cb', attempt: 1, number: '+15550001' });
    await new Promise((resolve) => setImmediate(resolve));
    const again = there.dial({ callbackId: 'cb', attempt: 1, number: '+15550001' });
    await new Promise((resolve) => setImmediate(resolve));
    sim.tick(2000);
    const [a, b] = await Promise.all([first, again]);
    expect(a).toMatchObject({ outcome: 'busy', startedMs: 0, endedMs: 2000 });
    expect(b).toMatchObject({ outcome: 'busy', startedMs: 0, endedMs: 2000 });
  });

  it('lets another process learn the outcome of a dial still ringing, when it ends', async () => {
    const { sim, here, there } = setup();
    void here.dial({ callbackId: 'cb', attempt: 2, number: '+15550002' });
    await new Promise((resolve) => setImmediate(resolve));
    let learned: unknown;
    void there.resolve({ callbackId: 'cb', attempt: 2 }).then((result) => (learned = result));
    sim.tick(4000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(learned).toBeUndefined();
    sim.tick(5000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(learned).toMatchObject({ outcome: 'answer', endedMs: 5000 });
  });

  it('voids an attempt that was never dialled, so a late dial of it never rings', async () => {
    const { sim, here, there } = setup();
    expect(await there.resolve({ callbackId: 'cb', attempt: 3 })).toBeNull();
    const late = await here.dial({ callbackId: 'cb', attempt: 3, number: '+15550003' });
    expect(late.outcome).toBe('voided');
    expect(sim.dialer.inProgress).toBe(0);
    // Another attempt of the same callback is a dial of its own.
    const next = here.dial({ callbackId: 'cb', attempt: 4, number: '+15550003' });
    await new Promise((resolve) => setImmediate(resolve));
    sim.tick(5000);
    expect(await next).toMatchObject({ outcome: 'answer' });
  });
});
