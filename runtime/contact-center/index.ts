export type { AgentDefinition, AgentSnapshot, AgentState, HandleTime } from './agents.ts';
export { meanHandleSeconds, sampleHandleTimeMs } from './agents.ts';
export type {
  Assignment,
  ContactCenter,
  InteractionRequest,
  QueueConfig,
  Release,
  WaitingInteraction,
} from './contact-center.ts';
export type { Dialer, DialOutcome, DialResult, ScriptedOutcome } from './dialer.ts';
export { DEFAULT_OUTCOME, SimulatedDialer } from './dialer.ts';
export type { Departure, EwtInputs, EwtMode, EwtResult } from './ewt.ts';
export { EWT_HISTORY, estimateWaitTime } from './ewt.ts';
export type { PriorityAging } from './priority.ts';
export { agedPriority, NO_AGING } from './priority.ts';
export { seededRandom } from './random.ts';
export { ContactCenterSimulator, driveWithClock } from './simulator.ts';
export type { SkillExpression, SkillLevels } from './skill-expression.ts';
export {
  checkSkillExpression,
  matchesSkills,
  parseSkillExpression,
  SkillExpressionError,
} from './skill-expression.ts';
export type {
  AdapterDialResult,
  DialKey,
  DialLedger,
  DialRequest,
  LedgerEntry,
  TelephonyAdapter,
} from './telephony.ts';
export { memoryLedger, SimulatedTelephony } from './telephony.ts';
