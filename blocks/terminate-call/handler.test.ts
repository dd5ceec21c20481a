import { describe, expect, it } from 'vitest';
import { harness } from '../testing.ts';
import { terminateCall } from './handler.ts';

describe('terminate-call', () => {
  it('ends the call with its reason', async () => {
    expect(await harness(terminateCall, { properties: { reason: 'caller done' } }).start()).toEqual({
      kind: 'end',
      reason: 'caller done',
    });
  });

  it('ends the call with a default reason', async () => {
    expect(await harness(terminateCall, { properties: {} }).start()).toEqual({
      kind: 'end',
      reason: 'terminated',
    });
  });
});
