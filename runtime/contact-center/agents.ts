import type { SkillLevels } from './skill-expression.ts';

export type AgentState = 'Ready' | 'NotReady' | 'Busy' | 'LoggedOut';

/** How long an agent handles an interaction, in seconds. */
export type HandleTime =
  | { kind: 'fixed'; seconds: number }
  | { kind: 'uniform'; minSeconds: number; maxSeconds: number };

export interface AgentDefinition {
  id: string;
  name: string;
  skills: SkillLevels;
  handleTime: HandleTime;
}

export interface AgentSnapshot extends AgentDefinition {
  state: AgentState;
  /** When the agent last became Ready; longest idle is the smallest. Null unless Ready. */
  idleSinceMs: number | null;
  /** The interaction being handled while Busy. */
  interactionId: string | null;
  busyUntilMs: number | null;
}

export function sampleHandleTimeMs(handleTime: HandleTime, random: () => number): number {
  if (handleTime.kind === 'fixed') return handleTime.seconds * 1000;
  const seconds = handleTime.minSeconds + random() * (handleTime.maxSeconds - handleTime.minSeconds);
  return Math.round(seconds * 1000);
}

/** Mean handle time of a distribution, in seconds (for EWT before any history exists). */
export function meanHandleSeconds(handleTime: HandleTime): number {
  return handleTime.kind === 'fixed'
    ? handleTime.seconds
    : (handleTime.minSeconds + handleTime.maxSeconds) / 2;
}
