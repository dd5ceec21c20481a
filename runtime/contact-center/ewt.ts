/**
 * Estimated wait time in the three GES modes; see README.md for the formulas. Every mode answers
 * -2 when no agent able to serve the queue is logged in, and -1 when it has no history to go on.
 */
export type EwtMode = 'mode1' | 'mode2' | 'mode3';

export interface EwtResult {
  /** Seconds, or the result code when it is not 0. */
  estimatedWaitTime: number;
  resultCode: 0 | -1 | -2;
}

/** What the queue remembers about one interaction that left it for an agent. */
export interface Departure {
  atMs: number;
  /** Matching agents logged in (Ready, Busy or NotReady) when it left. */
  agentsLoggedIn: number;
}

export interface EwtInputs {
  nowMs: number;
  /** The position to estimate for: an interaction's own position, or waiting + 1 for a newcomer. */
  position: number;
  /** Latest departures, oldest first (at most 32 are used). */
  departures: readonly Departure[];
  /** Latest handle times in seconds (at most 32 are used). */
  handleTimesSeconds: readonly number[];
  agentsLoggedIn: number;
  /** Matching agents Ready or Busy now. */
  agentsWorking: number;
  /** Interactions waiting in the queue now (mode2 without history needs some). */
  waiting?: number;
  /** Mean configured handle time of the matching logged-in agents, in seconds (mode2 without history). */
  agentsHandleSeconds?: number;
}

export const EWT_HISTORY = 32;
const NO_AGENTS: EwtResult = { estimatedWaitTime: -2, resultCode: -2 };
const NO_HISTORY: EwtResult = { estimatedWaitTime: -1, resultCode: -1 };

export function estimateWaitTime(mode: EwtMode, inputs: EwtInputs): EwtResult {
  if (inputs.agentsLoggedIn === 0) return NO_AGENTS;
  if (mode === 'mode3') return currentStatistics(inputs);
  const departures = inputs.departures.slice(-EWT_HISTORY);
  const first = departures[0];
  if (!first) return mode === 'mode2' ? staffingOnly(inputs) : NO_HISTORY;
  // Throughput over the window from the oldest remembered departure to now.
  const windowSeconds = Math.max(1, (inputs.nowMs - first.atMs) / 1000);
  let ewt = (inputs.position * windowSeconds) / departures.length;
  if (mode === 'mode2') {
    const agentsThen = departures.reduce((sum, d) => sum + d.agentsLoggedIn, 0) / departures.length;
    ewt *= agentsThen / inputs.agentsLoggedIn;
  }
  return { estimatedWaitTime: Math.round(ewt), resultCode: 0 };
}

/**
 * mode2 before any history: the queue's waiting interactions shared among the agents able to
 * serve it, each taking its configured handle time: `P × mean handle time / logged-in agents`.
 * Still "no interactions yet" (-1) while nothing waits.
 */
function staffingOnly(inputs: EwtInputs): EwtResult {
  if (!inputs.waiting || inputs.agentsHandleSeconds === undefined) return NO_HISTORY;
  return {
    estimatedWaitTime: Math.round((inputs.position * inputs.agentsHandleSeconds) / inputs.agentsLoggedIn),
    resultCode: 0,
  };
}

function currentStatistics(inputs: EwtInputs): EwtResult {
  const handleTimes = inputs.handleTimesSeconds.slice(-EWT_HISTORY);
  if (handleTimes.length === 0) return NO_HISTORY;
  if (inputs.agentsWorking === 0) return NO_AGENTS;
  const averageHandle = handleTimes.reduce((sum, seconds) => sum + seconds, 0) / handleTimes.length;
  return {
    estimatedWaitTime: Math.round((inputs.position * averageHandle) / inputs.agentsWorking),
    resultCode: 0,
  };
}
