import { describe, expect, it } from 'vitest';
import { estimateWaitTime } from './ewt.ts';

const base = {
  nowMs: 100_000,
  position: 2,
  handleTimesSeconds: [60, 120],
  agentsLoggedIn: 2,
  agentsWorking: 2,
};
const departures = [
  { atMs: 0, agentsLoggedIn: 4 },
  { atMs: 50_000, agentsLoggedIn: 4 },
];

describe('estimateWaitTime', () => {
  it('mode1: position times the mean time between departures over the window', () => {
    expect(estimateWaitTime('mode1', { ...base, departures })).toEqual({
      estimatedWaitTime: 100,
      resultCode: 0,
    });
  });

  it('mode2: scales mode1 by the agents then over the agents now', () => {
    expect(estimateWaitTime('mode2', { ...base, departures })).toEqual({
      estimatedWaitTime: 200,
      resultCode: 0,
    });
  });

  it('mode3: position times the average handle time over the working agents', () => {
    expect(estimateWaitTime('mode3', { ...base, departures })).toEqual({
      estimatedWaitTime: 90,
      resultCode: 0,
    });
  });

  it('uses only the last 32 departures', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ atMs: i * 1000, agentsLoggedIn: 2 }));
    // The window starts at the 9th departure (8 s): 92 s for 32 departures.
    expect(estimateWaitTime('mode1', { ...base, position: 32, departures: many }).estimatedWaitTime).toBe(92);
  });

  it('answers -2 when no agents are logged in, before -1 for no history', () => {
    expect(estimateWaitTime('mode1', { ...base, departures: [], agentsLoggedIn: 0 }).resultCode).toBe(-2);
    expect(estimateWaitTime('mode1', { ...base, departures: [] }).resultCode).toBe(-1);
    expect(estimateWaitTime('mode3', { ...base, departures, handleTimesSeconds: [] }).resultCode).toBe(-1);
    expect(estimateWaitTime('mode3', { ...base, departures, agentsWorking: 0 }).resultCode).toBe(-2);
  });

  it('mode2 before history: waiting interactions shared by the logged-in agents at their handle time', () => {
    const staffed = {
      ...base,
      departures: [],
      position: 3,
      waiting: 2,
      agentsLoggedIn: 3,
      agentsHandleSeconds: 240,
    };
    expect(estimateWaitTime('mode2', staffed)).toEqual({ estimatedWaitTime: 240, resultCode: 0 });
    expect(estimateWaitTime('mode2', { ...staffed, waiting: 0 }).resultCode).toBe(-1);
    expect(estimateWaitTime('mode1', staffed).resultCode).toBe(-1);
    expect(estimateWaitTime('mode2', { ...staffed, agentsLoggedIn: 0 }).resultCode).toBe(-2);
  });
});
