import { describe, expect, it } from 'vitest';
import type { TestCall } from '../../api/types.ts';
import { runHighlight } from './trace-path.ts';

const call = (patch: Partial<TestCall>): TestCall => ({
  id: 'c1',
  state: 'waitingInput',
  applicationId: 'app',
  version: 1,
  ani: '+15550001',
  dnis: null,
  currentBlockId: 'menu',
  currentPhase: 'selfService',
  pendingInput: null,
  prompts: [],
  variables: {},
  trace: [],
  endReason: null,
  error: null,
  ...patch,
});

const entry = (seq: number, blockId: string, outcome: string | null) => ({
  seq,
  blockId,
  blockType: 'play-message',
  phase: 'selfService',
  enteredAt: '2025-01-01T00:00:00.000Z',
  durationMs: 1,
  outcome,
});

describe('test call highlight', () => {
  it('marks the blocks and links the call went through, and the block it waits in', () => {
    const h = runHighlight(call({ trace: [entry(1, 'hello', 'next'), entry(2, 'menu', null)] }));
    expect(h.currentBlockId).toBe('menu');
    expect(Object.keys(h.visited)).toEqual(['hello', 'menu']);
    expect(Object.keys(h.takenEdges)).toEqual(['hello->next']);
  });

  it('says when the call is paused at a breakpoint', () => {
    expect(runHighlight(call({ state: 'paused', currentBlockId: 'menu' })).paused).toBe(true);
    expect(runHighlight(call({})).paused).toBe(false);
  });

  it('shows no current block once the call has ended', () => {
    expect(runHighlight(call({ state: 'ended', currentBlockId: 'menu' })).currentBlockId).toBeNull();
  });
});
